package dev.telar.workloads.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The exchange experiment with real child JVMs: exact totals, and a child killed mid-run. */
class ExchangeExperimentTest {
    private static final long SEED = 20_260_425L;

    @TempDir
    Path parent;

    @AfterEach
    void noChildLeft() {
        ChildLauncher.killAll();
    }

    /** The manager's mechanisms have their own tests, against a real manager (ManagerDictExchangeTest, ManagerExchangeCommandTest). */
    @ParameterizedTest
    @EnumSource(value = Mechanism.class, mode = EnumSource.Mode.EXCLUDE, names = {"MANAGER_DICT", "MANAGER_VALUE"})
    void theTotalIsExactlyTheSequentialSum(Mechanism mechanism) throws Exception {
        int processes = mechanism == Mechanism.VALUE ? 3 : 2; // three make the order of additions matter
        // 2 messages per process through a pipe or queue: a full one of 40 chunks, then a partial one
        ExchangeSpec spec = new ExchangeSpec(mechanism, processes, 25_000_001, SEED, ExchangeLimits.defaults());
        List<ExchangeStats> seen = new ArrayList<>();
        ExchangeResult r = ExchangeExperiment.start(spec, parent, seen::add).await();

        assertThat(r.status()).as(r.problem().toString()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(r.result()).isEqualTo(spec.sequentialSum());
        assertThat(r.children()).hasSize(processes).allSatisfy(c -> assertThat(c.exit().orElseThrow().ok()).isTrue());
        if (mechanism.carriesMessages()) {
            for (ChildReport c : r.children()) {
                assertThat(c.received()).isEqualTo(spec.messagesOf(c.index())).isEqualTo(c.sent()).isEqualTo(2);
            }
        }
        assertThat(seen).isNotEmpty().allSatisfy(s -> assertThat(s.mechanism()).isEqualTo(mechanism));
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).as("run directory removed on close").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Mechanism.class, names = {"QUEUE"})
    void aChildKilledMidRunIsReportedAndItsMessagesAreAllRead(Mechanism mechanism) throws Exception {
        // 2 x 150 M draws: each child computes for a fraction of a second per 10 messages.
        ExchangeSpec spec = new ExchangeSpec(mechanism, 2, 300_000_000, SEED, ExchangeLimits.defaults());
        ExchangeRun run = ExchangeExperiment.start(spec, parent, s -> { });
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (run.received(1) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(run.received(1)).as("messages from process 1 before the kill").isGreaterThanOrEqualTo(3);
        Child victim = run.children().get(1);
        victim.kill();
        ExchangeResult r = run.await(Duration.ofSeconds(60)).orElseThrow();

        assertThat(r.status()).isEqualTo(RunResult.Status.FAILED);
        assertThat(r.result()).isNaN();
        // Process 1 was killed by SIGKILL (exit status 137) after sending what it sent, all received.
        assertThat(r.problem().code()).isEqualTo(ProblemCode.EXCHANGE_CHILD_FAILED);
        assertThat(r.problem().args()).containsExactly("1", Long.toString(victim.pid()), "137",
                Long.toString(r.children().get(1).received()), Long.toString(r.children().get(1).sent()));
        ChildReport dead = r.children().get(1);
        assertThat(dead.exit().orElseThrow().signal()).isEqualTo(9);
        assertThat(dead.received()).as("every message written before the kill was read")
                .isEqualTo(dead.sent()).isGreaterThanOrEqualTo(3).isLessThan(spec.messagesOf(1));
        ChildReport other = r.children().get(0);
        assertThat(other.exit().orElseThrow().ok()).as("the other child went on").isTrue();
        assertThat(other.received()).isEqualTo(spec.messagesOf(0));
    }
}
