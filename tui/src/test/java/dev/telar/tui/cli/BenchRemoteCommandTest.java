package dev.telar.tui.cli;

import static dev.telar.tui.cli.CliTest.assertOneUsageLine;
import static dev.telar.tui.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code telar bench remote --embedded}: a manager of its own on loopback, real client JVMs, every
 * figure present with its count checked, and the manager's temporary directory gone afterwards.
 */
class BenchRemoteCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Timeout(180)
    void anEmbeddedRunGivesEveryFigureAndLeavesNoDirectory() throws Exception {
        List<Path> before = benchDirs();
        CliTest.Run r = run("bench", "remote", "--embedded", "--clients", "2", "--ops", "20", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = JSON.readTree(r.out().strip());
        assertThat(o.get("bench").asText()).isEqualTo("remote");
        List<String> names = new ArrayList<>();
        for (JsonNode f : o.get("results")) {
            names.add(f.get("name").asText());
            assertThat(f.get("ops_per_s").asLong()).as(f.toString()).isPositive();
            assertThat(f.get("verified").asBoolean()).isTrue();
            assertThat(f.get("count").asLong()).isEqualTo(f.get("name").asText().equals("remote_barrier_rounds") ? 20 : 40);
        }
        assertThat(names).containsExactly("remote_dict_cas_incr", "remote_dict_cas_incr_own_key", "remote_dict_locked_incr",
                "remote_lock_acq_rel", "remote_mutex_acq_rel", "remote_sync_lock_acq_rel", "remote_barrier_rounds",
                "remote_dict_get");
        assertThat(benchDirs()).as("the embedded manager's directory is removed").isEqualTo(before);
    }

    @Test
    void withoutAManagerItIsOneLineAndExitTwo() {
        assertOneUsageLine(run("bench", "remote", "--ops", "10"), "no manager named: give --manager HOST:PORT");
    }

    @Test
    void badCountsAreOneLine() {
        assertOneUsageLine(run("bench", "remote", "--embedded", "--clients", "0"), "--clients must be 1..32, got 0");
        assertOneUsageLine(run("bench", "remote", "--embedded", "--ops", "0"), "--ops must be 1..1000000, got 0");
    }

    private static List<Path> benchDirs() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("telar-bench-remote-")).sorted().toList();
        }
    }
}
