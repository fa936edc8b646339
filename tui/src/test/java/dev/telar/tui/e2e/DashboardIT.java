package dev.telar.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.telar.probe.Probe;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard in a real terminal (tmux), started by the real launcher from an interactive shell:
 * however it ends (q, SIGTERM, SIGHUP), the terminal must be given back as it was: canonical mode
 * and echo on, the alternate screen left (earlier shell output visible again), the cursor visible.
 */
class DashboardIT {
    private static final String PLACEHOLDER = "the dashboard is not built yet";
    private static String hostName;

    @RegisterExtension
    final TmuxPane pane = TmuxPane.perTest();
    private String marker;

    @BeforeAll
    static void buildOnce() throws Exception {
        hostName = Probe.live().host().hostName();
    }

    @BeforeEach
    void printMarker() {
        marker = "before-telar-" + Long.toHexString(System.nanoTime());
        pane.type("echo " + marker);
        pane.waitFor(s -> s.lines().anyMatch(l -> l.equals(marker)), "the marker line");
    }

    @Test
    void quitWithQRestoresTheTerminal() throws IOException {
        ProcessHandle java = startDashboard();
        pane.key("q");
        awaitExit(java);
        assertTerminalRestored(0);
    }

    @Test
    void sigtermRestoresTheTerminal() throws IOException {
        ProcessHandle java = startDashboard();
        signal(java, "TERM");
        awaitExit(java);
        assertTerminalRestored(128 + 15);
    }

    @Test
    void sighupRestoresTheTerminal() throws IOException {
        ProcessHandle java = startDashboard();
        signal(java, "HUP");
        awaitExit(java);
        assertTerminalRestored(128 + 1);
    }

    /**
     * Ctrl-\ would be SIGQUIT (a thread dump printed over the screen) and Ctrl-S would freeze the
     * output under flow control: both must be plain keys that change nothing.
     */
    @Test
    void ctrlBackslashAndCtrlSNeitherDumpNorFreeze() throws Exception {
        ProcessHandle java = startDashboard();
        pane.key("C-\\");
        pane.key("C-s");
        pane.key("h"); // help opens only if output still flows
        String screen = pane.waitFor(s -> s.contains("Telar keys"),
                "the help box after Ctrl-\\ and Ctrl-S");
        assertThat(screen).doesNotContain("Full thread dump").doesNotContain("JNI global refs");
        assertThat(java.isAlive()).isTrue();
        pane.key("Escape");
        pane.key("q");
        awaitExit(java);
        assertTerminalRestored(0);
    }

    /** Starts ./telar in the pane (its pid recorded by the shell that execs it) and waits for the dashboard. */
    private ProcessHandle startDashboard() throws IOException {
        TmuxPane.Started telar = pane.startTelar("", "", s -> s.contains(PLACEHOLDER) || s.contains("PID") && s.contains(hostName),
                "dashboard header (host " + hostName + ") and process list (PID)");
        String screen = telar.screen();
        if (screen.contains(PLACEHOLDER)) {
            abort("needs the real dashboard; this build still has the placeholder Dashboard");
        }
        assertThat(screen).as("the dashboard draws on the alternate screen").doesNotContain(marker);
        ProcessHandle java = telar.process();
        Optional<String> command = java.info().command();
        assertThat(command).as("the launcher execs java in the same process").hasValueSatisfying(c -> assertThat(c).endsWith("/java"));
        return java;
    }

    private static void signal(ProcessHandle process, String signal) throws IOException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            assertThat(kill.waitFor()).as("kill -%s", signal).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(TmuxPane.DEFAULT_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("telar did not exit within " + TmuxPane.DEFAULT_WAIT.toSeconds() + " s");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void assertTerminalRestored(int expectedStatus) {
        assertThat(pane.exitStatusOfLastCommand()).as("exit status").isEqualTo(expectedStatus);
        String screen = pane.screen();
        assertThat(screen).as("alternate screen left: earlier shell output is back").contains(marker);
        assertThat(pane.cursorVisible()).as("cursor visible").isTrue();

        pane.type("stty -a");
        String after = pane.waitFor(s -> s.contains("icanon") && s.lines().anyMatch(l -> l.contains("echo")
                && l.contains("icanon")) && TmuxPane.lastLine(s).equals(TmuxPane.PROMPT.strip()),
                "stty -a output", Duration.ofSeconds(10));
        List<String> modes = Arrays.asList(after.substring(after.lastIndexOf("stty -a")).split("[\\s;]+"));
        assertThat(modes).as("terminal modes after telar").contains("icanon", "echo").doesNotContain("-icanon", "-echo");
    }
}
