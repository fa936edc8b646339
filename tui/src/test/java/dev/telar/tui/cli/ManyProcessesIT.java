package dev.telar.tui.cli;

import static dev.telar.tui.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code telar sync} at the largest worker count it accepts, in child JVMs: 64 JVMs start, so this
 * runs with the end-to-end tests ({@code mvn verify}), not with the unit tests: 143 to 191 s on
 * two cores shared with five other builds.
 */
class ManyProcessesIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The user's report: 64 worker JVMs and the runner's JVM all open the barrier, 65 processes;
     * the process primitives have room for them, so the run completes instead of failing half-way.
     */
    @Test
    @Timeout(300)
    void aBarrierOf64WorkerProcessesCompletes() throws Exception {
        long t0 = System.nanoTime();
        CliTest.Run r = run("sync", "barrier", "--mode", "processes", "--workers", "64", "--size", "3", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = JSON.readTree(r.out());
        assertThat(o.get("status").asText()).isEqualTo("completed");
        assertThat(o.get("workers").asInt()).isEqualTo(64);
        assertThat(o.get("results").get("rounds").asLong()).isEqualTo(3);
        assertThat(o.get("results").get("violations").asLong()).isZero();
        System.out.printf("64 worker processes through 3 barrier rounds: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

}
