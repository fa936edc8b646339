package dev.telar.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sync view in a real terminal: open it, start the Lock scenario and see the experiments view
 * refused while it runs, cancel it from there; then run it with threads at full speed, see its
 * outcome line, and quit cleanly.
 */
class SyncIT {
    @RegisterExtension
    final TmuxPane pane = TmuxPane.perTest();

    @Test
    void runTheLockScenarioWithThreadsAndSeeItsOutcome() throws Exception {
        ProcessHandle java = pane.startTelar("", "", s -> s.contains("PID") && s.contains("Avg"), "the process list")
                .process();

        pane.key("y");
        pane.waitFor(s -> s.contains("1 Lock") && s.contains("6 Barrier") && s.contains("not started")
                && s.contains("lecture pace"), "the sync view at lecture pace");
        // One job at a time: while the scenario runs, the experiments view is refused, and lists none of its threads.
        pane.key("Enter");
        pane.waitFor(s -> s.contains("threads: running"), "the Lock scenario running at lecture pace");
        pane.key("x");
        pane.key("Enter");
        String refused = pane.waitFor(s -> s.contains("a sync scenario is running: cancel it (c) before starting an experiment"),
                "the experiment refused");
        assertThat(refused).contains("none running").doesNotContain("worker-");
        pane.key("c");
        pane.waitFor(s -> !s.contains("cancel it (c)") && !s.contains("cancelling"), "the scenario cancelled from there");
        pane.key("y");
        pane.waitFor(s -> s.contains("threads: cancelled"), "the sync view with its cancelled run");
        pane.key("s");
        pane.key("s");
        pane.waitFor(s -> s.contains("m threads   s full speed  l lock on"), "full speed chosen");
        pane.key("Enter");
        String screen = pane.waitFor(s -> s.contains("correct: lock on, total "), "the Lock scenario's outcome",
                Duration.ofSeconds(30));
        assertThat(screen).containsPattern("correct: lock on, total [0-9,]+ = expected, no update lost \\(\\d+\\.\\d\\d s\\)")
                .contains("threads: done in").contains("Workers worker-0 worker-1 worker-2 worker-3")
                .containsPattern("Expected +[0-9,]+ = total, no update lost");

        pane.quitTelar(java);
    }
}
