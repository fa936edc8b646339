package dev.telar.tui.panel;

import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.Affinity;
import dev.telar.tui.view.ExperimentState;
import dev.telar.tui.view.ExperimentState.Field;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.Target;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.kernel.KernelKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The experiments form: kernel, model, the model's own setting (gil: switch interval;
 * subinterpreters: how many), workers, tasks, size, affinity and baseline, one per line,
 * the selected field in reverse video with ◂ ▸ around its value, and a state line (idle,
 * running, or why the chosen model cannot run on this JVM). Draws from the {@link ExperimentState}
 * only; the keys that change it live in the key handler. A click on a field selects it; a click
 * on ◂ or ▸ changes it.
 */
public final class ExperimentsPanel implements Panel {
    /** Narrowest label column, cells; wider when a language's labels need it. */
    private static final int LABEL = 9;

    /** The form's words in one language. */
    private record Words(String title, String sweeping, String running, String idle, String[] labels,
                         String threads, String repeats, int labelWidth, String ownThreads, String on, String off,
                         String[] affinities, String sizeIo, String sizeMatmul, String sizeMillions, String sizeDraws,
                         String unavailable, String busyNote, String idleNote, String switchLabel,
                         String interpretersLabel, String switchValue) {
        static Words of(Texts t) {
            String[] labels = new String[Field.values().length];
            int width = LABEL;
            for (Field f : Field.values()) {
                labels[f.ordinal()] = t.get("form." + f.name().toLowerCase(java.util.Locale.ROOT));
                width = Math.max(width, labels[f.ordinal()].length());
            }
            String threads = t.get("form.threads");
            String repeats = t.get("form.repeats");
            String switchLabel = t.get("form.param.switch");
            String interpretersLabel = t.get("form.param.interpreters");
            width = Math.max(width, Math.max(threads.length(), repeats.length()));
            width = Math.max(width, Math.max(switchLabel.length(), interpretersLabel.length()));
            String[] affinities = new String[Affinity.values().length];
            for (Affinity a : Affinity.values()) {
                affinities[a.ordinal()] = t.get(a.textKey());
            }
            return new Words(" " + t.get("form.title"), t.get("form.state.sweeping") + " ", t.get("form.state.running") + " ",
                    t.get("form.state.idle") + " ", labels, threads, repeats, width, t.get("form.model.matmul"),
                    t.get("form.on"), t.get("form.off"), affinities, t.get("form.size.io"), t.get("form.size.matmul"),
                    t.get("form.size.millions"), t.get("form.size.draws"), t.get("form.unavailable"),
                    t.get("form.note.busy"), t.get("form.note.idle"), switchLabel, interpretersLabel,
                    t.get("form.param.switch.value"));
        }
    }

    private final PerLanguage<Words> words = new PerLanguage<>(Words::of);

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        Palette p = Palette.of(view.theme());
        Words w = words.get(Texts.of(view.language()));
        ExperimentState x = view.experiments();
        List<Target> targets = new ArrayList<>();
        int width = area.width();
        String state = x.sweeping() ? w.sweeping() : x.busy() ? w.running() : w.idle();
        TitleRow.draw(g, p, 0, width, w.title(), state, 0, true);
        List<Field> fields = x.fields();
        int last = FormRows.draw(g, p, targets, width, area.height(), fields.size(), fields.indexOf(x.field()),
                w.labelWidth(), i -> label(fields.get(i), x, w), i -> value(fields.get(i), x, w));
        if (last < area.height()) {
            String note = x.problem().isPresent() ? w.unavailable() : x.busy() ? w.busyNote() : w.idleNote();
            if (x.problem().isPresent()) {
                p.warning(g);
            } else {
                p.plain(g);
            }
            g.putString(2, last, Units.fit(note, width - 2));
        }
        return LaidOut.of(targets);
    }

    private static String label(Field field, ExperimentState x, Words w) {
        return switch (field) {
            case WORKERS -> x.matmul() ? w.threads() : w.labels()[field.ordinal()];
            case TASKS -> x.matmul() ? w.repeats() : w.labels()[field.ordinal()];
            case PARAM -> x.param() == ExperimentState.Param.SWITCH ? w.switchLabel() : w.interpretersLabel();
            default -> w.labels()[field.ordinal()];
        };
    }

    private static String value(Field field, ExperimentState x, Words w) {
        return switch (field) {
            case KERNEL -> x.kernel().label();
            case MODEL -> x.matmul() ? w.ownThreads() : x.model().label();
            case PARAM -> x.param() == ExperimentState.Param.SWITCH
                    ? String.format(java.util.Locale.ROOT, w.switchValue(), x.switchMillis())
                    : Integer.toString(x.interpreters());
            case WORKERS -> Integer.toString(x.workers());
            case TASKS -> Integer.toString(x.tasks());
            case SIZE -> size(x.kernel(), x.size(), w);
            case AFFINITY -> w.affinities()[x.affinity().ordinal()];
            case BASELINE -> x.baseline() ? w.on() : w.off();
        };
    }

    /** A size in the kernel's own terms: draws per task, milliseconds per wait, or matrix order. */
    private static String size(KernelKind kernel, long size, Words w) {
        return switch (kernel) {
            case IO -> String.format(java.util.Locale.ROOT, w.sizeIo(), size);
            case MATMUL -> String.format(java.util.Locale.ROOT, w.sizeMatmul(), size);
            case CPU -> size % 1_000_000 == 0 ? String.format(java.util.Locale.ROOT, w.sizeMillions(), size / 1_000_000)
                    : String.format(java.util.Locale.ROOT, w.sizeDraws(), size);
        };
    }
}
