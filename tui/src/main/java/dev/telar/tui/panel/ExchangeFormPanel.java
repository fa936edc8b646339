package dev.telar.tui.panel;

import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.ExchangeState;
import dev.telar.tui.view.ExchangeState.Field;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.Target;
import dev.telar.tui.view.ViewState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The exchange form: mechanism (one, or all in turn), processes P, draws, whether each mechanism
 * also runs with 1 process (the lecture's comparison), and the race demo's increments; the
 * selected field in reverse video with ◂ ▸ around its value, and a line with the keys that start
 * and cancel. Draws from the {@link ExchangeState} only. Clicks select and change fields as in
 * the experiments form.
 */
public final class ExchangeFormPanel implements Panel {
    /** Narrowest label column, cells. */
    private static final int LABEL = 10;

    /** The form's words in one language. */
    private record Words(String title, String running, String racing, String idle, String[] labels, int labelWidth,
                         String all, String compare, String off, String millions, String increments, String busyNote,
                         String idleNote) {
        static Words of(Texts t) {
            String[] labels = new String[Field.values().length];
            int width = LABEL;
            for (Field f : Field.values()) {
                labels[f.ordinal()] = t.get("xchg.form." + f.name().toLowerCase(Locale.ROOT));
                width = Math.max(width, labels[f.ordinal()].length());
            }
            return new Words(" " + t.get("xchg.form.title"), t.get("form.state.running") + " ",
                    t.get("xchg.form.racing") + " ", t.get("form.state.idle") + " ", labels, width,
                    t.get("xchg.form.all"), t.get("xchg.form.compare.on"), t.get("form.off"),
                    t.get("form.size.millions"), t.get("xchg.form.increments.each"), t.get("form.note.busy"),
                    t.get("xchg.form.note.idle"));
        }
    }

    private final PerLanguage<Words> words = new PerLanguage<>(Words::of);

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        Palette p = Palette.of(view.theme());
        Words w = words.get(Texts.of(view.language()));
        ExchangeState x = view.exchange();
        List<Target> targets = new ArrayList<>();
        int width = area.width();
        String state = x.job() == ExchangeState.Job.RACE ? w.racing() : x.busy() ? w.running() : w.idle();
        TitleRow.draw(g, p, 0, width, w.title(), state, 0, true);
        Field[] fields = Field.values();
        int last = FormRows.draw(g, p, targets, width, area.height(), fields.length, x.field().ordinal(), w.labelWidth(),
                i -> w.labels()[i], i -> value(fields[i], x, w));
        if (last < area.height()) {
            p.plain(g);
            g.putString(2, last, Units.fit(x.busy() ? w.busyNote() : w.idleNote(), width - 2));
        }
        return LaidOut.of(targets);
    }

    private static String value(Field field, ExchangeState x, Words w) {
        return switch (field) {
            case MECHANISM -> x.allMechanisms() ? w.all() : x.mechanisms().get(0).cliName();
            case PROCESSES -> Integer.toString(x.processes());
            case DRAWS -> String.format(Locale.ROOT, w.millions(), x.draws() / 1_000_000);
            case COMPARE -> x.compare() ? String.format(Locale.ROOT, w.compare(), x.processes()) : w.off();
            case INCREMENTS -> String.format(Locale.ROOT, w.increments(), ExchangeFormat.count(x.increments()));
        };
    }
}
