package dev.telar.tui.panel;

import com.googlecode.lanterna.SGR;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.view.ViewState;

/**
 * A framed box over the middle of the screen listing every key and what it does. Opened and
 * closed with {@code h} or F1; Esc also closes it.
 */
public final class HelpOverlay implements Panel {
    /** Every key the dashboard understands, with its meaning; keep in step with the key handler. */
    static final String[][] KEYS = {
        {"q  F10  Ctrl-C", "Quit"},
        {"h  F1", "Show or hide this help"},
        {"Esc", "Close help; clear the filter"},
        {"Up  Down", "Move the selection one row"},
        {"PgUp  PgDn", "Move the selection one page"},
        {"Home  End", "First or last process"},
        {"/", "Filter command/user; Enter applies"},
        {"s  F6", "Sort order: CPU% → RSS → PID"},
        {"t", "Only Telar's own process tree"},
        {"Enter", "Show or hide the selection's threads"},
        {"+  -", "Refresh faster / slower (0.25s…10s)"},
    };
    private static final int KEY_COLUMN = 16;

    @Override
    public void render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        int width = Math.min(area.width(), 58);
        int height = Math.min(area.height(), KEYS.length + 4);
        Area box = new Area(area.column() + (area.width() - width) / 2, area.row() + (area.height() - height) / 2, width, height);
        Canvas g = screen.clip(box);
        Palette.plain(g);
        g.fill(' ');
        frame(g, width, height);
        Palette.label(g);
        g.putString(2, 0, " Telar keys ");
        for (int i = 0; i < KEYS.length && i + 2 < height - 1; i++) {
            Palette.label(g);
            g.putString(2, i + 2, KEYS[i][0]);
            Palette.plain(g);
            g.putString(2 + KEY_COLUMN, i + 2, Units.fit(KEYS[i][1], width - KEY_COLUMN - 3));
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
