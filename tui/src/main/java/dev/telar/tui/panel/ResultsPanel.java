package dev.telar.tui.panel;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.Verdict;
import dev.telar.tui.view.ExperimentState;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.run.RunResult;
import java.util.List;
import java.util.Locale;

/**
 * Finished runs, newest at the bottom: kernel, model, workers, wall and CPU seconds, speedup over
 * the sequential baseline (blank without one) and efficiency. A cancelled run reads "cancelled",
 * a failed one gives its message; neither shows figures. The last line is the verdict on the
 * newest run, or a note from the form (why a run cannot start).
 */
public final class ResultsPanel implements Panel {
    static final String HEADER = String.format(Locale.ROOT, "%-6s %-16s %7s %7s %7s %8s %5s  %s",
            "KERNEL", "MODEL", "WORKERS", "WALL s", "CPU s", "SPEEDUP", "EFF", "CORES");

    @Override
    public void render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        int width = area.width();
        ExperimentState x = view.experiments();
        Palette.bar(g);
        g.putString(0, 0, Units.fit(HEADER, width));
        List<RunResult> results = x.results();
        int room = Math.max(0, area.height() - 2);
        int first = Math.max(0, results.size() - room);
        for (int i = first; i < results.size(); i++) {
            Palette.plain(g);
            RunResult r = results.get(i);
            if (r.status() != RunResult.Status.COMPLETED) {
                g.setForegroundColor(TextColor.ANSI.YELLOW);
            } else if (i == results.size() - 1) {
                g.enableModifiers(SGR.BOLD);
            }
            g.putString(0, 1 + i - first, Units.fit(row(r), width));
        }
        if (results.isEmpty() && area.height() > 2) {
            Palette.plain(g);
            g.putString(1, 1, Units.fit("no runs yet", width - 1));
        }
        if (area.height() >= 2) {
            int cores = snap != null && !snap.cores().isEmpty() ? snap.cores().size()
                    : Runtime.getRuntime().availableProcessors();
            drawNote(g, area.height() - 1, width, x, results, cores);
        }
    }

    private static void drawNote(Canvas g, int row, int width, ExperimentState x, List<RunResult> results, int cores) {
        Palette.plain(g);
        String note;
        if (!x.message().isEmpty()) {
            g.setForegroundColor(TextColor.ANSI.YELLOW);
            note = x.message();
        } else if (x.problem().isPresent()) {
            g.setForegroundColor(TextColor.ANSI.YELLOW);
            note = x.model() + ": " + x.problem().get();
        } else if (!results.isEmpty()) {
            g.enableModifiers(SGR.BOLD);
            note = "▶ " + Verdict.of(results.get(results.size() - 1), cores);
        } else {
            note = "Enter runs the form's experiment (baseline first), w sweeps worker counts";
        }
        g.putString(0, row, Units.fit(note, width));
    }

    /** The cores a run was pinned to, or "any" when the scheduler chose. */
    static String cores(int[] pinned) {
        return pinned.length == 0 ? "any" : Units.coreList(pinned);
    }

    /** One table row for a run. */
    static String row(RunResult r) {
        boolean matmul = r.spec().kernel().equals("matmul");
        String model = matmul ? "product threads" : r.spec().model();
        int workers = matmul ? r.spec().kernelThreads() : r.spec().workers();
        String lead = String.format(Locale.ROOT, "%-6s %-16s %7d ", r.spec().kernel(), Units.fit(model, 16), workers);
        return switch (r.status()) {
            case CANCELLED -> lead + "cancelled, no result";
            case FAILED -> lead + "failed: " + Units.printable(r.message());
            default -> lead + String.format(Locale.ROOT, "%7.2f %7s %8s %5s  %s", r.wallSeconds(),
                    Double.isFinite(r.cpuSeconds()) ? String.format(Locale.ROOT, "%.2f", r.cpuSeconds()) : "?",
                    r.speedup().isPresent() ? String.format(Locale.ROOT, "×%.2f", r.speedup().getAsDouble()) : "",
                    r.efficiency().isPresent()
                            ? String.format(Locale.ROOT, "%d%%", Math.round(100 * r.efficiency().getAsDouble())) : "",
                    cores(r.spec().cores()));
        };
    }
}
