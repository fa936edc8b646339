package dev.telar.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The experiments view in a real terminal: switch to it, choose a small cpu run, start it with its
 * baseline, see the result row with its speedup, and quit cleanly.
 */
class ExperimentsIT {
    /** A completed thread-target row: kernel, model, workers, wall s, CPU s, then a speedup like ×1.93. */
    private static final Pattern RESULT_ROW =
            Pattern.compile("(?m)^cpu +thread-target +4 +\\d+\\.\\d\\d +\\d+\\.\\d\\d +×\\d+\\.\\d\\d +\\d+%");

    @RegisterExtension
    final TmuxPane pane = TmuxPane.perTest();

    @Test
    void runAnExperimentFromTheDashboardAndSeeItsSpeedup() throws Exception {
        ProcessHandle java = pane.startTelar("", "", s -> s.contains("PID") && s.contains("Avg"), "the process list")
                .process();

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

        pane.quitTelar(java);
    }
}
