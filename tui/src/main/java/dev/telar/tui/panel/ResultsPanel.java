package dev.telar.tui.panel;

import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.Verdict;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.ExperimentState;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.kernel.KernelKind;
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
    /** The table's words in one language. */
    record Words(String header, String cancelled, String failed, String matmulModel, String anyCore, String none,
                 String hint, Texts texts) {
        static Words of(Texts t) {
            return new Words(String.format(Locale.ROOT, "%-6s %-16s %7s %7s %7s %8s %5s  %s", t.get("results.col.kernel"),
                    t.get("results.col.model"), t.get("results.col.workers"), t.get("results.col.wall"),
                    t.get("results.col.cpu"), t.get("results.col.speedup"), t.get("results.col.efficiency"),
                    t.get("results.col.cores")), t.get("results.cancelled"), t.get("results.failed"),
                    t.get("results.matmul.model"), t.get("results.anycore"), t.get("results.none"), t.get("results.hint"),
                    t);
        }
    }

    private final PerLanguage<Words> words = new PerLanguage<>(Words::of);
    /** The verdict line last drawn and what it was made from: a verdict is worded once, not every frame. */
    private RunResult verdictFor;
    private Texts verdictTexts;
    private int verdictCores;
    private String verdict;

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        Palette p = Palette.of(view.theme());
        Texts texts = Texts.of(view.language());
        Words w = words.get(texts);
        int width = area.width();
        ExperimentState x = view.experiments();
        p.bar(g);
        g.putString(0, 0, Units.fit(w.header(), width));
        List<RunResult> results = x.results();
        int room = Math.max(0, area.height() - 2);
        int first = Math.max(0, results.size() - room);
        for (int i = first; i < results.size(); i++) {
            RunResult r = results.get(i);
            if (r.status() != RunResult.Status.COMPLETED) {
                p.warning(g);
            } else if (i == results.size() - 1) {
                p.strong(g);
            } else {
                p.plain(g);
            }
            g.putString(0, 1 + i - first, Units.fit(row(r, w), width));
        }
        if (results.isEmpty() && area.height() > 2) {
            p.plain(g);
            g.putString(1, 1, Units.fit(w.none(), width - 1));
        }
        if (area.height() >= 2) {
            int cores = snap != null && !snap.cores().isEmpty() ? snap.cores().size()
                    : Runtime.getRuntime().availableProcessors();
            drawNote(g, p, texts, w, area.height() - 1, width, x, results, cores);
        }
        return LaidOut.NOTHING;
    }

    private void drawNote(Canvas g, Palette p, Texts texts, Words w, int row, int width, ExperimentState x,
                          List<RunResult> results, int cores) {
        String note;
        if (!x.message().isEmpty()) {
            p.warning(g);
            note = x.message().in(texts);
        } else if (x.problemMessage().isPresent()) {
            p.warning(g);
            note = x.model().label() + ": " + x.problemMessage().get().in(texts);
        } else if (!results.isEmpty()) {
            p.strong(g);
            note = "▶ " + verdict(results.get(results.size() - 1), cores, texts);
        } else {
            p.plain(g);
            note = w.hint();
        }
        g.putString(0, row, Units.fit(note, width));
    }

    private String verdict(RunResult r, int cores, Texts texts) {
        if (r != verdictFor || texts != verdictTexts || cores != verdictCores) {
            verdict = Verdict.of(r, cores, texts);
            verdictFor = r;
            verdictTexts = texts;
            verdictCores = cores;
        }
        return verdict;
    }

    /** The cores a run was pinned to, or the word for "any" when the scheduler chose. */
    static String cores(int[] pinned, Words w) {
        return pinned.length == 0 ? w.anyCore() : Units.coreList(pinned);
    }

    /** One table row for a run. */
    static String row(RunResult r, Words w) {
        boolean matmul = r.spec().kernel() == KernelKind.MATMUL;
        String model = matmul ? w.matmulModel() : r.spec().model().label();
        int workers = matmul ? r.spec().kernelThreads() : r.spec().workers();
        String lead = String.format(Locale.ROOT, "%-6s %-16s %7d ", r.spec().kernel().label(), Units.fit(model, 16),
                workers);
        return switch (r.status()) {
            case CANCELLED -> lead + w.cancelled();
            case FAILED -> lead + String.format(Locale.ROOT, w.failed(),
                    Units.printable(Problems.text(r.problem(), w.texts())));
            default -> lead + String.format(Locale.ROOT, "%7.2f %7s %8s %5s  %s", r.wallSeconds(),
                    Double.isFinite(r.cpuSeconds()) ? String.format(Locale.ROOT, "%.2f", r.cpuSeconds()) : "?",
                    r.speedup().isPresent() ? String.format(Locale.ROOT, "×%.2f", r.speedup().getAsDouble()) : "",
                    r.efficiency().isPresent()
                            ? String.format(Locale.ROOT, "%d%%", Math.round(100 * r.efficiency().getAsDouble())) : "",
                    cores(r.spec().cores(), w));
        };
    }
}
