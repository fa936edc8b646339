package dev.telar.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The look chosen by the locale, the environment and the options, in a real terminal (tmux):
 * {@code LANG=C} gives a screen of plain ASCII, {@code --lang es} a Spanish one that {@code L}
 * switches, {@code NO_COLOR} a screen without colours.
 */
class LookIT {
    /** An SGR sequence that sets a colour: 30-37, 40-47, 90-97, 100-107, or 256/RGB forms. */
    private static final Pattern COLOUR = Pattern.compile("\u001b\\[[0-9;]*?(?<![0-9])(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38|48)(;[0-9;]*)?m");

    private TmuxPane pane;

    @BeforeAll
    static void buildOnce() throws Exception {
        Launcher.warmUp();
    }

    @BeforeEach
    void openPane() throws IOException {
        assumeTrue(TmuxPane.available(), "tmux is not installed");
        pane = new TmuxPane(Launcher.path());
    }

    @AfterEach
    void closePane() throws IOException {
        if (pane != null) {
            pane.close();
        }
    }

    @Test
    void inTheCLocaleEveryCellIsAscii() throws Exception {
        ProcessHandle java = start("LANG=C LC_ALL=C LC_CTYPE=C", "");
        String processes = pane.waitFor(s -> s.contains("PID USER") && s.contains("Avg [") && s.contains("q Quit"),
                "the process list");
        assertAscii(processes, "process view");
        pane.key("x");
        assertAscii(pane.waitFor(s -> s.contains("> Kernel   < cpu >"), "the experiments form in ASCII"), "experiments view");
        pane.key("h");
        assertAscii(pane.waitFor(s -> s.contains("+- Telar keys"), "the help box drawn with + - |"), "help");
        quit(java);
    }

    @Test
    void spanishFromTheOptionAndBackWithL() throws Exception {
        ProcessHandle java = start("", "--lang es");
        pane.waitFor(s -> s.contains("USUARIO") && s.contains("Med [") && s.contains("Núcleos"), "the Spanish process list");
        pane.key("L");
        pane.waitFor(s -> s.contains("PID USER") && s.contains("Avg ["), "the English process list after L");
        quit(java);
    }

    @Test
    void noColorMeansNoColour() throws Exception {
        ProcessHandle java = start("NO_COLOR=1", "");
        pane.waitFor(s -> s.contains("PID USER") && s.contains("Avg ["), "the process list");
        String escapes = pane.screenWithEscapes();
        assertThat(COLOUR.matcher(escapes).find()).as("a colour in:\n" + escapes).isFalse();
        assertThat(escapes).as("header and selection still stand out (reverse video)").contains("\u001b[7m");
        pane.key("T"); // mono -> dark: the user may still ask for colour
        pane.waitFor(s -> COLOUR.matcher(pane.screenWithEscapes()).find(), "colours after T");
        quit(java);
    }

    /** Starts the launcher with {@code env} variables and {@code options}; returns Telar's process. */
    private ProcessHandle start(String env, String options) throws IOException {
        pane.type("bash -c 'echo $$ >\"$T/pid\"; exec env " + env + " \"$L\" " + options + "'");
        pane.waitFor(s -> !pane.fileLinesQuietly("pid").isEmpty(), "the launcher's pid");
        List<String> pid = pane.fileLines("pid");
        return ProcessHandle.of(Long.parseLong(pid.get(0).strip()))
                .orElseThrow(() -> new AssertionError("telar's process is gone"));
    }

    private void quit(ProcessHandle java) throws Exception {
        pane.key("q");
        java.onExit().get(TmuxPane.DEFAULT_WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(pane.exitStatusOfLastCommand()).as("exit status").isZero();
    }

    private static void assertAscii(String screen, String what) {
        for (int i = 0; i < screen.length(); i++) {
            char c = screen.charAt(i);
            assertThat((int) c).as("%s: '%s' at %d in:%n%s", what, c, i, screen).isLessThan(128);
        }
    }
}
