package dev.telar.tui.cli;

import static dev.telar.tui.cli.CliTest.assertOneUsageLine;
import static dev.telar.tui.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code telar bench sync} and {@code telar sync} in-process: the JSON the peer comparison reads, outcomes, one-line errors. */
class SyncCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The figures under the peer's names, in the shape compare-peers reads (name, then ops_per_s first). */
    @Test
    void benchSyncPrintsEveryFigureUnderThePeersNames() throws Exception {
        CliTest.Run r = run("bench", "sync", "--ops", "2000", "--idle-seconds", "0.5", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = JSON.readTree(r.out());
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode n : root.get("results")) {
            byName.put(n.get("name").asText(), n);
            assertThat(n.fieldNames().next()).isEqualTo("name");
            assertThat(n.get("ops_per_s").asLong()).as(n.get("name").asText()).isPositive();
            assertThat(n.get("rounds").asInt()).as(n.get("name").asText()).isEqualTo(5);
        }
        assertThat(byName).containsOnlyKeys("lock_acq_rel", "lock_acq_rel_uncontended", "barrier_rounds", "event_pingpong",
                "thread_lock_acq_rel", "thread_lock_acq_rel_uncontended", "thread_barrier_rounds", "thread_event_pingpong");
        assertThat(byName.get("lock_acq_rel").get("operations").asLong()).isEqualTo(2000);
        assertThat(byName.get("lock_acq_rel").get("participants").asInt()).isEqualTo(2);
        assertThat(byName.get("lock_acq_rel").get("kind").asText()).isEqualTo("processes");
        assertThat(byName.get("barrier_rounds").get("operations").asLong()).isEqualTo(100);
        assertThat(byName.get("event_pingpong").get("operations").asLong()).isEqualTo(100);
        assertThat(byName.get("thread_event_pingpong").get("kind").asText()).isEqualTo("threads");
        JsonNode idle = root.get("idle_wait");
        assertThat(idle.get("process_cpu_pct").asDouble()).as("a blocked child must not spin a core").isLessThan(50);
        assertThat(idle.get("waiter_cpu_pct").asDouble()).isLessThan(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--ops=10", "--ops=x", "--idle-seconds=-1", "--idle-seconds=100"})
    void badBenchNumbersAreOneLine(String option) {
        assertOneUsageLine(run("bench", "sync", option), option.substring(0, option.indexOf('=')));
    }

    @Test
    void benchWithoutASubcommandSaysWhichExist() {
        assertOneUsageLine(run("bench"), "sync");
    }

    @Test
    void syncLockPrintsTheExactTotal() throws Exception {
        CliTest.Run r = run("sync", "lock", "--size", "50000", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = JSON.readTree(r.out());
        assertThat(o.get("primitive").asText()).isEqualTo("lock");
        assertThat(o.get("mode").asText()).isEqualTo("threads");
        assertThat(o.get("workers").asInt()).isEqualTo(4);
        assertThat(o.get("status").asText()).isEqualTo("completed");
        assertThat(o.get("correct").asBoolean()).isTrue();
        JsonNode results = o.get("results");
        assertThat(results.get("total").asLong()).isEqualTo(results.get("expected").asLong());
        // The lock's figures under their result names, in display order, one count per worker.
        List<String> names = new ArrayList<>();
        results.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("lock_on", "total", "expected", "updates", "lost_updates", "numbers_0",
                "numbers_1", "numbers_2", "numbers_3");
        assertThat(results.get("lock_on").asLong()).isEqualTo(1);
        assertThat(results.get("lost_updates").asLong()).isZero();
        assertThat(results.get("updates").asLong()).isEqualTo(4 * 1000);
        assertThat(results.get("numbers_3").asLong()).isEqualTo(50_000);
    }

    @Test
    void syncSemaphoreInChildJvmsPrintsAVerdictLine() {
        CliTest.Run r = run("sync", "semaphore", "--mode", "processes", "--workers", "2", "--size", "50");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("semaphore (processes, 2 workers, ").contains("100 uses, at most ");
    }

    /** One more worker than the primitives leave room for is refused at once, naming the limit. */
    @Test
    void moreWorkersThanTheLimitAreRefusedAtOnceNamingIt() {
        long t0 = System.nanoTime();
        CliTest.Run r = run("sync", "barrier", "--mode", "processes", "--workers", "65");
        assertOneUsageLine(r, "--workers must be 1..64 (0 for the default), got 65");
        assertThat(System.nanoTime() - t0).as("refused before anything started").isLessThan(2_000_000_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mutex", "--mode=fibers", "--lock=maybe", "--slowdown=-1", "--workers=99"})
    void badSyncArgumentsAreOneLine(String arg) {
        String[] args = arg.startsWith("--") ? new String[] {"sync", "lock", arg} : new String[] {"sync", arg};
        assertOneUsageLine(run(args), arg.startsWith("--") ? arg.substring(2, arg.indexOf('=')) : arg);
    }

    @Test
    void aBadSlowdownIsEchoedAsTyped() {
        CliTest.Run r = run("sync", "lock", "--slowdown", "-1");
        assertOneUsageLine(r, "--slowdown must be 0..1000, got -1");
        assertThat(r.err()).doesNotContain("-1.0");
    }

    @Test
    void anOddWorkerCountForTheConditionIsAUsageError() {
        assertOneUsageLine(run("sync", "condition", "--workers", "3"), "even number of workers");
    }

    @Test
    void aFailedOrCancelledRunIsWordedInTheChosenLanguage() {
        java.util.Optional<dev.telar.workloads.sync.scenario.PrimitiveFigures> soFar = java.util.Optional.of(
                new dev.telar.workloads.sync.scenario.BarrierFigures(1, 5, 6, 0));
        dev.telar.workloads.sync.scenario.ScenarioOutcome failed = new dev.telar.workloads.sync.scenario.ScenarioOutcome(
                dev.telar.workloads.sync.scenario.Primitive.BARRIER, dev.telar.workloads.sync.Mode.PROCESSES,
                dev.telar.workloads.sync.scenario.ScenarioStatus.FAILED, soFar, false, "failed", 1.5,
                Problem.of(ProblemCode.SCENARIO_WORKER_ENDED, 4321, 137));
        dev.telar.tui.text.Texts es = dev.telar.tui.text.Texts.of(dev.telar.config.Language.ES);
        dev.telar.tui.text.Texts en = dev.telar.tui.text.Texts.of(dev.telar.config.Language.EN);
        assertThat(SyncCommand.summary(failed, es)).isEqualTo("falló: trabajador pid 4321: terminó por la señal SIGKILL (9)");
        assertThat(SyncCommand.summary(failed, en)).isEqualTo("failed: worker pid 4321: killed by SIGKILL (9)");
        dev.telar.workloads.sync.scenario.ScenarioOutcome cancelled = new dev.telar.workloads.sync.scenario.ScenarioOutcome(
                dev.telar.workloads.sync.scenario.Primitive.BARRIER, dev.telar.workloads.sync.Mode.THREADS,
                dev.telar.workloads.sync.scenario.ScenarioStatus.CANCELLED, soFar, false, "cancelled; so far x", 0.5);
        assertThat(SyncCommand.summary(cancelled, es)).startsWith("cancelado; hasta ahora ")
                .isEqualTo("cancelado; hasta ahora " + dev.telar.tui.panel.SyncPanel.figures(es, cancelled));
        assertThat(SyncCommand.summary(cancelled, en)).startsWith("cancelled; so far ");
        // A Lock run stopped early gives what it counted, not a shortfall against the full total.
        dev.telar.workloads.sync.scenario.ScenarioOutcome lock = new dev.telar.workloads.sync.scenario.ScenarioOutcome(
                dev.telar.workloads.sync.scenario.Primitive.LOCK, dev.telar.workloads.sync.Mode.PROCESSES,
                dev.telar.workloads.sync.scenario.ScenarioStatus.CANCELLED, java.util.Optional.of(
                new dev.telar.workloads.sync.scenario.LockFigures(true, 619_609_965L, 639_647_858L, 1_234, 0,
                        java.util.List.of(1L))), false, "cancelled", 2.5);
        assertThat(SyncCommand.summary(lock, en))
                .isEqualTo("cancelled; so far lock on, total 619,609,965 from 1,234 updates made before it stopped");
        assertThat(SyncCommand.summary(lock, es))
                .isEqualTo("cancelado; hasta ahora cerrojo sí, total 619,609,965 de 1,234 sumas hechas antes de parar");
        dev.telar.workloads.sync.scenario.ScenarioOutcome early = new dev.telar.workloads.sync.scenario.ScenarioOutcome(
                dev.telar.workloads.sync.scenario.Primitive.LOCK, dev.telar.workloads.sync.Mode.REMOTE,
                dev.telar.workloads.sync.scenario.ScenarioStatus.CANCELLED, java.util.Optional.empty(), false, "cancelled", 0.1);
        assertThat(SyncCommand.summary(early, en)).isEqualTo("cancelled before it started");
        assertThat(SyncCommand.summary(early, es)).isEqualTo("cancelado antes de empezar");
    }
}
