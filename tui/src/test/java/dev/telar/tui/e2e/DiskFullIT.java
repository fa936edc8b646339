package dev.telar.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.telar.tui.RunLeftovers;
import dev.telar.tui.TmpfsMount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard with its exchange files on a tmpfs too small for a queue exchange: the run fails,
 * the screen says "disk full", the dashboard keeps running (the next key works) and quits cleanly,
 * and no run directory is left on the tmpfs.
 */
class DiskFullIT {
    @RegisterExtension
    final TmuxPane pane = TmuxPane.perTest();

    @Test
    void aQueueExchangeOnAFullDiskFailsOnScreenAndTheDashboardGoesOn() throws Exception {
        Path ipc = Files.createDirectory(pane.dir().resolve("ipc"));
        try (TmpfsMount tmpfs = TmpfsMount.on(ipc, "16k")) {
            assumeTrue(tmpfs != null, "cannot mount a tmpfs here (needs root): " + TmpfsMount.refusal());
            Files.writeString(pane.dir().resolve("config.yaml"), "ipc:\n  dir: " + ipc + "\n");
            ProcessHandle java = pane.startTelar("TELAR_CONFIG=\"$T/config.yaml\"", "",
                    s -> s.contains("PID") && s.contains("X Exch"), "the process list with the exchange hint").process();

            pane.key("X");
            pane.waitFor(s -> s.contains("Mechanism") && s.contains("Compare"), "the exchange form");
            pane.key("Right");
            pane.key("Right");
            pane.key("Down");
            pane.key("Left");
            pane.key("Left");
            pane.key("Down");
            pane.key("Left");
            pane.key("Left");
            pane.waitFor(s -> s.contains("Mechanism   queue") && s.contains("Processes   2"),
                    "a queue exchange with 2 processes chosen");
            pane.key("Enter");
            pane.waitFor(s -> s.contains("disk full"), "the run failed for a full disk", Duration.ofSeconds(90));
            assertThat(java.isAlive()).as("the dashboard still runs").isTrue();
            // Still answering keys: back to the process list.
            pane.key("X");
            pane.waitFor(s -> s.contains("PID"), "the process list again");

            pane.quitTelar(java);
            RunLeftovers.assertNothingLeftIn(ipc);
        }
    }
}
