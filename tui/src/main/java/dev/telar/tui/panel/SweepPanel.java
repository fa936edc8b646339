package dev.telar.tui.panel;

import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.kernel.KernelKind;
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
    private static final int FIXED = 24;

    /** The panel's words in one language. */
    private record Words(String fastest, String none, String header, String headerMatmul, String base,
                         String cancelled, String failed, Texts texts) {
        static Words of(Texts t) {
            String columns = "%5s %8s %8s  " + t.get("sweep.col.time");
            return new Words("◀ " + t.get("sweep.fastest"), t.get("sweep.none"),
                    String.format(Locale.ROOT, columns, t.get("sweep.col.count"), t.get("sweep.col.seconds"),
                            t.get("sweep.col.speedup")),
                    String.format(Locale.ROOT, columns, t.get("sweep.col.limit"), t.get("sweep.col.seconds"),
                            t.get("sweep.col.speedup")),
                    t.get("sweep.base"), t.get("sweep.cancelled"), t.get("sweep.failed"), t);
        }
    }

    private final PerLanguage<Words> words = new PerLanguage<>(Words::of);

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        Palette p = Palette.of(view.theme());
        Texts texts = Texts.of(view.language());
        Words w = words.get(texts);
        int width = area.width();
        List<RunResult> all = view.experiments().sweep();
        int cores = snap != null && !snap.cores().isEmpty() ? snap.cores().size() : Runtime.getRuntime().availableProcessors();
        p.label(g);
        if (all.isEmpty()) {
            g.putString(0, 0, Units.fit(w.none(), width));
            return LaidOut.NOTHING;
        }
        RunResult base = all.get(0);
        boolean matmul = base.spec().kernel() == KernelKind.MATMUL;
        String what = matmul ? texts.get("sweep.matmul")
                : base.spec().kernel().label() + "/" + (all.size() > 1 ? all.get(1).spec().model().label() : "?");
        g.putString(0, 0, Units.fit(texts.count("sweep.title", cores, what), width));
        p.bar(g);
        g.putString(0, 1, Units.fit(matmul ? w.headerMatmul() : w.header(), width));
        int best = Sweep.fastest(all);
        double longest = all.stream().filter(r -> r.status() == RunResult.Status.COMPLETED)
                .mapToDouble(RunResult::wallSeconds).max().orElse(1);
        int barRoom = Math.max(1, width - FIXED - w.fastest().length() - 1);
        int rows = Math.max(0, area.height() - 3);
        for (int i = 0; i < all.size() && i < rows; i++) {
            RunResult r = all.get(i);
            String count = i == 0 ? w.base() : Integer.toString(count(r));
            int row = 2 + i;
            if (r.status() != RunResult.Status.COMPLETED) {
                p.warning(g);
                g.putString(0, row, Units.fit(String.format(Locale.ROOT, "%5s %s", count,
                        r.status() == RunResult.Status.CANCELLED ? w.cancelled()
                                : String.format(Locale.ROOT, w.failed(),
                                        Units.printable(Problems.text(r.problem(), w.texts())))), width));
                continue;
            }
            p.plain(g);
            String figures = String.format(Locale.ROOT, "%5s %8.2f %8s  ", count, r.wallSeconds(),
                    r.speedup().isPresent() ? String.format(Locale.ROOT, "×%.2f", r.speedup().getAsDouble()) : "");
            g.putString(0, row, figures);
            int bar = Math.max(1, (int) Math.round(barRoom * r.wallSeconds() / longest));
            p.sweepBar(g, i == 0 || count(r) <= cores);
            g.putString(figures.length(), row, "█".repeat(Math.min(bar, Math.max(0, width - figures.length()))));
            if (i == best) {
                p.label(g);
                g.putString(figures.length() + bar + 1, row, w.fastest());
            }
        }
        String verdict = beyondCores(all, cores, texts);
        int first = 2 + Math.min(all.size(), rows);
        if (!verdict.isEmpty() && area.height() > first) {
            // The verdict is the lesson of the sweep: on a narrow side panel it takes a second line.
            p.strong(g);
            List<String> lines = Units.wrap(verdict, width, area.height() - first);
            for (int i = 0; i < lines.size(); i++) {
                g.putString(0, first + i, lines.get(i));
            }
        }
        return LaidOut.NOTHING;
    }

    private static int count(RunResult r) {
        return r.spec().kernel() == KernelKind.MATMUL ? r.spec().kernelThreads() : r.spec().workers();
    }

    /** What counts above the core count did compared with the best at or below it; empty when none ran. */
    static String beyondCores(List<RunResult> all, int cores, Texts texts) {
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
        String more = texts.count("sweep.beyond", cores) + ": ";
        // A sweep of a process model says "processes" where one of threads says "threads".
        String of = all.get(all.size() - 1).spec().model().startsProcesses() ? ".process" : "";
        if (beyondBest < within * 0.95) {
            return more + texts.format("sweep.beyond.faster" + of, 100 * (within / beyondBest - 1), withinCount);
        }
        if (beyondWorst > within * 1.05) {
            return more + texts.format("sweep.beyond.slower" + of, 100 * (beyondWorst / within - 1), withinCount);
        }
        return more + texts.format("sweep.beyond.same" + of, withinCount);
    }
}
