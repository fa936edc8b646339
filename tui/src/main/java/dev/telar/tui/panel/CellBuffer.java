package dev.telar.tui.panel;

import java.util.Arrays;

/**
 * A grid of terminal cells held in two flat arrays: the character and a packed style per cell.
 *
 * <p>Why not Lanterna's Screen: its buffers hold one object per cell and its delta refresh sorts
 * changed positions in a tree map, which at 120×40 and a frame a second cost the dashboard more
 * CPU than sampling the machine. Flat arrays make a frame a few array writes and one comparison
 * pass. A style packs foreground (bits 0-4) and background (bits 5-9) colour ordinals of
 * {@code TextColor.ANSI} and SGR modifier bits from bit 10. Confined to the UI thread.
 */
public final class CellBuffer {
    private int columns;
    private int rows;
    private char[] chars;
    private int[] styles;

    /** A buffer of {@code columns}×{@code rows} blank cells in the default style. */
    public CellBuffer(int columns, int rows) {
        resize(columns, rows);
    }

    /** Changes the size; every cell becomes a blank in the default style. */
    public void resize(int newColumns, int newRows) {
        columns = Math.max(0, newColumns);
        rows = Math.max(0, newRows);
        chars = new char[columns * rows];
        styles = new int[columns * rows];
        Arrays.fill(chars, ' ');
        Arrays.fill(styles, Style.PLAIN);
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    /** Sets one cell; positions outside the buffer are ignored. */
    public void set(int column, int row, char c, int style) {
        if (column >= 0 && column < columns && row >= 0 && row < rows) {
            int i = row * columns + column;
            chars[i] = c;
            styles[i] = style;
        }
    }

    /** The character at a position (which must be inside). */
    public char charAt(int column, int row) {
        return chars[row * columns + column];
    }

    /** The packed style at a position (which must be inside). */
    public int styleAt(int column, int row) {
        return styles[row * columns + column];
    }

    /** True when the cell differs from the same cell of {@code other} (of the same size). */
    boolean differs(CellBuffer other, int index) {
        return chars[index] != other.chars[index] || styles[index] != other.styles[index];
    }

    char charAt(int index) {
        return chars[index];
    }

    int styleAt(int index) {
        return styles[index];
    }

    /** True when row {@code otherRow} of {@code other} equals row {@code row} of this buffer (same width). */
    public boolean sameRow(CellBuffer other, int otherRow, int row) {
        if (columns != other.columns || row < 0 || row >= rows || otherRow < 0 || otherRow >= other.rows) {
            return false;
        }
        return Arrays.equals(chars, row * columns, (row + 1) * columns, other.chars, otherRow * columns,
                (otherRow + 1) * columns)
                && Arrays.equals(styles, row * columns, (row + 1) * columns, other.styles, otherRow * columns,
                (otherRow + 1) * columns);
    }

    /**
     * Moves rows {@code top..bottom} by {@code distance} as a terminal's scroll does: positive
     * moves content up (row top+1 becomes row top), negative moves it down; rows left behind
     * become blank in the default style.
     */
    public void scroll(int top, int bottom, int distance) {
        if (distance > 0) {
            System.arraycopy(chars, (top + distance) * columns, chars, top * columns, (bottom - top + 1 - distance) * columns);
            System.arraycopy(styles, (top + distance) * columns, styles, top * columns, (bottom - top + 1 - distance) * columns);
            blank(bottom - distance + 1, bottom);
        } else if (distance < 0) {
            int d = -distance;
            System.arraycopy(chars, top * columns, chars, (top + d) * columns, (bottom - top + 1 - d) * columns);
            System.arraycopy(styles, top * columns, styles, (top + d) * columns, (bottom - top + 1 - d) * columns);
            blank(top, top + d - 1);
        }
    }

    private void blank(int fromRow, int toRow) {
        Arrays.fill(chars, fromRow * columns, (toRow + 1) * columns, ' ');
        Arrays.fill(styles, fromRow * columns, (toRow + 1) * columns, Style.PLAIN);
    }

    /** Makes this buffer a copy of {@code other}, resizing if needed. */
    public void copyFrom(CellBuffer other) {
        if (columns != other.columns || rows != other.rows) {
            columns = other.columns;
            rows = other.rows;
            chars = new char[other.chars.length];
            styles = new int[other.styles.length];
        }
        System.arraycopy(other.chars, 0, chars, 0, chars.length);
        System.arraycopy(other.styles, 0, styles, 0, styles.length);
    }

    /** Row {@code row} as text, colours dropped (for tests and logs). */
    public String rowText(int row) {
        return new String(chars, row * columns, columns);
    }
}
