package dev.telar.tui.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import org.junit.jupiter.api.Test;

class TelarTerminalTest {
    @Test
    void parsesSttySizeAsRowsThenColumns() {
        assertThat(TelarTerminal.parseSttySize("40 120\n")).isEqualTo(new TerminalSize(120, 40));
    }

    @Test
    void noSizeWhenTheKernelHasNone() {
        assertThat(TelarTerminal.parseSttySize("0 0")).isNull();
        assertThat(TelarTerminal.parseSttySize("")).isNull();
        assertThat(TelarTerminal.parseSttySize("stty: 'standard input': Inappropriate ioctl for device")).isNull();
    }
}
