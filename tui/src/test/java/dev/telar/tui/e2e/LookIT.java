package dev.telar.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The look chosen by the locale, the environment and the options, in a real terminal (tmux):
 * {@code LANG=C} gives a screen of plain ASCII, {@code --lang es} a Spanish one that {@code L}
 * switches, {@code NO_COLOR} a screen without colours.
 */
class LookIT {
    /** An SGR sequence that sets a colour: 30-37, 40-47, 90-97, 100-107, or 256/RGB forms. */
    private static final Pattern COLOUR = Pattern.compile("\u001b\\[[0-9;]*?(?<![0-9])(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38|48)(;[0-9;]*)?m");

    @RegisterExtension
    final TmuxPane pane = TmuxPane.perTest();

    @Test
    void inTheCLocaleEveryCellIsAscii() throws Exception {
        TmuxPane.Started telar = pane.startTelar("LANG=C LC_ALL=C LC_CTYPE=C", "",
                s -> s.contains("PID USER") && s.contains("Avg [") && s.contains("q Quit"), "the process list");
        ProcessHandle java = telar.process();
        String processes = telar.screen();
        assertAscii(processes, "process view");
        pane.key("x");
        assertAscii(pane.waitFor(s -> s.contains("> Kernel   < cpu >"), "the experiments form in ASCII"), "experiments view");
        pane.key("h");
        assertAscii(pane.waitFor(s -> s.contains("+- Telar keys"), "the help box drawn with + - |"), "help");
        pane.quitTelar(java);
    }

    @Test
    void spanishFromTheOptionAndBackWithL() throws Exception {
        ProcessHandle java = pane.startTelar("", "--lang es",
                s -> s.contains("USUARIO") && s.contains("Med [") && s.contains("Núcleos"), "the Spanish process list").process();
        pane.key("L");
        pane.waitFor(s -> s.contains("PID USER") && s.contains("Avg ["), "the English process list after L");
        pane.quitTelar(java);
    }

    @Test
    void noColorMeansNoColour() throws Exception {
        ProcessHandle java = pane.startTelar("NO_COLOR=1", "", s -> s.contains("PID USER") && s.contains("Avg ["),
                "the process list").process();
        String escapes = pane.screenWithEscapes();
        assertThat(COLOUR.matcher(escapes).find()).as("a colour in:\n" + escapes).isFalse();
        assertThat(escapes).as("header and selection still stand out (reverse video)").contains("\u001b[7m");
        pane.key("T"); // mono -> dark: the user may still ask for colour
        pane.waitFor(s -> COLOUR.matcher(pane.screenWithEscapes()).find(), "colours after T");
        pane.quitTelar(java);
    }

    private static void assertAscii(String screen, String what) {
        for (int i = 0; i < screen.length(); i++) {
            char c = screen.charAt(i);
            assertThat((int) c).as("%s: '%s' at %d in:%n%s", what, c, i, screen).isLessThan(128);
        }
    }
}
