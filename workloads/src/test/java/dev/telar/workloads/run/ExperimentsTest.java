package dev.telar.workloads.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.probe.Kernel;
import dev.telar.workloads.kernel.CpuKernel;
import dev.telar.workloads.kernel.TaskContext;
import dev.telar.workloads.model.Models;
import dev.telar.workloads.model.RunControl;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExperimentsTest {
    static RunSpec cpu(String model, int workers, long draws) {
        return new RunSpec("cpu", model, 4, workers, draws, 1, 2, 5, new int[0], RunSpec.SEED);
    }

    static double expectedCpuSum(long draws) {
        CpuKernel k = new CpuKernel(draws, RunSpec.SEED);
        double[] parts = new double[4];
        for (int i = 0; i < 4; i++) {
            parts[i] = k.runTask(i, TaskContext.FREE);
        }
        return k.combine(parts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sequential", "thread-target", "thread-subclass", "pool-submit", "pool-map", "gil",
        "subinterpreters"})
    void everyModelComputesExactlyTheSequentialResult(String model) {
        double expected = expectedCpuSum(300_000);
        RunResult r = Experiments.run(cpu(model, 3, 300_000));
        assertThat(r.status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(r.result()).isEqualTo(expected); // exact: same seeds, same combining order
        assertThat(r.wallSeconds()).isPositive();
        assertThat(r.cpuSeconds()).isPositive();
    }

    @Test
    void virtualThreadsRunOnJava21AndExplainWhyNotOnOlder() {
        RunSpec spec = cpu("virtual", 4, 200_000);
        if (Runtime.version().feature() >= 21) {
            RunResult r = Experiments.run(spec);
            assertThat(r.status()).isEqualTo(RunResult.Status.COMPLETED);
            assertThat(r.result()).isEqualTo(expectedCpuSum(200_000));
        } else {
            assertThat(Experiments.problem(spec))
                    .contains(Problem.of(ProblemCode.RUN_VIRTUAL, Runtime.version().feature()));
            assertThatThrownBy(() -> Experiments.run(spec)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void gilModeNeverLetsTwoWorkersComputeAtOnce() {
        RunResult r = Experiments.run(cpu("gil", 4, 3_000_000).with("gil", 4));
        assertThat(r.status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(r.maxConcurrent()).isEqualTo(1);
    }

    @Test
    void subinterpretersLetOneWorkerPerInterpreterCompute() {
        RunSpec spec = new RunSpec("cpu", "subinterpreters", 8, 8, 1_000_000, 1, 2, 1, new int[0], RunSpec.SEED);
        RunResult r = Experiments.run(spec);
        assertThat(r.status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(r.maxConcurrent()).isEqualTo(1); // per interpreter lock
    }

    @Test
    void ioWaitsOverlapEvenUnderTheGil() {
        // 4 tasks x 10 waits x 40 ms = 1.6 s if the waits did not overlap.
        RunSpec spec = new RunSpec("io", "gil", 4, 4, 40, 1, 1, 5, new int[0], RunSpec.SEED);
        RunResult r = Experiments.run(spec);
        assertThat(r.status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(r.wallSeconds()).isLessThan(1.2);
        assertThat(r.result()).isEqualTo(Experiments.run(spec.with("sequential", 1)).result());
    }

    @Test
    void matmulResultDoesNotDependOnTheThreadLimit() {
        RunSpec one = new RunSpec("matmul", "sequential", 2, 1, 64, 1, 1, 5, new int[0], RunSpec.SEED);
        double a = Experiments.run(one).result();
        double b = Experiments.run(one.withKernelThreads(3)).result();
        double c = Experiments.run(one.with("pool-map", 2).withKernelThreads(2)).result();
        assertThat(a).isEqualTo(b).isEqualTo(c).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sequential", "thread-target", "pool-submit", "pool-map", "gil", "subinterpreters"})
    void cancellingEndsTheRunWithinHalfASecondAndReportsNoResult(String model) throws Exception {
        RunControl control = new RunControl();
        RunSpec longRun = cpu(model, 2, 5_000_000_000L);
        CompletableFuture<RunResult> f = CompletableFuture.supplyAsync(() -> Experiments.run(longRun, control));
        Thread.sleep(300);
        long t0 = System.nanoTime();
        control.cancel();
        RunResult r = f.get(5, TimeUnit.SECONDS);
        double took = (System.nanoTime() - t0) / 1e9;
        assertThat(r.status()).isEqualTo(RunResult.Status.CANCELLED);
        assertThat(r.result()).isNaN();
        assertThat(r.speedup()).isEmpty();
        assertThat(took).isLessThan(0.5);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("telar-" + model));
    }

    @Test
    void workersArePinnedToTheChosenCores() {
        AtomicInteger seen = new AtomicInteger(-1);
        RunControl control = new RunControl(0);
        Thread t = new Thread(control.instrument(() -> seen.set(Kernel.allowedCores().length == 1
                ? Kernel.allowedCores()[0] : -2)));
        t.start();
        assertThat(joined(t)).isTrue();
        assertThat(seen.get()).isEqualTo(0);
        RunSpec pinned = new RunSpec("cpu", "thread-target", 4, 4, 200_000, 1, 1, 5, new int[] {0}, RunSpec.SEED);
        RunResult r = Experiments.run(pinned);
        assertThat(r.spec().cores()).containsExactly(0);
        assertThat(r.result()).isEqualTo(expectedCpuSum(200_000));
    }

    @Test
    void baselineGivesSpeedupAndEfficiency() {
        List<RunResult> both = Experiments.runWithBaseline(cpu("thread-target", 2, 500_000), new RunControl());
        assertThat(both).hasSize(2);
        assertThat(both.get(0).spec().model()).isEqualTo("sequential");
        assertThat(both.get(0).speedup()).hasValue(1.0);
        RunResult r = both.get(1);
        assertThat(r.speedup()).isPresent();
        assertThat(r.efficiency().getAsDouble()).isEqualTo(r.speedup().getAsDouble() / 2);
        // Each run counts only its own threads' CPU, not the baseline's before it (same work: about equal).
        assertThat(r.cpuSeconds()).isLessThan(1.5 * both.get(0).cpuSeconds());
    }

    @Test
    void badSpecsAreNamedWithTheValidValues() {
        assertThat(Experiments.problem(cpu("warp", 2, 10)))
                .contains(Problem.of(ProblemCode.RUN_MODEL_UNKNOWN, "warp", String.join(", ", Models.NAMES)));
        assertThat(Experiments.problem(new RunSpec("gpu", "sequential", 1, 1, 1, 1, 1, 5, new int[0], 1)))
                .contains(Problem.of(ProblemCode.RUN_KERNEL_UNKNOWN, "gpu", "cpu, io, matmul"));
        assertThat(Experiments.problem(cpu("pool-map", 0, 10))).contains(Problem.of(ProblemCode.RUN_WORKERS, 1024, 0));
        assertThat(Experiments.problem(new RunSpec("cpu", "sequential", 1, 1, 10, 1, 1, 5, new int[] {999}, 1)))
                .contains(Problem.of(ProblemCode.RUN_CORE_MISSING, 999, Runtime.getRuntime().availableProcessors() - 1));
        assertThat(Models.defaultPoolSize()).isEqualTo(Math.min(32, Runtime.getRuntime().availableProcessors() + 4));
    }

    @Test
    void aFailingTaskFailsTheRunWithItsMessage() {
        RunSpec spec = new RunSpec("matmul", "thread-target", 2, 2, 0, 1, 1, 5, new int[0], 1);
        assertThat(Experiments.problem(spec)).contains(Problem.of(ProblemCode.RUN_MATRIX, Experiments.MAX_MATRIX, 0));
    }

    private static boolean joined(Thread t) {
        try {
            t.join(5000);
            return !t.isAlive();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
