package dev.telar.tui.panel;

import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Texts;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.ViewState;

/**
 * Shown instead of everything else when the terminal is smaller than {@link #MIN_COLUMNS} ×
 * {@link #MIN_ROWS}: one centered line asking for a larger terminal and giving the current size.
 */
public final class TooSmallPanel implements Panel {
    /** Narrowest terminal the dashboard lays out, columns. */
    public static final int MIN_COLUMNS = 60;
    /** Shortest terminal the dashboard lays out, rows. */
    public static final int MIN_ROWS = 15;

    /** True when a terminal of this size is too small for the dashboard. */
    public static boolean tooSmall(int columns, int rows) {
        return columns < MIN_COLUMNS || rows < MIN_ROWS;
    }

    /** The message for a terminal of this size, in the language of {@code texts}. */
    public static String message(Texts texts, int columns, int rows) {
        return texts.format("toosmall", MIN_COLUMNS, MIN_ROWS, columns, rows);
    }

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        String text = message(Texts.of(view.language()), area.width(), area.height());
        Palette.of(view.theme()).label(g);
        // On a very narrow terminal the line is cut at the right edge rather than wrapped.
        g.putString(Math.max(0, (area.width() - text.length()) / 2), area.height() / 2, text);
        return LaidOut.NOTHING;
    }
}
