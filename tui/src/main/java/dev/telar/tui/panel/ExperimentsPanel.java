package dev.telar.tui.panel;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.view.ExperimentState;
import dev.telar.tui.view.ExperimentState.Field;
import dev.telar.tui.view.ViewState;
import java.util.Locale;

/**
 * The experiments form: kernel, model, workers, tasks, size, affinity and baseline, one per line,
 * the selected field in reverse video with ◂ ▸ around its value, and a state line (idle,
 * running, or why the chosen model cannot run on this JVM). Draws from the {@link ExperimentState}
 * only; the keys that change it live in the key handler.
 */
public final class ExperimentsPanel implements Panel {
    /** Width of the field labels, cells. */
    private static final int LABEL = 9;

    @Override
    public void render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        ExperimentState x = view.experiments();
        int width = area.width();
        Palette.bar(g);
        String state = x.sweeping() ? "sweeping " : x.busy() ? "running " : "idle ";
        g.putString(0, 0, Units.fit(" Experiment", width));
        g.enableModifiers(SGR.BOLD);
        g.putString(Math.max(12, width - state.length()), 0, state);
        Field[] fields = Field.values();
        // On a short terminal the form scrolls so the selected field stays in view.
        int visible = Math.max(1, area.height() - 1);
        int offset = Math.max(0, x.field().ordinal() - visible + 1);
        for (int i = offset; i < fields.length && i - offset + 1 < area.height(); i++) {
            int row = i - offset + 1;
            boolean selected = fields[i] == x.field();
            Palette.plain(g);
            String label = String.format(Locale.ROOT, "%-" + LABEL + "s", label(fields[i], x));
            String value = value(fields[i], x);
            String text = (selected ? "▸ " : "  ") + label + (selected ? "◂ " + value + " ▸" : "  " + value);
            if (selected) {
                g.enableModifiers(SGR.REVERSE);
            }
            g.putString(0, row, Units.fit(text, width));
        }
        int last = fields.length - offset + 1;
        if (last < area.height()) {
            Palette.plain(g);
            String note = x.problem().map(p -> "unavailable on this JVM").orElse(x.busy() ? "c/Esc cancels" : "Enter run  w sweep");
            if (x.problem().isPresent()) {
                g.setForegroundColor(TextColor.ANSI.YELLOW);
            }
            g.putString(2, last, Units.fit(note, width - 2));
        }
    }

    static String label(Field field, ExperimentState x) {
        return switch (field) {
            case KERNEL -> "Kernel";
            case MODEL -> "Model";
            case WORKERS -> x.matmul() ? "Threads" : "Workers";
            case TASKS -> x.matmul() ? "Repeats" : "Tasks";
            case SIZE -> "Size";
            case AFFINITY -> "Affinity";
            case BASELINE -> "Baseline";
        };
    }

    static String value(Field field, ExperimentState x) {
        return switch (field) {
            case KERNEL -> x.kernel();
            case MODEL -> x.matmul() ? "n/a: own threads" : x.model();
            case WORKERS -> Integer.toString(x.workers());
            case TASKS -> Integer.toString(x.tasks());
            case SIZE -> size(x.kernel(), x.size());
            case AFFINITY -> x.affinity().label();
            case BASELINE -> x.baseline() ? "on" : "off";
        };
    }

    /** A size in the kernel's own terms: draws per task, milliseconds per wait, or matrix order. */
    static String size(String kernel, long size) {
        return switch (kernel) {
            case "io" -> size + " ms waits";
            case "matmul" -> "n = " + size;
            default -> size % 1_000_000 == 0 ? size / 1_000_000 + "M draws" : size + " draws";
        };
    }
}
