package dev.telar.tui.panel;

import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Texts;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.ViewState;
import java.util.ArrayList;
import java.util.List;

/**
 * Shown instead of everything else when the terminal is smaller than {@link #MIN_COLUMNS} ×
 * {@link #MIN_ROWS}: a centered request for a larger terminal that gives the size needed and the
 * current one, on one line when it fits, else wrapped at spaces, else in a short form; the sizes
 * are what the user needs, so they are the last words to be cut.
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

    /**
     * The lines shown on a terminal of this size: {@link #message} wrapped at spaces to the width,
     * or, when that takes more lines than there are rows or has a word wider than the terminal,
     * the short form ({@code toosmall.short}) wrapped the same way. On a terminal too small even
     * for that, the lines are cut at the right and bottom edges.
     */
    public static List<String> lines(Texts texts, int columns, int rows) {
        List<String> full = wrap(message(texts, columns, rows), columns);
        return fits(full, columns, rows) ? full
                : wrap(texts.format("toosmall.short", MIN_COLUMNS, MIN_ROWS, columns, rows), columns);
    }

    /** {@code text} broken at spaces into lines of at most {@code width} characters (a longer word keeps a line to itself). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static boolean fits(List<String> lines, int columns, int rows) {
        return lines.size() <= rows && lines.stream().allMatch(l -> l.length() <= columns);
    }

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        List<String> lines = lines(Texts.of(view.language()), area.width(), area.height());
        Palette.of(view.theme()).label(g);
        int top = Math.max(0, (area.height() - lines.size()) / 2);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            g.putString(Math.max(0, (area.width() - line.length()) / 2), top + i, line);
        }
        return LaidOut.NOTHING;
    }
}
