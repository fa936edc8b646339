package dev.telar.tui.panel;

import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.ViewState;
import java.util.Locale;

/**
 * Two lines about the machine: host name, operating system and uptime; then load averages,
 * logical cores, memory in use / total and the number of processes.
 */
public final class HeaderPanel implements Panel {
    /** Lines this panel uses. */
    public static final int HEIGHT = 2;

    /** The words of this panel in one language. */
    private record Words(String waiting, String up, String load, String cores, String memory, String tasks) {
        static Words of(Texts t) {
            return new Words(t.get("header.waiting"), t.get("header.up"), t.get("header.load"), t.get("header.cores"),
                    t.get("header.memory"), t.get("header.tasks"));
        }
    }

    private final PerLanguage<Words> words = new PerLanguage<>(Words::of);

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        Palette p = Palette.of(view.theme());
        Words w = words.get(Texts.of(view.language()));
        if (snap == null) {
            p.label(g);
            g.putString(0, 0, "telar");
            p.plain(g);
            g.putString(6, 0, w.waiting());
            return LaidOut.NOTHING;
        }
        int col = 0;
        p.strong(g);
        col = put(g, col, 0, Units.printable(snap.host().hostName()));
        p.plain(g);
        col = put(g, col + 2, 0, Units.printable(snap.host().os()));
        put(g, col + 2, 0, w.up() + " " + Units.uptime(snap.uptimeSeconds()));

        double[] load = snap.loadAverage();
        col = field(g, p, 0, w.load(), String.format(Locale.ROOT, "%.2f %.2f %.2f", at(load, 0), at(load, 1), at(load, 2)));
        col = field(g, p, col + 3, w.cores(), Integer.toString(snap.host().logicalCores()));
        col = field(g, p, col + 3, w.memory(), Units.bytes(snap.memory().usedBytes()) + "/" + Units.bytes(snap.memory().totalBytes()));
        field(g, p, col + 3, w.tasks(), Integer.toString(snap.processes().size()));
        return LaidOut.NOTHING;
    }

    private static int field(Canvas g, Palette p, int col, String label, String value) {
        p.label(g);
        int next = put(g, col, 1, label);
        p.plain(g);
        return put(g, next + 1, 1, value);
    }

    private static int put(Canvas g, int col, int row, String text) {
        g.putString(col, row, text);
        return col + text.length();
    }

    private static double at(double[] values, int i) {
        return i < values.length ? values[i] : 0;
    }
}
