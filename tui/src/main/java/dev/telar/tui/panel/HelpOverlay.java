package dev.telar.tui.panel;

import com.googlecode.lanterna.SGR;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.view.ViewState;

/**
 * A framed box over the middle of the screen listing every key of the view shown and what it
 * does. Opened and closed with {@code h} or F1; Esc also closes it.
 */
public final class HelpOverlay implements Panel {
    /** Every key of the process view, with its meaning; keep in step with the key handler. */
    static final String[][] KEYS = {
        {"q  F10  Ctrl-C", "Quit"},
        {"h  F1", "Show or hide this help"},
        {"Esc", "Close help; clear the filter"},
        {"Up Dn PgUp PgDn", "Move the selection a row, a page"},
        {"Home  End", "First or last process"},
        {"/", "Filter command/user; Enter applies"},
        {"s  F6", "Sort order: CPU% → RSS → PID"},
        {"t", "Only Telar's own process tree"},
        {"F", "Follow the selection as it re-sorts"},
        {"Enter", "Show or hide the selection's threads"},
        {"+  -", "Refresh faster / slower (0.25s…10s)"},
        {"x  F2", "Experiments view"},
    };
    /** Every key of the experiments view, with its meaning; keep in step with the key handler. */
    static final String[][] EXPERIMENT_KEYS = {
        {"q  F10  Ctrl-C", "Quit (cancels a running experiment)"},
        {"h  F1", "Show or hide this help"},
        {"x  F2", "Back to the process view"},
        {"Up  Down", "Choose a field of the form"},
        {"Left  Right", "Change the chosen field"},
        {"Enter", "Run: sequential baseline first, if on"},
        {"w", "Sweep worker counts after a baseline"},
        {"c  Esc", "Cancel the running experiment"},
        {"+  -", "Refresh faster / slower (0.25s…10s)"},
    };
    private static final int KEY_COLUMN = 16;

    @Override
    public void render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        String[][] keys = view.mode() == ViewState.Mode.EXPERIMENTS ? EXPERIMENT_KEYS : KEYS;
        int width = Math.min(area.width(), 58);
        // Blank lines around the list only when there is room for them: every key must show at 60×15.
        int pad = area.height() >= keys.length + 4 ? 1 : 0;
        int height = Math.min(area.height(), keys.length + 2 + 2 * pad);
        Area box = new Area(area.column() + (area.width() - width) / 2, area.row() + (area.height() - height) / 2, width, height);
        Canvas g = screen.clip(box);
        Palette.plain(g);
        g.fill(' ');
        frame(g, width, height);
        Palette.label(g);
        g.putString(2, 0, " Telar keys ");
        for (int i = 0; i < keys.length && i + 1 + pad < height - 1; i++) {
            Palette.label(g);
            g.putString(2, i + 1 + pad, keys[i][0]);
            Palette.plain(g);
            g.putString(2 + KEY_COLUMN, i + 1 + pad, Units.fit(keys[i][1], width - KEY_COLUMN - 3));
        }
        Palette.plain(g);
        g.enableModifiers(SGR.BOLD);
        g.putString(Math.max(1, width - 17), height - 1, " Esc/h closes ");
    }

    private static void frame(Canvas g, int width, int height) {
        Palette.plain(g);
        for (int x = 1; x < width - 1; x++) {
            g.setCharacter(x, 0, '─');
            g.setCharacter(x, height - 1, '─');
        }
        for (int y = 1; y < height - 1; y++) {
            g.setCharacter(0, y, '│');
            g.setCharacter(width - 1, y, '│');
        }
        g.setCharacter(0, 0, '┌');
        g.setCharacter(width - 1, 0, '┐');
        g.setCharacter(0, height - 1, '└');
        g.setCharacter(width - 1, height - 1, '┘');
    }
}
