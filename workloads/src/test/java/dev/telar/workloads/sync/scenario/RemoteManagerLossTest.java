package dev.telar.workloads.sync.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.remote.LoopbackManager;
import dev.telar.workloads.remote.ManagerLink;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.sync.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remote Lock run, as the dashboard follows it, whose manager stops in the middle (its clients
 * lose the connection and hear nothing more, as after a {@code kill -9}): the snapshot says the
 * link is suspended while it is, keeps the last figures, and the run ends as failed because of the
 * manager about a session later. (A cancel while the link is down: {@code LabEngineManagerStopsTest}.)
 */
class RemoteManagerLossTest {
    /** The shortest session a manager grants. */
    private static final long SESSION_MILLIS = 2_000;

    @TempDir
    Path state;
    @TempDir
    Path runs;

    @Test
    @Timeout(60)
    void aManagerThatStopsFailsTheRunAfterASessionKeepingTheLastFigures() throws Exception {
        LoopbackManager manager = LoopbackManager.start(state);
        RunningScenario run = start(manager);
        boolean stopped = false;
        try {
            long before = awaitCounting(run);
            manager.close();
            stopped = true;
            long stoppedAt = System.nanoTime();
            ScenarioSnapshot suspended = await(run, s -> s.remote().orElseThrow().link() == ManagerLink.State.SUSPENDED);
            assertThat(suspended.status()).isEqualTo(ScenarioStatus.RUNNING);
            assertThat(suspended.figures(LockFigures.class).orElseThrow().total()).as("the last figures, kept").isGreaterThanOrEqualTo(before);

            ScenarioOutcome o = run.await(Duration.ofSeconds(30)).orElseThrow();
            double seconds = (System.nanoTime() - stoppedAt) / 1e9;
            assertThat(o.status()).isEqualTo(ScenarioStatus.FAILED);
            assertThat(o.failure().code()).isEqualTo(ProblemCode.SCENARIO_MANAGER_LOST);
            assertThat(o.failure().args()).containsExactly(manager.address(), "2");
            assertThat(o.figures(LockFigures.class).orElseThrow().total()).as("the last figures, kept").isGreaterThanOrEqualTo(before);
            // a session, the client's notice of it, and room for a loaded machine
            assertThat(seconds).isBetween(SESSION_MILLIS / 1000.0 * 0.9, SESSION_MILLIS / 1000.0 + 8);
            assertThat(run.snapshot().status()).isEqualTo(ScenarioStatus.FAILED);
            assertThat(run.snapshot().figures(LockFigures.class).orElseThrow().total()).isGreaterThanOrEqualTo(before);
            assertNoWorkerLeft();
        } finally {
            run.close();
            if (!stopped) {
                manager.close();
            }
        }
    }

    private RunningScenario start(LoopbackManager manager) {
        ManagerTarget target = new ManagerTarget(manager.address(), Optional.of(manager.keyFile()), SESSION_MILLIS);
        ScenarioSpec spec = new ScenarioSpec(Primitive.LOCK, Mode.REMOTE, 0, 2, 100_000_000, true);
        return SyncScenarioRunner.start(spec, runs, Optional.of(target));
    }

    /** Waits until both workers counted under the lock; the total then. */
    private static long awaitCounting(RunningScenario run) throws InterruptedException {
        ScenarioSnapshot s = await(run, x -> x.figures(LockFigures.class).map(f -> f.total() > 0).orElse(false)
                && workers().size() == 2);
        return s.figures(LockFigures.class).orElseThrow().total();
    }

    private static ScenarioSnapshot await(RunningScenario run, Predicate<ScenarioSnapshot> what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            ScenarioSnapshot s = run.snapshot();
            assertThat(s.status().ended()).as("the run ended early: %s", s).isFalse();
            if (what.test(s)) {
                return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not seen within 30 s: " + run.snapshot());
    }

    /** Every worker JVM of this JVM is gone within 5 s (killed ones are reaped in a moment). */
    private static void assertNoWorkerLeft() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!workers().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(workers()).as("worker JVMs left").isEmpty();
    }

    /** This JVM's scenario worker JVMs still alive. */
    private static List<ProcessHandle> workers() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("ScenarioChild")).collect(Collectors.toList());
    }
}
