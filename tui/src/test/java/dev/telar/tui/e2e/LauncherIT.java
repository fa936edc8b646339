package dev.telar.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The launcher's refusals in a real terminal (tmux) and headless use without one. None of these
 * needs the dashboard itself.
 */
class LauncherIT {
    @RegisterExtension
    final TmuxPane pane = TmuxPane.perTest();

    @Test
    void pipedOutputIsRefusedWithOneLine() throws IOException {
        pane.type("\"$L\" 2>\"$T/err\" | cat >\"$T/out\"; echo \"rc=${PIPESTATUS[0]}\"");
        pane.waitFor(s -> s.lines().anyMatch(l -> l.matches("rc=\\d+")), "rc line");
        assertThat(pane.screen()).contains("rc=2");
        assertThat(pane.fileLines("err")).containsExactly(
                "telar: standard output is not a terminal; for headless use run: telar snapshot --json");
        assertThat(pane.fileLines("out")).isEmpty();
    }

    @Test
    void dumbTerminalIsRefusedWithOneLine() throws IOException {
        pane.type("TERM=dumb \"$L\" 2>\"$T/err\"");
        assertThat(pane.exitStatusOfLastCommand()).isEqualTo(2);
        List<String> err = pane.fileLines("err");
        assertThat(err).hasSize(1);
        assertThat(err.get(0)).startsWith("telar: ").contains("TERM=dumb", "telar snapshot --json");
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() throws IOException {
        pane.type("\"$L\" --bogus 2>\"$T/err\"");
        assertThat(pane.exitStatusOfLastCommand()).isEqualTo(2);
        List<String> err = pane.fileLines("err");
        assertThat(err).hasSize(1);
        assertThat(err.get(0)).startsWith("telar: ").contains("--bogus").doesNotContain("Exception");
    }

    @Test
    void snapshotStreamsJsonWithoutATerminal() throws Exception {
        Launcher.Result r = Launcher.run(pane.dir(), 60, "snapshot", "--json", "--count", "2", "--interval", "0.3");
        assertThat(r.code()).as("stderr: %s", r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().strip().lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            assertThat(node.path("cores")).hasSize(Runtime.getRuntime().availableProcessors());
            assertThat(node.path("processes").size()).isPositive();
        }
        assertThat(pane.dir().resolve("state/telar/telar.log")).as("log under XDG_STATE_HOME").isRegularFile();
        long self = json.readTree(lines.get(0)).path("self_pid").asLong();
        assertThat(json.readTree(lines.get(0)).path("processes").findValues("pid")).anyMatch(p -> p.asLong() == self);
    }

    /** Through the real launcher and JVM: a broken settings file stops a headless subcommand with one line. */
    @Test
    void aBrokenSettingsFileStopsSnapshotWithOneLine() throws Exception {
        Path broken = Files.writeString(pane.dir().resolve("broken.yaml"), "refresh: fast\n");
        Launcher.Result r = Launcher.run(pane.dir(), 60, "--config", broken.toString(), "snapshot", "--json");
        assertThat(r.code()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("telar: " + broken
                + ":1:10: 'refresh' must be a number of seconds between 0.25 and 10, got 'fast'\n");
        assertThat(r.out()).isEmpty();
    }
}
