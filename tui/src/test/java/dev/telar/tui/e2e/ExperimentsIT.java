package dev.telar.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The experiments view in a real terminal: switch to it, choose a small cpu run, start it with its
 * baseline, see the result row with its speedup, and quit cleanly.
 */
class ExperimentsIT {
    /** A completed thread-target row: kernel, model, workers, wall s, CPU s, then a speedup like ×1.93. */
    private static final Pattern RESULT_ROW =
            Pattern.compile("(?m)^cpu +thread-target +4 +\\d+\\.\\d\\d +\\d+\\.\\d\\d +×\\d+\\.\\d\\d +\\d+%");

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
    void runAnExperimentFromTheDashboardAndSeeItsSpeedup() throws Exception {
        pane.type("bash -c 'echo $$ >\"$T/pid\"; exec \"$L\"'");
        pane.waitFor(s -> s.contains("PID") && s.contains("Avg"), "the process list");
        List<String> pid = pane.fileLines("pid");
        assertThat(pid).hasSize(1);
        ProcessHandle java = ProcessHandle.of(Long.parseLong(pid.get(0).strip()))
                .orElseThrow(() -> new AssertionError("telar's process is gone while the dashboard shows"));

        pane.key("x");
        pane.waitFor(s -> s.contains("Kernel") && s.contains("Baseline") && s.contains("Avg"),
                "the experiments form with the cores still shown");
        for (int i = 0; i < 4; i++) {
            pane.key("Down");
        }
        for (int i = 0; i < 3; i++) {
            pane.key("Left");
        }
        pane.waitFor(s -> s.contains("◂ 10M draws ▸"), "the smallest cpu size selected");
        pane.key("Enter");
        String screen = pane.waitFor(s -> RESULT_ROW.matcher(s).find(), "a thread-target result row with a speedup",
                Duration.ofSeconds(60));
        assertThat(screen).containsPattern("(?m)^cpu +sequential +1 ");
        assertThat(screen).contains("▶ 4 threads: ×");

        pane.key("q");
        java.onExit().get(TmuxPane.DEFAULT_WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(pane.exitStatusOfLastCommand()).as("exit status").isZero();
    }
}
