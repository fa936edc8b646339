package dev.telar.tui.panel;

import com.googlecode.lanterna.SGR;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.view.ViewState;
import java.util.Locale;

/**
 * Two lines about the machine: host name, operating system and uptime; then load averages,
 * logical cores, memory in use / total and the number of processes.
 */
public final class HeaderPanel implements Panel {
    /** Lines this panel uses. */
    public static final int HEIGHT = 2;

    @Override
    public void render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        if (snap == null) {
            Palette.label(g);
            g.putString(0, 0, "telar");
            Palette.plain(g);
            g.putString(6, 0, "waiting for the first sample…");
            return;
        }
        int col = 0;
        Palette.plain(g);
        g.enableModifiers(SGR.BOLD);
        col = put(g, col, 0, Units.printable(snap.host().hostName()));
        Palette.plain(g);
        col = put(g, col + 2, 0, Units.printable(snap.host().os()));
        put(g, col + 2, 0, Units.uptime(snap.uptimeSeconds()));

        double[] load = snap.loadAverage();
        col = field(g, 0, "Load", String.format(Locale.ROOT, "%.2f %.2f %.2f", at(load, 0), at(load, 1), at(load, 2)));
        col = field(g, col + 3, "Cores", Integer.toString(snap.host().logicalCores()));
        col = field(g, col + 3, "Mem", Units.bytes(snap.memory().usedBytes()) + "/" + Units.bytes(snap.memory().totalBytes()));
        field(g, col + 3, "Tasks", Integer.toString(snap.processes().size()));
    }

    private static int field(Canvas g, int col, String label, String value) {
        Palette.label(g);
        int next = put(g, col, 1, label);
        Palette.plain(g);
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
