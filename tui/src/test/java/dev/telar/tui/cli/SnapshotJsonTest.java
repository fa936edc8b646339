package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code telar snapshot --json} on the live machine, parsed back with Jackson. */
class SnapshotJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private static CliTest.Run snapshot(String... options) {
        List<String> args = new ArrayList<>(List.of("snapshot", "--json"));
        args.addAll(List.of(options));
        return CliTest.run(CliTest.env(false, Map.of()), args.toArray(String[]::new));
    }

    @Test
    void oneSnapshotDescribesTheMachineAndThisJvm() throws Exception {
        CliTest.Run run = snapshot("--interval", "0.3");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().strip().lines()).hasSize(1);
        JsonNode root = JSON.readTree(run.out());

        assertThat(root.path("host").path("name").asText()).isNotBlank();
        assertThat(root.path("host").path("logical_cores").asInt()).isEqualTo(CORES);
        assertThat(root.path("interval_ms").asLong()).isBetween(250L, 5000L);
        assertThat(root.path("uptime_seconds").asLong()).isPositive();
        assertThat(root.path("load_average").path("one_minute").isNumber()).isTrue();
        assertThat(root.path("memory").path("total_bytes").asLong()).isPositive();
        assertThat(root.path("memory").path("used_bytes").asLong())
                .isBetween(1L, root.path("memory").path("total_bytes").asLong());

        assertThat(root.path("cores")).hasSize(CORES);
        for (int i = 0; i < CORES; i++) {
            JsonNode core = root.path("cores").get(i);
            assertThat(core.path("core").asInt()).isEqualTo(i);
            assertPercent(core, "user_pct", 100);
            assertPercent(core, "system_pct", 100);
            assertPercent(core, "busy_pct", 100);
            assertThat(core.path("busy_pct").asDouble())
                    .isGreaterThanOrEqualTo(core.path("user_pct").asDouble() + core.path("system_pct").asDouble() - 0.2);
        }
        assertPercent(root.path("total"), "busy_pct", 100);

        long self = ProcessHandle.current().pid();
        JsonNode me = null;
        for (JsonNode p : root.path("processes")) {
            assertPercent(p, "cpu_pct", 100.0 * CORES);
            assertThat(p.path("state").asText()).hasSize(1);
            for (JsonNode t : p.path("threads")) {
                assertPercent(t, "cpu_pct", 100);
                assertThat(t.path("last_core").asInt()).isBetween(0, CORES - 1);
            }
            if (p.path("pid").asLong() == self) {
                me = p;
            }
        }
        assertThat(me).as("this JVM (pid %d) in the process list", self).isNotNull();
        assertThat(root.path("self_pid").asLong()).isEqualTo(self);
        assertThat(me.path("ppid").asLong()).isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
        assertThat(me.path("user").asText()).isEqualTo(System.getProperty("user.name"));
        assertThat(me.path("rss_bytes").asLong()).isGreaterThan(1_000_000L);
        assertThat(me.path("command").asText()).contains("java");
        assertThat(me.path("thread_count").asInt()).isGreaterThan(5);
        assertThat(me.path("threads").size()).isGreaterThan(5);
        List<String> threadNames = new ArrayList<>();
        me.path("threads").forEach(t -> threadNames.add(t.path("name").asText()));
        assertThat(threadNames).as("kernel names of this JVM's threads").anyMatch(n -> n.startsWith("main") || n.equals("java"));
        assertThat(me.path("threads").get(0).fieldNames()).toIterable()
                .containsExactly("tid", "name", "state", "cpu_pct", "last_core", "cpu_seconds");
    }

    @Test
    void countStreamsThatManyJsonLines() throws Exception {
        CliTest.Run run = snapshot("--count", "3", "--interval", "0.2");
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = run.out().strip().lines().toList();
        assertThat(lines).hasSize(3);
        long previous = 0;
        for (String line : lines) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.path("cores")).hasSize(CORES);
            assertThat(node.path("taken_at_millis").asLong()).isGreaterThan(previous);
            previous = node.path("taken_at_millis").asLong();
        }
    }

    private static void assertPercent(JsonNode node, String field, double max) {
        assertThat(node.path(field).isNumber()).as("%s is a number in %s", field, node).isTrue();
        assertThat(node.path(field).asDouble()).as(field).isBetween(0.0, max);
    }
}
