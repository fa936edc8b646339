package dev.telar.tui.panel;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.HashMap;
import java.util.Map;

/**
 * What panels draw on: a Lanterna {@link TextGraphics} plus a pen (colours, modifiers) that
 * reuses one immutable {@link TextCharacter} per distinct (character, colours, modifiers).
 *
 * <p>Why: Lanterna 3.1.3 builds every cell it is given through {@code putString} anew, and each
 * construction runs a {@code BreakIterator}, interns a string and copies an {@code EnumSet}; at
 * 120×40 and one frame a second that was most of the dashboard's CPU. Frames repeat the same few
 * hundred cells, so caching them makes drawing nearly allocation-free. Only the 8+8 basic ANSI
 * colours are supported, which is all the {@link Palette} uses. UI thread only.
 */
public final class Canvas {
    private final TextGraphics graphics;
    private final Map<Long, TextCharacter> cells;
    private TextColor.ANSI foreground = TextColor.ANSI.DEFAULT;
    private TextColor.ANSI background = TextColor.ANSI.DEFAULT;
    private int modifiers;

    /** A canvas over {@code graphics} with a fresh cell cache; keep it for the next frames. */
    public Canvas(TextGraphics graphics) {
        this(graphics, new HashMap<>());
    }

    private Canvas(TextGraphics graphics, Map<Long, TextCharacter> cells) {
        this.graphics = graphics;
        this.cells = cells;
    }

    /** A canvas for {@code area} only (coordinates relative to it, drawing clipped), sharing the cache; plain pen. */
    public Canvas clip(Area area) {
        return new Canvas(graphics.newTextGraphics(new TerminalPosition(area.column(), area.row()),
                new TerminalSize(area.width(), area.height())), cells);
    }

    /** The same cache over another surface (e.g. the screen after a resize). */
    public Canvas on(TextGraphics other) {
        return new Canvas(other, cells);
    }

    /** Size of the drawable area, cells. */
    public TerminalSize size() {
        return graphics.getSize();
    }

    public void setForegroundColor(TextColor.ANSI color) {
        foreground = color;
    }

    public void setBackgroundColor(TextColor.ANSI color) {
        background = color;
    }

    public void clearModifiers() {
        modifiers = 0;
    }

    public void enableModifiers(SGR... sgrs) {
        for (SGR sgr : sgrs) {
            modifiers |= 1 << sgr.ordinal();
        }
    }

    /** Writes {@code text} from ({@code column}, {@code row}) with the current pen; stops at the right edge. */
    public void putString(int column, int row, String text) {
        int width = graphics.getSize().getColumns();
        int x = column;
        for (int i = 0; i < text.length() && x < width; i++) {
            char c = text.charAt(i);
            setCharacter(x, row, c);
            x += TerminalTextUtils.isCharDoubleWidth(c) ? 2 : 1;
        }
    }

    /** Writes one character with the current pen; control characters show as {@code ?}. */
    public void setCharacter(int column, int row, char c) {
        graphics.setCharacter(column, row, cell(TerminalTextUtils.isControlCharacter(c) ? '?' : c));
    }

    /** Fills the whole area with {@code c} in the current pen. */
    public void fill(char c) {
        TextCharacter cell = cell(c);
        TerminalSize size = graphics.getSize();
        for (int row = 0; row < size.getRows(); row++) {
            for (int col = 0; col < size.getColumns(); col++) {
                graphics.setCharacter(col, row, cell);
            }
        }
    }

    private TextCharacter cell(char c) {
        long key = c | (long) foreground.ordinal() << 16 | (long) background.ordinal() << 24 | (long) modifiers << 32;
        TextCharacter cell = cells.get(key);
        if (cell == null) {
            cell = TextCharacter.fromCharacter(c, foreground, background, sgrs())[0];
            cells.put(key, cell);
        }
        return cell;
    }

    private SGR[] sgrs() {
        SGR[] all = SGR.values();
        return java.util.Arrays.stream(all).filter(s -> (modifiers & (1 << s.ordinal())) != 0).toArray(SGR[]::new);
    }
}
