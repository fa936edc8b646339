package dev.telar.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ctrl-Z in a real terminal, under an interactive bash with job control: Telar gives the terminal
 * back (alternate screen left, cursor shown, canonical mode and echo on) and stops, the shell's
 * prompt works; {@code fg} brings the whole dashboard back, and it still quits cleanly.
 */
class SuspendIT {
    @RegisterExtension
    final TmuxPane pane = TmuxPane.perTest();

    @Test
    @Timeout(90)
    void ctrlZGivesTheShellTheTerminalAndFgBringsTheDashboardBack() throws Exception {
        String marker = "before-telar-" + Long.toHexString(System.nanoTime());
        pane.type("echo " + marker);
        pane.waitFor(s -> s.lines().anyMatch(l -> l.equals(marker)), "the marker line");
        // Started straight from the shell (no bash -c in between), so that it is a job the shell controls.
        pane.type("\"$L\" & echo $! >\"$T/pid\"; fg");
        String dashboard = pane.waitFor(s -> s.contains("PID") && s.contains("Avg"), "the dashboard");
        assertThat(dashboard).doesNotContain(marker);
        ProcessHandle telar = ProcessHandle.of(Long.parseLong(pane.fileLines("pid").get(0).strip())).orElseThrow();

        pane.key("C-z");
        String shell = pane.waitFor(s -> s.contains("Stopped") && TmuxPane.lastLine(s).equals(TmuxPane.PROMPT.strip()),
                "the shell's prompt after Ctrl-Z");
        assertThat(shell).as("alternate screen left: earlier shell output is back").contains(marker);
        assertThat(pane.cursorVisible()).as("cursor visible").isTrue();
        assertThat(telar.isAlive()).as("telar is stopped, not ended").isTrue();
        assertThat(state(telar)).as("process state of telar").isEqualTo("T");
        pane.type("stty -a");
        String after = pane.waitFor(s -> s.lines().anyMatch(l -> l.contains("echo") && l.contains("icanon"))
                && TmuxPane.lastLine(s).equals(TmuxPane.PROMPT.strip()), "stty -a output", Duration.ofSeconds(10));
        List<String> modes = Arrays.asList(after.substring(after.lastIndexOf("stty -a")).split("[\\s;]+"));
        assertThat(modes).as("terminal modes while telar is stopped").contains("icanon", "echo", "isig")
                .doesNotContain("-icanon", "-echo");

        pane.type("fg");
        pane.waitFor(s -> s.contains("PID") && s.contains("Avg") && !s.contains(marker) && !s.contains("stty -a"),
                "the whole dashboard again after fg");
        assertThat(pane.cursorVisible()).as("cursor hidden again").isFalse();
        pane.key("q");
        telar.onExit().get(TmuxPane.DEFAULT_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(pane.exitStatusOfLastCommand()).as("exit status after q").isZero();
        assertThat(pane.screen()).contains(marker);
    }

    /** The state letter of {@code process} in /proc/PID/stat (R, S, T...). */
    private static String state(ProcessHandle process) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(process.pid()), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    }
}
