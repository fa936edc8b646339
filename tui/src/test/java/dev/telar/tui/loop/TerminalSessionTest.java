package dev.telar.tui.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a session sends to an ANSI terminal about the mouse, on entering and on every way out. */
class TerminalSessionTest {
    private static final String CLICKS_ON = "\u001b[?1000h";
    private static final String CLICKS_OFF = "\u001b[?1000l";

    /** Lanterna's ANSI terminal writing into memory. */
    private static final class RecordingTerminal extends ANSITerminal {
        final ByteArrayOutputStream out;

        RecordingTerminal(ByteArrayOutputStream out) {
            super(new ByteArrayInputStream(new byte[0]), out, StandardCharsets.UTF_8);
            this.out = out;
        }

        String written() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static RecordingTerminal terminal() {
        return new RecordingTerminal(new ByteArrayOutputStream());
    }

    @Test
    void withTheMouseOnClicksAreReportedUntilRestored() throws IOException {
        RecordingTerminal t = terminal();
        TerminalSession session = new TerminalSession(t, true);
        session.enterFullScreen();
        assertThat(t.written()).contains(CLICKS_ON).doesNotContain(CLICKS_OFF);
        session.restore();
        String all = t.written();
        assertThat(all.lastIndexOf(CLICKS_OFF)).isGreaterThan(all.indexOf(CLICKS_ON));
        // Leaving the alternate screen comes after, and the request is not repeated.
        assertThat(all.indexOf("\u001b[?1049l")).isGreaterThan(all.lastIndexOf(CLICKS_OFF));
        assertThat(all.substring(all.lastIndexOf(CLICKS_OFF))).doesNotContain(CLICKS_ON);
    }

    @Test
    void theShutdownHookTurnsClicksOffToo() throws Exception {
        RecordingTerminal t = terminal();
        TerminalSession session = new TerminalSession(t, true);
        session.enterFullScreen();
        Thread hook = session.shutdownHook();
        hook.start();
        hook.join();
        assertThat(t.written()).contains(CLICKS_OFF);
        assertThat(session.restored()).isTrue();
        int length = t.written().length();
        session.restore(); // a second restore (the quit path after the hook) sends nothing
        assertThat(t.written()).hasSize(length);
    }

    @Test
    void withTheMouseOffNothingIsAskedOfTheTerminal() throws IOException {
        RecordingTerminal t = terminal();
        TerminalSession session = new TerminalSession(t, false);
        session.enterFullScreen();
        session.restore();
        assertThat(t.written()).doesNotContain("?1000").doesNotContain("?1005");
    }

    /** A recording terminal whose tty modes are switched, as the real one's are by stty. */
    private static final class ModalTerminal extends ANSITerminal implements TerminalSession.TtyModes {
        final ByteArrayOutputStream out;
        final StringBuilder modes = new StringBuilder();
        volatile boolean leftByOthers;

        ModalTerminal(ByteArrayOutputStream out) {
            super(new ByteArrayInputStream(new byte[0]), out, StandardCharsets.UTF_8);
            this.out = out;
        }

        @Override
        public void cookedModes() {
            modes.append("cooked@").append(out.size()).append(' ');
        }

        @Override
        public void rawModes() {
            modes.append("raw@").append(out.size()).append(' ');
        }

        @Override
        public boolean fullScreen() {
            return !leftByOthers;
        }

        String written() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void suspendLeavesTheFullScreenThenCookedModesAndResumeTakesBothBack() throws IOException {
        ModalTerminal t = new ModalTerminal(new ByteArrayOutputStream());
        TerminalSession session = new TerminalSession(t, true);
        session.enterFullScreen();
        int entered = t.out.size();
        assertThat(session.suspend()).isTrue();
        String lent = t.written().substring(entered);
        assertThat(lent).contains(CLICKS_OFF, "\u001b[?1049l", "\u001b[?25h");
        // The tty settings are put back after the screen is left, so the shell finds both as before.
        assertThat(t.modes.toString()).isEqualTo("cooked@" + t.out.size() + " ");
        assertThat(session.whileShown(() -> t.putCharacter('x'))).as("no frame while lent").isFalse();
        assertThat(t.written()).doesNotEndWith("x");

        int before = t.out.size();
        session.resume();
        assertThat(t.modes.toString()).endsWith("raw@" + before + " ");
        assertThat(t.written().substring(before)).contains(CLICKS_ON, "\u001b[?1049h", "\u001b[?25l");
        assertThat(session.whileShown(() -> t.putCharacter('y'))).isTrue();
        session.restore();
        assertThat(session.suspend()).as("nothing to lend once given back").isFalse();
    }

    @Test
    void noFrameReachesTheTerminalOnceItIsGivenBack() throws Exception {
        RecordingTerminal t = terminal();
        TerminalSession session = new TerminalSession(t, false);
        session.enterFullScreen();
        assertThat(session.whileShown(() -> t.putCharacter('a'))).isTrue();
        session.restore();
        int length = t.written().length();
        assertThat(session.whileShown(() -> t.putCharacter('b'))).isFalse();
        assertThat(t.written()).hasSize(length);
    }

    /** Lanterna's own shutdown hook may leave the full screen first: no frame may follow on the shell's screen. */
    @Test
    void noFrameOnceSomeoneElseLeftTheFullScreen() throws IOException {
        ModalTerminal t = new ModalTerminal(new ByteArrayOutputStream());
        TerminalSession session = new TerminalSession(t, false);
        session.enterFullScreen();
        assertThat(session.whileShown(() -> t.putCharacter('a'))).isTrue();
        t.leftByOthers = true;
        int length = t.out.size();
        assertThat(session.whileShown(() -> t.putCharacter('b'))).isFalse();
        assertThat(t.out.size()).isEqualTo(length);
    }
}
