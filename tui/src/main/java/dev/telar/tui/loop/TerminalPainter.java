package dev.telar.tui.loop;

import com.googlecode.lanterna.SGR;
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
    private final Terminal terminal;
    private final CellBuffer shown = new CellBuffer(0, 0);
    private boolean complete = true;

    /** @param terminal the terminal to draw on, already in private mode with the cursor hidden */
    public TerminalPainter(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Makes the next {@link #paint} clear the screen and send every cell. */
    public void invalidate() {
        complete = true;
    }

    /** Brings the terminal to show {@code frame}, then flushes. */
    public void paint(CellBuffer frame) throws IOException {
        boolean all = complete || shown.columns() != frame.columns() || shown.rows() != frame.rows();
        if (all) {
            terminal.resetColorAndSGR();
            terminal.clearScreen();
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
                    terminal.setCursorPosition(col, row);
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
