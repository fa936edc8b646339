package dev.telar.tui.loop;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.graphics.Scrollable;
import com.googlecode.lanterna.terminal.Terminal;
import dev.telar.tui.panel.CellBuffer;
import dev.telar.tui.panel.Style;
import java.io.IOException;

/**
 * Sends a frame to the terminal, writing only the cells that changed since the last frame.
 *
 * <p>It keeps a copy of what the terminal shows. For each changed cell it moves the cursor only
 * when the cell does not follow the previous one written, and changes colours and modifiers only
 * when they differ from the previous cell's, so an idle dashboard sends a few hundred bytes a
 * second. After a resize (or when asked) it clears and sends everything. UI thread only.
 */
public final class TerminalPainter {
    /** Longest run of unchanged cells rewritten instead of a cursor move (a move costs 6-8 bytes). */
    static final int MAX_BRIDGE = 5;
    /** Fewest shifted rows worth a scroll (scrolling costs about as much as two short rows). */
    static final int MIN_SCROLL_ROWS = 3;
    private final Terminal terminal;
    private final TerminalSession session;
    private final CellBuffer shown = new CellBuffer(0, 0);
    private boolean complete = true;

    /** @param terminal the terminal to draw on, already in private mode with the cursor hidden */
    public TerminalPainter(Terminal terminal) {
        this(terminal, null);
    }

    /**
     * @param terminal the terminal to draw on, already in private mode with the cursor hidden
     * @param session  the session that lends the terminal: frames are sent only while it is shown
     *                 ({@link TerminalSession#whileShown}); null to draw always
     */
    public TerminalPainter(Terminal terminal, TerminalSession session) {
        this.terminal = terminal;
        this.session = session;
    }

    /** Makes the next {@link #paint} clear the screen and send every cell. */
    public void invalidate() {
        complete = true;
    }

    /**
     * Brings the terminal to show {@code frame}, then flushes; does nothing once the session gave
     * the terminal back (the next frame after {@link #invalidate()} is then sent whole).
     */
    public void paint(CellBuffer frame) throws IOException {
        if (session == null) {
            paintNow(frame);
        } else if (!session.whileShown(() -> paintNow(frame))) {
            complete = true;
        }
    }

    private void paintNow(CellBuffer frame) throws IOException {
        boolean all = complete || shown.columns() != frame.columns() || shown.rows() != frame.rows();
        if (all) {
            terminal.resetColorAndSGR();
            terminal.clearScreen();
        }
        if (!all && terminal instanceof Scrollable scrollable) {
            scrollShiftedBlocks(frame, scrollable);
        }
        int current = -1; // unknown style: the first cell written sets it
        int nextColumn = -1;
        int nextRow = -1;
        for (int row = 0; row < frame.rows(); row++) {
            for (int col = 0; col < frame.columns(); col++) {
                char c = frame.charAt(col, row);
                int style = frame.styleAt(col, row);
                if (!all && c == shown.charAt(col, row) && style == shown.styleAt(col, row)) {
                    continue;
                }
                if (all && c == ' ' && style == Style.PLAIN) {
                    continue; // the cleared screen already shows it
                }
                if (row != nextRow || col != nextColumn) {
                    if (row == nextRow && col > nextColumn && col - nextColumn <= MAX_BRIDGE
                            && bridgeable(frame, row, nextColumn, col, current)) {
                        // Rewriting a few unchanged cells costs fewer bytes than moving the cursor.
                        for (int k = nextColumn; k < col; k++) {
                            terminal.putCharacter(frame.charAt(k, row));
                        }
                    } else {
                        terminal.setCursorPosition(col, row);
                    }
                }
                if (style != current) {
                    applyStyle(current, style);
                    current = style;
                }
                terminal.putCharacter(c);
                nextRow = row;
                nextColumn = col + 1;
            }
        }
        if (current != -1 && current != Style.PLAIN) {
            terminal.resetColorAndSGR();
        }
        shown.copyFrom(frame);
        complete = false;
        terminal.flush();
    }

    /**
     * When a process moves up or down the sorted list, every row between its old and new place
     * shifts by one. Sending those rows again costs a row's bytes each; asking the terminal to
     * scroll just that block costs about twenty. Finds blocks of at least {@link #MIN_SCROLL_ROWS}
     * rows that the new frame shows one row up or down from where the terminal shows them,
     * scrolls them there, and updates the copy of what the terminal shows to match.
     */
    private void scrollShiftedBlocks(CellBuffer frame, Scrollable scrollable) throws IOException {
        int rows = frame.rows();
        int row = 0;
        while (row < rows) {
            if (shown.sameRow(frame, row, row)) {
                row++;
                continue;
            }
            int shift = row + 1 < rows && shown.sameRow(frame, row, row + 1) ? 1
                    : row > 0 && shown.sameRow(frame, row, row - 1) ? -1 : 0;
            if (shift == 0) {
                row++;
                continue;
            }
            int end = row;
            while (end + 1 < rows && end + 1 + shift >= 0 && end + 1 + shift < rows
                    && shown.sameRow(frame, end + 1, end + 1 + shift) && !shown.sameRow(frame, end + 1, end + 1)) {
                end++;
            }
            if (end - row + 1 >= MIN_SCROLL_ROWS) {
                // Rows row..end of the frame are rows row+shift..end+shift on screen.
                int top = Math.min(row, row + shift);
                int bottom = Math.max(end, end + shift);
                terminal.resetColorAndSGR();
                scrollable.scrollLines(top, bottom, shift);
                shown.scroll(top, bottom, shift);
            }
            row = end + 1;
        }
    }

    /** True when the cells from {@code from} to {@code to} (exclusive) can be rewritten in the style already set. */
    private static boolean bridgeable(CellBuffer frame, int row, int from, int to, int style) {
        for (int k = from; k < to; k++) {
            char c = frame.charAt(k, row);
            if (frame.styleAt(k, row) != style || c > 0x7f) {
                return false; // a style change or a multi-byte character would cost more than the move
            }
        }
        return true;
    }

    private void applyStyle(int from, int to) {
        try {
            if (from == -1 || Style.modifiers(from) != Style.modifiers(to)) {
                // Modifiers cannot be switched off one by one on every terminal: reset, then set all.
                terminal.resetColorAndSGR();
                for (SGR sgr : Style.sgrs(to)) {
                    terminal.enableSGR(sgr);
                }
                from = Style.of(com.googlecode.lanterna.TextColor.ANSI.DEFAULT,
                        com.googlecode.lanterna.TextColor.ANSI.DEFAULT, Style.modifiers(to)); // after the reset
            }
            if (Style.foreground(from) != Style.foreground(to)) {
                terminal.setForegroundColor(Style.foreground(to));
            }
            if (Style.background(from) != Style.background(to)) {
                terminal.setBackgroundColor(Style.background(to));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
