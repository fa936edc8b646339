package dev.telar.tui.panel;

import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.ExchangeState;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.race.RaceResult;
import dev.telar.workloads.run.RunResult;
import java.util.List;
import java.util.Locale;

/**
 * The race demo: P processes add 1 to one shared value, first without its lock, then with it. Shows
 * the expected total, the total reached without the lock and with it, each with a bar against the
 * expected one, and the updates lost without the lock; while a phase runs, its value grows live.
 * Draws from the {@link ExchangeState} only.
 */
public final class RaceDemoPanel implements Panel {
    /** The panel's words in one language. */
    private record Words(String[] labels, int labelWidth, String starting, String running, String done, String failed,
                         String cancelled, String times, String lesson, String failure, String none, Texts texts) {
        static Words of(Texts t) {
            String[] labels = {t.get("xchg.race.expected"), t.get("xchg.race.unlocked"), t.get("xchg.race.locked"),
                t.get("xchg.race.lost")};
            int width = 0;
            for (String l : labels) {
                width = Math.max(width, l.length());
            }
            return new Words(labels, width + 1, t.get("xchg.race.starting"), t.get("form.state.running"),
                    t.get("xchg.race.done"), t.get("xchg.panel.failed"), t.get("xchg.panel.cancelled"),
                    t.get("xchg.race.times"), t.get("xchg.race.lesson"), t.get("xchg.race.failed"),
                    t.get("xchg.race.none"), t);
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
        ExchangeState.Race race = view.exchange().race();
        if (race == null) {
            p.label(g);
            g.putString(0, 0, Units.fit(w.none(), width));
            return LaidOut.NOTHING;
        }
        RaceResult result = race.result();
        String title = " " + texts.count("xchg.race.title", race.processes(), ExchangeFormat.count(race.increments()));
        String state = result == null ? (race.sample() == null ? w.starting() : w.running())
                : result.status() == RunResult.Status.COMPLETED ? w.done()
                : result.status() == RunResult.Status.FAILED ? w.failed() : w.cancelled();
        TitleRow.draw(g, p, 0, width, title, state, 1, false);
        long expected = race.processes() * race.increments();
        boolean completed = result != null && result.status() == RunResult.Status.COMPLETED;
        long unlocked = completed ? result.unlockedTotal()
                : race.sample() != null && !race.sample().locked() ? race.sample().value() : race.unlockedTotal();
        long locked = completed ? result.lockedTotal()
                : race.sample() != null && race.sample().locked() ? race.sample().value() : -1;
        boolean unlockedDone = completed || race.sample() != null && race.sample().locked();
        int values = w.labelWidth();
        int number = Math.max(8, Long.toString(expected).length());
        int barColumn = values + number + 2;
        int barWidth = Math.max(0, width - barColumn);
        int row = 1;
        row = line(g, p, w, row, area, 0, Long.toString(expected), values, number, false);
        row = line(g, p, w, row, area, 1, unlocked < 0 ? "-" : Long.toString(unlocked), values, number, false);
        if (row - 1 < area.height() && unlocked >= 0) {
            drawBar(g, p, barColumn, row - 1, barWidth, unlocked, expected, false);
        }
        row = line(g, p, w, row, area, 2, locked < 0 ? "-" : Long.toString(locked), values, number, false);
        if (row - 1 < area.height() && locked >= 0) {
            drawBar(g, p, barColumn, row - 1, barWidth, locked, expected, true);
        }
        long lost = expected - unlocked;
        boolean known = unlockedDone && unlocked >= 0;
        row = line(g, p, w, row, area, 3, known ? Long.toString(lost) : "-", values, number, known && lost > 0);
        if (known && row - 1 < area.height()) {
            g.putString(barColumn, row - 1, String.format(Locale.ROOT, "%.1f%%", 100.0 * lost / expected));
        }
        if (row >= area.height()) {
            return LaidOut.NOTHING;
        }
        String note;
        if (result != null && result.status() == RunResult.Status.FAILED) {
            p.warning(g);
            note = String.format(Locale.ROOT, w.failure(), Units.printable(Problems.text(result.problem(), w.texts())));
        } else if (completed) {
            p.plain(g);
            note = String.format(Locale.ROOT, w.times(), result.unlockedSeconds(), result.lockedSeconds()) + "; "
                    + w.lesson();
        } else {
            p.plain(g);
            note = w.lesson();
        }
        List<String> lines = Units.wrap(note, width, area.height() - row);
        for (int i = 0; i < lines.size(); i++) {
            g.putString(0, row + i, lines.get(i));
        }
        return LaidOut.NOTHING;
    }

    /** A label and its right-aligned number on {@code row}; returns the next row. */
    private static int line(Canvas g, Palette p, Words w, int row, Area area, int label, String value, int values,
                            int number, boolean warn) {
        if (row >= area.height()) {
            return row + 1;
        }
        p.label(g);
        g.putString(0, row, Units.fit(w.labels()[label], values));
        if (warn) {
            p.warning(g);
        } else {
            p.plain(g);
        }
        g.putString(values, row, String.format(Locale.ROOT, "%" + number + "s", value));
        return row + 1;
    }

    /** {@code value} of {@code expected} as a bar: full when equal; the lock's bar in the good colour. */
    private static void drawBar(Canvas g, Palette p, int column, int row, int width, long value, long expected,
                                boolean locked) {
        if (width <= 0 || expected <= 0) {
            return;
        }
        int fill = (int) Math.round(width * Math.min(1.0, Math.max(0.0, (double) value / expected)));
        if (locked) {
            p.sweepBar(g, true);
        } else {
            p.warning(g);
        }
        g.putString(column, row, "█".repeat(fill));
        p.plain(g);
        g.putString(column + fill, row, "░".repeat(width - fill));
    }
}
