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
    static final class CountingTerminal extends DefaultVirtualTerminal {
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
        assertThat(t.characters).isEqualTo(9); // "cpu 12%" + "hot" less the blank: a cleared screen shows it
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
        assertThat(t.characters).isEqualTo(9);
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
