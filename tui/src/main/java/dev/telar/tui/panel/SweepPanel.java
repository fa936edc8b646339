package dev.telar.tui.panel;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.Sweep;
import java.util.List;
import java.util.Locale;

/**
 * The last sweep as the lecture shows it: one line per worker count (for matmul: thread limit)
 * with seconds, speedup over the baseline and a bar of the time, the fastest marked, and a last
 * line saying plainly what threads beyond the core count bought (usually nothing, or a slowdown).
 */
public final class SweepPanel implements Panel {
    /** Marks the fastest count. */
    static final String FASTEST = "◀ fastest";
    private static final int FIXED = 24;

    @Override
    public void render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        int width = area.width();
        List<RunResult> all = view.experiments().sweep();
        int cores = snap != null && !snap.cores().isEmpty() ? snap.cores().size() : Runtime.getRuntime().availableProcessors();
        Palette.label(g);
        if (all.isEmpty()) {
            g.putString(0, 0, Units.fit("Sweep: none yet (w)", width));
            return;
        }
        RunResult base = all.get(0);
        boolean matmul = base.spec().kernel().equals("matmul");
        String what = matmul ? "matmul thread limit" : base.spec().kernel() + "/" + (all.size() > 1 ? all.get(1).spec().model() : "?");
        g.putString(0, 0, Units.fit("Sweep " + what + " on " + cores + (cores == 1 ? " core" : " cores"), width));
        Palette.bar(g);
        g.putString(0, 1, Units.fit(String.format(Locale.ROOT, "%5s %8s %8s  TIME", matmul ? "LIMIT" : "COUNT", "SECONDS",
                "SPEEDUP"), width));
        int best = Sweep.fastest(all);
        double longest = all.stream().filter(r -> r.status() == RunResult.Status.COMPLETED)
                .mapToDouble(RunResult::wallSeconds).max().orElse(1);
        int barRoom = Math.max(1, width - FIXED - FASTEST.length() - 1);
        int rows = Math.max(0, area.height() - 3);
        for (int i = 0; i < all.size() && i < rows; i++) {
            RunResult r = all.get(i);
            String count = i == 0 ? "base" : Integer.toString(count(r));
            int row = 2 + i;
            Palette.plain(g);
            if (r.status() != RunResult.Status.COMPLETED) {
                g.setForegroundColor(TextColor.ANSI.YELLOW);
                g.putString(0, row, Units.fit(String.format(Locale.ROOT, "%5s %s", count,
                        r.status() == RunResult.Status.CANCELLED ? "cancelled" : "failed: " + r.message()), width));
                continue;
            }
            String figures = String.format(Locale.ROOT, "%5s %8.2f %8s  ", count, r.wallSeconds(),
                    r.speedup().isPresent() ? String.format(Locale.ROOT, "×%.2f", r.speedup().getAsDouble()) : "");
            g.putString(0, row, figures);
            int bar = Math.max(1, (int) Math.round(barRoom * r.wallSeconds() / longest));
            g.setForegroundColor(i > 0 && count(r) > cores ? TextColor.ANSI.YELLOW : TextColor.ANSI.GREEN);
            g.putString(figures.length(), row, "█".repeat(Math.min(bar, Math.max(0, width - figures.length()))));
            if (i == best) {
                Palette.label(g);
                g.putString(figures.length() + bar + 1, row, FASTEST);
            }
        }
        String verdict = beyondCores(all, cores);
        if (!verdict.isEmpty() && area.height() > 2 + Math.min(all.size(), rows)) {
            Palette.plain(g);
            g.enableModifiers(SGR.BOLD);
            g.putString(0, 2 + Math.min(all.size(), rows), Units.fit(verdict, width));
        }
    }

    private static int count(RunResult r) {
        return r.spec().kernel().equals("matmul") ? r.spec().kernelThreads() : r.spec().workers();
    }

    /** What counts above the core count did compared with the best at or below it; empty when none ran. */
    static String beyondCores(List<RunResult> all, int cores) {
        double within = Double.NaN;
        double beyondBest = Double.NaN;
        double beyondWorst = Double.NaN;
        int withinCount = 0;
        for (int i = 1; i < all.size(); i++) {
            RunResult r = all.get(i);
            if (r.status() != RunResult.Status.COMPLETED) {
                continue;
            }
            double t = r.wallSeconds();
            if (count(r) <= cores) {
                if (Double.isNaN(within) || t < within) {
                    within = t;
                    withinCount = count(r);
                }
            } else {
                beyondBest = Double.isNaN(beyondBest) ? t : Math.min(beyondBest, t);
                beyondWorst = Double.isNaN(beyondWorst) ? t : Math.max(beyondWorst, t);
            }
        }
        if (Double.isNaN(within) || Double.isNaN(beyondBest)) {
            return "";
        }
        String more = "beyond " + cores + (cores == 1 ? " core" : " cores") + ": ";
        if (beyondBest < within * 0.95) {
            return more + String.format(Locale.ROOT, "still %.0f%% faster than %d; the threads mostly wait",
                    100 * (within / beyondBest - 1), withinCount);
        }
        if (beyondWorst > within * 1.05) {
            return more + String.format(Locale.ROOT, "up to %.0f%% slower than %d; extra threads only take turns",
                    100 * (beyondWorst / within - 1), withinCount);
        }
        return more + "no faster than " + withinCount + "; extra threads only take turns";
    }
}
