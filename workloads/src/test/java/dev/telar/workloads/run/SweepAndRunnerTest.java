package dev.telar.workloads.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.model.RunControl;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SweepAndRunnerTest {
    @Test
    void countsDoubleUpToTwiceTheCoresAndIncludeTheDefault() {
        assertThat(Sweep.counts(2, 6)).containsExactly(1, 2, 4, 6);
        assertThat(Sweep.counts(8, 12)).containsExactly(1, 2, 4, 8, 12, 16);
        assertThat(Sweep.counts(1, 1)).containsExactly(1, 2);
    }

    @Test
    void sweepRunsBaselineThenEachCountWithEqualResults() {
        RunSpec spec = new RunSpec(KernelKind.CPU, ModelKind.THREAD_TARGET, 4, 1, 200_000, 1, 1, 5, new int[0],
                RunSpec.SEED);
        List<RunResult> seen = new java.util.ArrayList<>();
        List<RunResult> all = Sweep.run(spec, List.of(1, 2, 4), new RunControl(), seen::add);
        assertThat(all).hasSize(4).isEqualTo(seen);
        assertThat(all).extracting(r -> r.spec().workers()).containsExactly(1, 1, 2, 4);
        assertThat(all.get(0).spec().model()).isEqualTo(ModelKind.SEQUENTIAL);
        assertThat(all).extracting(RunResult::result).containsOnly(all.get(0).result());
        assertThat(all).allSatisfy(r -> assertThat(r.speedup()).isPresent());
        int best = Sweep.fastest(all);
        assertThat(best).isBetween(1, 3);
        assertThat(all.subList(1, 4)).allSatisfy(r -> assertThat(r.wallSeconds())
                .isGreaterThanOrEqualTo(all.get(best).wallSeconds()));
    }

    @Test
    void matmulSweepVariesTheThreadLimit() {
        RunSpec spec = new RunSpec(KernelKind.MATMUL, ModelKind.SEQUENTIAL, 1, 1, 48, 1, 1, 5, new int[0],
                RunSpec.SEED);
        List<RunResult> all = Sweep.run(spec, List.of(1, 3), new RunControl(), r -> { });
        assertThat(all).extracting(r -> r.spec().kernelThreads()).containsExactly(1, 1, 3);
        assertThat(all).extracting(RunResult::result).containsOnly(all.get(0).result());
    }

    @Test
    void runnerReportsStartAndFinishInOrderAndCancels() throws Exception {
        BlockingQueue<ExperimentEvent> events = new LinkedBlockingQueue<>();
        try (ExperimentRunner runner = new ExperimentRunner()) {
            runner.subscribe(events::add);
            RunSpec spec = new RunSpec(KernelKind.CPU, ModelKind.POOL_MAP, 4, 2, 100_000, 1, 1, 5, new int[0],
                    RunSpec.SEED);
            runner.submit(spec, true);
            assertThat(events.poll(10, TimeUnit.SECONDS)).isInstanceOf(ExperimentEvent.Started.class);
            ExperimentEvent base = events.poll(10, TimeUnit.SECONDS);
            assertThat(((ExperimentEvent.Finished) base).result().spec().model()).isEqualTo(ModelKind.SEQUENTIAL);
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo(new ExperimentEvent.Started(spec));
            RunResult r = ((ExperimentEvent.Finished) events.poll(10, TimeUnit.SECONDS)).result();
            assertThat(r.status()).isEqualTo(RunResult.Status.COMPLETED);
            assertThat(r.speedup()).isPresent();
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo(new ExperimentEvent.Idle());

            runner.submit(spec.with(ModelKind.THREAD_TARGET, 2).withKernelThreads(1), false);
            RunSpec endless = new RunSpec(KernelKind.CPU, ModelKind.THREAD_TARGET, 2, 2, 50_000_000_000L, 1, 1, 5,
                    new int[0], 1);
            runner.submit(endless, false);
            events.poll(10, TimeUnit.SECONDS); // started
            events.poll(10, TimeUnit.SECONDS); // finished
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo(new ExperimentEvent.Idle());
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo(new ExperimentEvent.Started(endless));
            assertThat(runner.busy()).isTrue();
            runner.cancel();
            RunResult cancelled = ((ExperimentEvent.Finished) events.poll(2, TimeUnit.SECONDS)).result();
            assertThat(cancelled.status()).isEqualTo(RunResult.Status.CANCELLED);
            assertThat(events.poll(2, TimeUnit.SECONDS)).isEqualTo(new ExperimentEvent.Idle());
        }
    }

    @Test
    void matmulBaselineLimitsTheProductToOneThread() throws Exception {
        BlockingQueue<ExperimentEvent> events = new LinkedBlockingQueue<>();
        try (ExperimentRunner runner = new ExperimentRunner()) {
            runner.subscribe(events::add);
            RunSpec spec = new RunSpec(KernelKind.MATMUL, ModelKind.SEQUENTIAL, 1, 1, 40, 2, 1, 5, new int[0],
                    RunSpec.SEED);
            runner.submit(spec, true);
            List<RunResult> finished = new java.util.ArrayList<>();
            for (ExperimentEvent e = events.poll(10, TimeUnit.SECONDS); !(e instanceof ExperimentEvent.Idle);
                 e = events.poll(10, TimeUnit.SECONDS)) {
                assertThat(e).as("an event within 10 s").isNotNull();
                if (e instanceof ExperimentEvent.Finished f) {
                    finished.add(f.result());
                }
            }
            assertThat(finished).extracting(r -> r.spec().kernelThreads()).containsExactly(1, 2);
            assertThat(finished.get(1).speedup()).isPresent();
        }
    }

    @Test
    void closeStopsARunningExperimentWithinHalfASecond() throws Exception {
        BlockingQueue<ExperimentEvent> events = new LinkedBlockingQueue<>();
        ExperimentRunner runner = new ExperimentRunner();
        runner.subscribe(events::add);
        RunSpec endless = new RunSpec(KernelKind.CPU, ModelKind.THREAD_TARGET, 2, 2, 50_000_000_000L, 1, 1, 5,
                new int[0], 1);
        runner.submit(endless, false);
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo(new ExperimentEvent.Started(endless));
        long start = System.nanoTime();
        runner.close();
        // Workers see the cancel at their next checkpoint; give them the same half second in total.
        long deadline = start + 500_000_000L;
        while (workersAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        assertThat(workersAlive()).as("worker threads after close").isFalse();
        assertThat(elapsed).isLessThan(0.5);
    }

    private static boolean workersAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && (t.getName().startsWith("telar-target-")
                        || t.getName().equals("telar-experiments")));
    }
}
