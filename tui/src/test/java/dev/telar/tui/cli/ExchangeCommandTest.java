package dev.telar.tui.cli;

import static dev.telar.tui.cli.CliTest.assertOneUsageLine;
import static dev.telar.tui.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telar.workloads.bench.BenchFigure;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.run.RunSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code telar run exchange} and {@code telar bench ipc} in-process: JSON fields and one-line errors. */
class ExchangeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runExchangePrintsTheThreadRunFieldsPlusTheMechanism() throws Exception {
        CliTest.Run r = run("run", "exchange", "--via", "array", "--processes", "2", "--draws", "1000001",
                "--baseline", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = JSON.readTree(r.out().strip());
        for (String field : new String[] {"kernel", "model", "workers", "tasks", "size", "cores", "status",
            "wall_seconds", "cpu_seconds", "result", "speedup", "efficiency", "verdict", "mechanism",
            "jvm_start_seconds", "bytes_on_disk", "children"}) {
            assertThat(o.has(field)).as(field).isTrue();
        }
        assertThat(o.get("mechanism").asText()).isEqualTo("array");
        assertThat(o.get("workers").asInt()).isEqualTo(2);
        assertThat(o.get("size").asLong()).isEqualTo(500_001);
        assertThat(o.get("status").asText()).isEqualTo("completed");
        double expected = new ExchangeSpec(Mechanism.ARRAY, 2, 1_000_001, RunSpec.SEED, ExchangeLimits.defaults())
                .sequentialSum();
        assertThat(o.get("result").asDouble()).isEqualTo(expected);
        assertThat(o.get("matches_sequential").asBoolean()).isTrue();
        assertThat(o.get("children")).hasSize(2);
        assertThat(o.get("children").get(0).get("exit").asText()).isEqualTo("exit code 0");
        assertThat(o.get("verdict").asText()).isEqualTo(String.format(java.util.Locale.ROOT,
                "2 processes via array: %.2f s, total equals the sequential sum", o.get("wall_seconds").asDouble()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run exchange --via carrier-pigeon|unknown mechanism 'carrier-pigeon'; choose one of pipe, queue, value, array, dict, manager-dict, manager-value",
        "run exchange --processes 2|--via",
        "run exchange --via pipe --processes 0|processes must be 1..64, got 0",
        "run exchange --via queue --processes 65|processes must be 1..64, got 65",
        "run exchange --via pipe --processes 4 --draws 3|draws must be 4..",
        "run exchange --via pipe --processes many|--processes",
        "bench ipc --messages 5|--messages must be 100..1000000000, got 5",
        "bench ipc --only pipe,smoke|--only: unknown mechanism smoke (valid: pipe, queue, value_locked_incr, array_store, manager_dict_locked_incr)",
        "bench|bench needs a subcommand: sync, ipc, remote",
        "run|parameter 'KERNEL' is missing",
    })
    void badValuesAreOneLine(String args, String expected) {
        assertOneUsageLine(run(args.split(" ")), expected);
    }

    @Test
    void benchJsonIsWhatComparePeersReads() throws Exception {
        List<BenchFigure> figures = new ArrayList<>();
        figures.add(new BenchFigure("pipe", 3_000_000.4, 200_000, 0.0667, 1.5, 9.25, 1234.5, 2, false,
                new double[] {0.0667}));
        figures.add(new BenchFigure("value_locked_incr", 9_000_000, 200_000, 0.02, Double.NaN, Double.NaN, 900, 2,
                true, new double[] {0.02}));
        JsonNode o = JSON.readTree(BenchIpcCommand.toJson(200_000, figures));
        assertThat(o.get("bench").asText()).isEqualTo("ipc");
        JsonNode pipe = o.get("results").get(0);
        // compare-peers takes a result's first number whose key has "per_s" in it, or is ops/rate/throughput.
        List<String> keys = new ArrayList<>();
        pipe.fieldNames().forEachRemaining(keys::add);
        assertThat(keys.get(0)).isEqualTo("name");
        assertThat(keys.get(1)).isEqualTo("ops_per_s");
        assertThat(keys).doesNotContain("ops", "rate", "throughput");
        assertThat(pipe.get("name").asText()).isEqualTo("pipe");
        assertThat(pipe.get("ops_per_s").asLong()).isEqualTo(3_000_000);
        assertThat(pipe.get("p50_us").asDouble()).isEqualTo(1.5);
        assertThat(pipe.get("p99_us").asDouble()).isEqualTo(9.25);
        assertThat(pipe.get("ready_ms").asLong()).isEqualTo(1235);
        assertThat(pipe.get("rounds").asInt()).isEqualTo(1);
        assertThat(pipe.get("round_ops_per_s").get(0).asLong()).isEqualTo(2_998_501); // 200,000 / 0.0667 s
        JsonNode rounds = JSON.readTree(BenchIpcCommand.toJson(1000, List.of(new BenchFigure("queue", 4000, 1000,
                0.25, Double.NaN, Double.NaN, 10, 2, false, new double[] {0.5, 0.25, 0.125})))).get("results").get(0);
        assertThat(rounds.get("rounds").asInt()).isEqualTo(3);
        assertThat(rounds.get("round_ops_per_s").toString()).isEqualTo("[2000,4000,8000]");
        JsonNode value = o.get("results").get(1);
        assertThat(value.has("p50_us")).isFalse();
        assertThat(value.get("verified").asBoolean()).isTrue();
    }
}
