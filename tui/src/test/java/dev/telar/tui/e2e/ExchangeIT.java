package dev.telar.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.tui.RunLeftovers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The exchange view in a real terminal: open it with X, choose a small queue exchange with 2
 * processes, run it (1 process, then 2, as child JVMs), see its result line with the exact total,
 * and quit cleanly. The settings file puts the exchange files in the test's directory with a
 * 64 MiB cap, and the panel shows that cap.
 */
class ExchangeIT {
    /** A completed queue row: P 2, seconds with 1 and 2 processes, a speedup, disk, and OK. */
    private static final Pattern RESULT_ROW =
            Pattern.compile("(?m)^queue +2 +\\d+\\.\\d\\d +\\d+\\.\\d\\d +×\\d+\\.\\d\\d +\\S+ +OK");

    @RegisterExtension
    final TmuxPane pane = TmuxPane.perTest();

    @Test
    void runAQueueExchangeFromTheDashboardAndSeeItsResult() throws Exception {
        Path ipc = pane.dir().resolve("ipc");
        Files.writeString(pane.dir().resolve("config.yaml"), "ipc:\n  dir: " + ipc + "\n  disk-cap-mb: 64\n");
        ProcessHandle java = pane.startTelar("TELAR_CONFIG=\"$T/config.yaml\"", "",
                s -> s.contains("PID") && s.contains("X Exch"), "the process list with the exchange hint").process();

        pane.key("X");
        pane.waitFor(s -> s.contains("Mechanism") && s.contains("Compare") && s.contains("Avg"),
                "the exchange form with the cores still shown");
        pane.key("Right");
        pane.key("Right");
        pane.key("Down");
        pane.key("Left");
        pane.key("Left");
        pane.key("Down");
        pane.key("Left");
        pane.key("Left");
        pane.waitFor(s -> s.contains("◂ 10M draws ▸") && s.contains("Mechanism   queue") && s.contains("Processes   2"),
                "a queue exchange of 10M draws with 2 processes chosen");
        pane.key("Enter");
        String screen = pane.waitFor(s -> RESULT_ROW.matcher(s).find(), "a queue result row with OK",
                Duration.ofSeconds(90));
        assertThat(screen).contains("▶ queue, 2 processes: ×").contains("of a 64.0M cap");
        assertThat(ipc).as("the settings' ipc.dir holds the runs").isDirectory();

        pane.quitTelar(java);
        RunLeftovers.assertNothingLeftIn(ipc);
    }
}
