package dev.telar.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sync view in a real terminal: open it, run the Lock scenario with threads at full speed,
 * see its outcome line, and quit cleanly.
 */
class SyncIT {
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
    void runTheLockScenarioWithThreadsAndSeeItsOutcome() throws Exception {
        pane.type("bash -c 'echo $$ >\"$T/pid\"; exec \"$L\"'");
        pane.waitFor(s -> s.contains("PID") && s.contains("Avg"), "the process list");
        List<String> pid = pane.fileLines("pid");
        assertThat(pid).hasSize(1);
        ProcessHandle java = ProcessHandle.of(Long.parseLong(pid.get(0).strip()))
                .orElseThrow(() -> new AssertionError("telar's process is gone while the dashboard shows"));

        pane.key("y");
        pane.waitFor(s -> s.contains("1 Lock") && s.contains("6 Barrier") && s.contains("not started")
                && s.contains("lecture pace"), "the sync view at lecture pace");
        pane.key("s");
        pane.key("s");
        pane.waitFor(s -> s.contains("m threads   s full speed  l lock on"), "full speed chosen");
        pane.key("Enter");
        String screen = pane.waitFor(s -> s.contains("correct: lock on, total "), "the Lock scenario's outcome",
                Duration.ofSeconds(30));
        assertThat(screen).containsPattern("correct: lock on, total [0-9,]+ = expected, no update lost \\(\\d+\\.\\d\\d s\\)")
                .contains("threads: done in").contains("Workers worker-0 worker-1 worker-2 worker-3")
                .containsPattern("Expected +[0-9,]+ = total, no update lost");

        pane.key("q");
        java.onExit().get(TmuxPane.DEFAULT_WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(pane.exitStatusOfLastCommand()).as("exit status").isZero();
    }
}
