package dev.telar.tui.cli;

import static dev.telar.tui.cli.CliTest.assertOneUsageLine;
import static dev.telar.tui.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code telar run} and {@code telar sweep} in-process: JSON fields, equal results, one-line errors. */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    @Test
    void runWithBaselinePrintsBothRunsWithTheFieldsAndEqualResults() throws Exception {
        CliTest.Run r = run("run", "cpu", "--model", "pool-map", "--workers", "2", "--size", "300000",
                "--baseline", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> runs = lines(r.out());
        assertThat(runs).hasSize(2);
        JsonNode base = runs.get(0);
        JsonNode pool = runs.get(1);
        assertThat(base.get("model").asText()).isEqualTo("sequential");
        assertThat(pool.get("model").asText()).isEqualTo("pool-map");
        for (String field : new String[] {"kernel", "model", "workers", "tasks", "wall_seconds", "cpu_seconds",
            "result", "speedup", "efficiency", "status", "verdict"}) {
            assertThat(pool.has(field)).as(field).isTrue();
        }
        assertThat(pool.get("workers").asInt()).isEqualTo(2);
        assertThat(pool.get("tasks").asInt()).isEqualTo(4);
        assertThat(pool.get("status").asText()).isEqualTo("completed");
        assertThat(pool.get("result").asDouble()).isEqualTo(base.get("result").asDouble());
        assertThat(pool.get("speedup").asDouble())
                .isEqualTo(base.get("wall_seconds").asDouble() / pool.get("wall_seconds").asDouble());
        assertThat(pool.get("verdict").asText()).startsWith("2 pool threads: ×");
    }

    @Test
    void processPoolMapRunHasTheThreadRunsFieldsTheSequentialResultAndItsStartUpApart() throws Exception {
        CliTest.Run r = run("run", "cpu", "--model", "process-pool-map", "--workers", "2", "--tasks", "4",
                "--draws", "2000000", "--baseline", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> runs = lines(r.out());
        assertThat(runs).hasSize(2);
        JsonNode one = runs.get(0);
        JsonNode pool = runs.get(1);
        // The lecture's comparison: the same pool with one process, then with two.
        assertThat(one.get("model").asText()).isEqualTo("process-pool-map");
        assertThat(one.get("workers").asInt()).isEqualTo(1);
        assertThat(one.get("speedup").asDouble()).isEqualTo(1.0);
        assertThat(pool.get("model").asText()).isEqualTo("process-pool-map");
        for (String field : new String[] {"kernel", "model", "workers", "tasks", "size", "cores", "wall_seconds",
            "cpu_seconds", "result", "speedup", "efficiency", "status", "verdict"}) {
            assertThat(pool.has(field)).as(field).isTrue();
        }
        assertThat(pool.get("workers").asInt()).isEqualTo(2);
        assertThat(pool.get("tasks").asInt()).isEqualTo(4);
        assertThat(pool.get("size").asLong()).isEqualTo(2_000_000);
        assertThat(pool.get("status").asText()).isEqualTo("completed");
        assertThat(pool.get("speedup").asDouble())
                .isEqualTo(one.get("wall_seconds").asDouble() / pool.get("wall_seconds").asDouble());
        assertThat(pool.get("cpu_seconds").asDouble()).isPositive();
        assertThat(pool.get("start_seconds").asDouble()).isPositive();
        assertThat(pool.get("wall_with_start_seconds").asDouble())
                .isEqualTo(pool.get("wall_seconds").asDouble() + pool.get("start_seconds").asDouble());
        assertThat(pool.get("timing").asText()).isEqualTo(ResultJson.TIMING);
        assertThat(pool.get("verdict").asText()).startsWith("2 pool processes: ×").contains("JVM start-up, not timed");

        CliTest.Run seq = run("run", "cpu", "--model", "sequential", "--tasks", "4", "--draws", "2000000", "--json");
        JsonNode sequential = lines(seq.out()).get(0);
        assertThat(sequential.has("start_seconds")).as("no child JVMs").isFalse();
        assertThat(pool.get("result").asDouble()).isEqualTo(sequential.get("result").asDouble());
        assertThat(one.get("result").asDouble()).isEqualTo(sequential.get("result").asDouble());
    }

    /** As in the settings' experiments.workers, 0 workers means one per core. */
    @Test
    void zeroWorkersMeansOnePerCore() throws Exception {
        CliTest.Run r = run("run", "cpu", "--workers", "0", "--size", "100000", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(lines(r.out()).get(0).get("workers").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void gilRunReportsTheLockInvariantAndPinnedCores() throws Exception {
        CliTest.Run r = run("run", "cpu", "--model", "gil", "--workers", "3", "--size", "500000", "--cores", "0",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode gil = lines(r.out()).get(0);
        assertThat(gil.get("max_computing_at_once").asInt()).isEqualTo(1);
        assertThat(gil.get("cores").get(0).asInt()).isZero();
        assertThat(gil.has("speedup")).as("no baseline, no speedup").isFalse();
    }

    @Test
    void sweepCsvHasAHeaderTheBaselineAndOneRowPerCount() {
        CliTest.Run r = run("sweep", "matmul", "--size", "40", "--csv");
        assertThat(r.code()).as(r.err()).isZero();
        String[] rows = r.out().strip().split("\n");
        assertThat(rows[0]).isEqualTo(ResultJson.CSV_HEADER);
        int cores = Runtime.getRuntime().availableProcessors();
        int counts = dev.telar.workloads.run.Sweep.counts(cores, cores).size();
        assertThat(rows).hasSize(1 + 1 + counts);
        String result = rows[1].split(",")[11];
        for (int k = 1; k < rows.length; k++) {
            assertThat(rows[k]).startsWith("matmul,sequential,").contains(",completed,");
            assertThat(rows[k].split(",")[11]).as("same product whatever the thread limit").isEqualTo(result);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run|gpu|unknown kernel 'gpu'; choose one of cpu, io, matmul",
        "run|cpu --model warp|unknown model 'warp'; choose one of sequential, thread-target",
        "run|cpu --workers -1|--workers must be 0..1024, got -1",
        "run|cpu --workers many|--workers",
        "run|cpu --cores 99|core 99 does not exist",
        "run|matmul --size 0|--size must be 1..8192, got 0",
        "sweep|cpu --csv --json|mutually exclusive",
        "run|cpu --switch-ms 0|--switch-ms must be above 0 and at most 1000, got 0.0",
        "run|cpu --tasks 10001|--tasks must be 1..10000, got 10001",
        "run|io --size -1|--size must be 0..60000, got -1",
    })
    void badValuesAreOneLineWithTheValidOnes(String command, String rest, String expected) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(rest.split(" ")));
        assertOneUsageLine(run(args.toArray(String[]::new)), expected);
    }
}
