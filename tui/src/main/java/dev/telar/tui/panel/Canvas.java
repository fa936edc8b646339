package dev.telar.tui.panel;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextColor;
import dev.telar.tui.text.Ascii;

/**
 * What panels draw on: a rectangle of a {@link CellBuffer} and a pen (colours, modifiers).
 *
 * <p>Coordinates are relative to the rectangle and drawing is clipped to it. Only the 8+8 basic
 * ANSI colours exist, which is all the {@link Palette} uses. In ASCII mode every character is
 * folded by {@link Ascii#fold(char)} as it is stored, one character for one, so panels lay out
 * the same text in both modes and no cell can hold anything but ASCII. UI thread only.
 */
public final class Canvas {
    private final CellBuffer cells;
    private final int left;
    private final int top;
    private final int width;
    private final int height;
    private final boolean ascii;
    private TextColor.ANSI foreground = TextColor.ANSI.DEFAULT;
    private TextColor.ANSI background = TextColor.ANSI.DEFAULT;
    private int modifiers;
    private int style = Style.of(foreground, background, 0);

    /** A canvas over the whole buffer, in Unicode. */
    public Canvas(CellBuffer cells) {
        this(cells, false);
    }

    /** A canvas over the whole buffer; {@code ascii}: store only ASCII characters. */
    public Canvas(CellBuffer cells, boolean ascii) {
        this(cells, 0, 0, cells.columns(), cells.rows(), ascii);
    }

    private Canvas(CellBuffer cells, int left, int top, int width, int height, boolean ascii) {
        this.cells = cells;
        this.ascii = ascii;
        this.left = left;
        this.top = top;
        this.width = Math.max(0, width);
        this.height = Math.max(0, height);
    }

    /** A canvas for {@code area} only (coordinates relative to it, drawing clipped), with a plain pen. */
    public Canvas clip(Area area) {
        int l = left + Math.max(0, area.column());
        int t = top + Math.max(0, area.row());
        int w = Math.min(area.width(), left + width - l);
        int h = Math.min(area.height(), top + height - t);
        return new Canvas(cells, l, t, w, h, ascii);
    }

    /** Screen column of this canvas's column 0 (for click targets, which are in screen cells). */
    public int left() {
        return left;
    }

    /** Screen row of this canvas's row 0. */
    public int top() {
        return top;
    }

    /** Size of the drawable area, cells. */
    public TerminalSize size() {
        return new TerminalSize(width, height);
    }

    public void setForegroundColor(TextColor.ANSI color) {
        foreground = color;
        style = Style.of(foreground, background, modifiers);
    }

    public void setBackgroundColor(TextColor.ANSI color) {
        background = color;
        style = Style.of(foreground, background, modifiers);
    }

    public void clearModifiers() {
        modifiers = 0;
        style = Style.of(foreground, background, modifiers);
    }

    public void enableModifiers(SGR... sgrs) {
        for (SGR sgr : sgrs) {
            modifiers |= 1 << sgr.ordinal();
        }
        style = Style.of(foreground, background, modifiers);
    }

    /** Writes {@code text} from ({@code column}, {@code row}) with the current pen; stops at the right edge. */
    public void putString(int column, int row, String text) {
        if (row < 0 || row >= height) {
            return;
        }
        int x = column;
        for (int i = 0; i < text.length() && x < width; i++) {
            setCharacter(x, row, text.charAt(i));
            x++;
        }
    }

    /** Writes one character with the current pen; control characters show as {@code ?}. */
    public void setCharacter(int column, int row, char c) {
        if (column < 0 || column >= width || row < 0 || row >= height) {
            return;
        }
        char shown = TerminalTextUtils.isControlCharacter(c) ? '?' : ascii ? Ascii.fold(c) : c;
        cells.set(left + column, top + row, shown, style);
    }

    /** Fills the whole area with {@code c} in the current pen. */
    public void fill(char c) {
        c = ascii ? Ascii.fold(c) : c;
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                cells.set(left + col, top + row, c, style);
            }
        }
    }
}
