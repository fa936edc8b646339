package dev.telar.tui.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.telar.tui.panel.CellBuffer;
import dev.telar.tui.panel.Style;
import org.junit.jupiter.api.Test;

class TerminalPainterTest {
    /** Counts what the painter sends. */
    static class CountingTerminal extends DefaultVirtualTerminal {
        int characters;
        int moves;

        CountingTerminal(int columns, int rows) {
            super(new TerminalSize(columns, rows));
        }

        @Override
        public synchronized void putCharacter(char c) {
            characters++;
            super.putCharacter(c);
        }

        @Override
        public synchronized void setCursorPosition(int column, int row) {
            moves++;
            super.setCursorPosition(column, row);
        }
    }

    /** A virtual terminal that scrolls like a real one (content up for positive distances). */
    static final class ScrollingTerminal extends CountingTerminal implements com.googlecode.lanterna.graphics.Scrollable {
        int scrolls;

        ScrollingTerminal(int columns, int rows) {
            super(columns, rows);
        }

        @Override
        public synchronized void scrollLines(int firstLine, int lastLine, int distance) {
            scrolls++;
            int sentBefore = characters; // moving the rows here is the terminal's work, not bytes sent
            int columns = getTerminalSize().getColumns();
            java.util.List<String> rows = new java.util.ArrayList<>();
            for (int r = firstLine; r <= lastLine; r++) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    line.append(getCharacter(c, r).getCharacterString());
                }
                rows.add(line.toString());
            }
            for (int r = firstLine; r <= lastLine; r++) {
                int from = r - firstLine + distance;
                String text = from >= 0 && from < rows.size() ? rows.get(from) : " ".repeat(columns);
                super.setCursorPosition(0, r);
                for (char ch : text.toCharArray()) {
                    super.putCharacter(ch);
                }
            }
            characters = sentBefore;
        }
    }

    private static String row(DefaultVirtualTerminal t, int r) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < t.getTerminalSize().getColumns(); c++) {
            line.append(t.getCharacter(c, r).getCharacterString());
        }
        return line.toString();
    }

    @Test
    void aBlockShiftedByOneRowIsScrolledNotResent() throws Exception {
        ScrollingTerminal t = new ScrollingTerminal(30, 10);
        TerminalPainter painter = new TerminalPainter(t);
        CellBuffer frame = new CellBuffer(30, 10);
        String[] lines = {"header", "pid 1 init", "pid 2 kthreadd", "pid 3 rcu", "pid 4 worker", "pid 5 ssh",
            "pid 6 bash", "pid 7 telar", "pid 8 tmux", "footer"};
        for (int r = 0; r < 10; r++) {
            write(frame, 0, r, lines[r], Style.PLAIN);
        }
        painter.paint(frame);
        // "pid 2" jumps to the top of the list: rows 2..7 of the list move down by one.
        CellBuffer next = new CellBuffer(30, 10);
        String[] moved = {"header", "pid 2 kthreadd", "pid 1 init", "pid 3 rcu", "pid 4 worker", "pid 5 ssh",
            "pid 6 bash", "pid 7 telar", "pid 8 tmux", "footer"};
        for (int r = 0; r < 10; r++) {
            write(next, 0, r, moved[r], Style.PLAIN);
        }
        t.characters = 0;
        painter.paint(next);
        for (int r = 0; r < 10; r++) {
            assertThat(row(t, r).strip()).as("row %d", r).isEqualTo(moved[r]);
        }
        assertThat(t.scrolls).isEqualTo(0); // only two rows differ: rows 1 and 2 swapped, no block moved

        // Now the first process leaves: every row below it moves up by one.
        CellBuffer after = new CellBuffer(30, 10);
        String[] gone = {"header", "pid 1 init", "pid 3 rcu", "pid 4 worker", "pid 5 ssh", "pid 6 bash",
            "pid 7 telar", "pid 8 tmux", "", "footer"};
        for (int r = 0; r < 10; r++) {
            write(after, 0, r, gone[r], Style.PLAIN);
        }
        t.characters = 0;
        t.scrolls = 0;
        painter.paint(after);
        for (int r = 0; r < 10; r++) {
            assertThat(row(t, r).strip()).as("row %d", r).isEqualTo(gone[r]);
        }
        assertThat(t.scrolls).isEqualTo(1);
        assertThat(t.characters).as("only what the scroll could not bring (%d scrolls)", t.scrolls).isLessThan(10);
    }

    private static void write(CellBuffer b, int col, int row, String text, int style) {
        for (int i = 0; i < text.length(); i++) {
            b.set(col + i, row, text.charAt(i), style);
        }
    }

    @Test
    void onlyChangedCellsAreSentAfterTheFirstFrame() throws Exception {
        CountingTerminal t = new CountingTerminal(20, 3);
        TerminalPainter painter = new TerminalPainter(t);
        CellBuffer frame = new CellBuffer(20, 3);
        int red = Style.of(TextColor.ANSI.RED, TextColor.ANSI.DEFAULT, 1 << SGR.BOLD.ordinal());
        write(frame, 0, 0, "cpu 12%", Style.PLAIN);
        write(frame, 0, 2, "hot", red);
        painter.paint(frame);
        assertThat(t.characters).isEqualTo(10); // "cpu 12%" and "hot"; the blank is rewritten, cheaper than a move
        assertThat(t.getCharacter(0, 2).getForegroundColor()).isEqualTo(TextColor.ANSI.RED);
        assertThat(t.getCharacter(0, 2).getModifiers()).contains(SGR.BOLD);

        t.characters = 0;
        t.moves = 0;
        write(frame, 4, 0, "13", Style.PLAIN); // "12" -> "13": one cell differs
        painter.paint(frame);
        assertThat(t.characters).isEqualTo(1);
        assertThat(t.moves).isEqualTo(1);
        assertThat(t.getCharacter(5, 0).getCharacterString()).isEqualTo("3");

        t.characters = 0;
        painter.paint(frame);
        assertThat(t.characters).isZero();

        painter.invalidate();
        painter.paint(frame);
        assertThat(t.characters).isEqualTo(10); // the blank inside "cpu 13%" is rewritten, cheaper than a move
        assertThat(t.getCharacter(0, 2).getModifiers()).contains(SGR.BOLD);
        assertThat(t.getCharacter(0, 0).getModifiers()).doesNotContain(SGR.BOLD);
    }

    @Test
    void aResizedFrameIsSentWhole() throws Exception {
        CountingTerminal t = new CountingTerminal(10, 2);
        TerminalPainter painter = new TerminalPainter(t);
        CellBuffer frame = new CellBuffer(10, 2);
        write(frame, 0, 0, "abc", Style.PLAIN);
        painter.paint(frame);
        t.setTerminalSize(new TerminalSize(12, 3));
        frame.resize(12, 3);
        write(frame, 0, 0, "abc", Style.PLAIN);
        write(frame, 0, 2, "z", Style.PLAIN);
        t.characters = 0;
        painter.paint(frame);
        assertThat(t.characters).isEqualTo(4);
        assertThat(t.getCharacter(0, 2).getCharacterString()).isEqualTo("z");
    }
}
