package dev.telar.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clicks in a real terminal (tmux): the dashboard asks for mouse reports, a click on a column
 * heading sorts by it, a click on a footer hint acts as its key, and after quitting the terminal
 * no longer reports clicks (or the shell would receive them as text).
 */
class MouseIT {
    @RegisterExtension
    final TmuxPane pane = TmuxPane.perTest();

    @Test
    void clicksSortAndSwitchViewsAndStopWhenTelarQuits() throws Exception {
        assertThat(pane.format("#{mouse_standard_flag}")).as("the shell asks for no clicks").isEqualTo("0");
        TmuxPane.Started telar = pane.startTelar("", "", s -> s.contains("PID USER") && s.contains("Avg"), "the process list");
        ProcessHandle java = telar.process();
        String screen = telar.screen();
        assertThat(pane.format("#{mouse_standard_flag}")).as("the dashboard reports clicks").isEqualTo("1");

        List<String> lines = screen.lines().toList();
        int header = 0;
        while (!lines.get(header).contains("PID USER")) {
            header++;
        }
        pane.click(lines.get(header).indexOf("PID") + 1, header);
        pane.waitFor(s -> s.contains("Sort PID") && s.contains("PID▾"), "the list sorted by PID after a click on its heading");

        String footer = pane.screen().lines().filter(l -> l.contains("q Quit")).findFirst().orElseThrow();
        int row = (int) pane.screen().lines().takeWhile(l -> !l.contains("q Quit")).count();
        int exp = footer.indexOf("x Exp");
        assertThat(exp).as("the experiments hint in: " + footer).isNotNegative();
        pane.click(exp + 2, row);
        pane.waitFor(s -> s.contains("Kernel") && s.contains("Baseline"), "the experiments view after a click on its hint");

        pane.quitTelar(java);
        assertThat(pane.format("#{mouse_standard_flag}")).as("clicks no longer reported").isEqualTo("0");
        assertThat(pane.format("#{mouse_utf8_flag}")).as("UTF-8 mouse mode off too").isEqualTo("0");
    }
}
