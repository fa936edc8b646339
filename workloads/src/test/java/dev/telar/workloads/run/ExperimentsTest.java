package dev.telar.workloads.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.probe.Kernel;
import dev.telar.workloads.kernel.CpuKernel;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.kernel.TaskContext;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.model.RunControl;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExperimentsTest {
    static RunSpec cpu(ModelKind model, int workers, long draws) {
        return new RunSpec(KernelKind.CPU, model, 4, workers, draws, 1, 2, 5, new int[0], RunSpec.SEED);
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
    @EnumSource(value = ModelKind.class, names = {"SEQUENTIAL", "THREAD_TARGET", "THREAD_SUBCLASS", "POOL_SUBMIT",
        "POOL_MAP", "GIL", "SUBINTERPRETERS"})
    void everyModelComputesExactlyTheSequentialResult(ModelKind model) {
        double expected = expectedCpuSum(300_000);
        RunResult r = Experiments.run(cpu(model, 3, 300_000));
        assertThat(r.status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(r.result()).isEqualTo(expected); // exact: same seeds, same combining order
        assertThat(r.wallSeconds()).isPositive();
        assertThat(r.cpuSeconds()).isPositive();
    }

    @Test
    void virtualThreadsRunOnJava21AndExplainWhyNotOnOlder() {
        RunSpec spec = cpu(ModelKind.VIRTUAL, 4, 200_000);
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
        RunResult r = Experiments.run(cpu(ModelKind.GIL, 4, 3_000_000).with(ModelKind.GIL, 4));
        assertThat(r.status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(r.maxConcurrent()).isEqualTo(1);
    }

    @Test
    void subinterpretersLetOneWorkerPerInterpreterCompute() {
        RunSpec spec = new RunSpec(KernelKind.CPU, ModelKind.SUBINTERPRETERS, 8, 8, 1_000_000, 1, 2, 1, new int[0],
                RunSpec.SEED);
        RunResult r = Experiments.run(spec);
        assertThat(r.status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(r.maxConcurrent()).isEqualTo(1); // per interpreter lock
    }

    @Test
    void ioWaitsOverlapEvenUnderTheGil() {
        // 4 tasks x 10 waits x 40 ms = 1.6 s if the waits did not overlap.
        RunSpec spec = new RunSpec(KernelKind.IO, ModelKind.GIL, 4, 4, 40, 1, 1, 5, new int[0], RunSpec.SEED);
        RunResult r = Experiments.run(spec);
        assertThat(r.status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(r.wallSeconds()).isLessThan(1.2);
        assertThat(r.result()).isEqualTo(Experiments.run(spec.with(ModelKind.SEQUENTIAL, 1)).result());
    }

    @Test
    void matmulResultDoesNotDependOnTheThreadLimit() {
        RunSpec one = new RunSpec(KernelKind.MATMUL, ModelKind.SEQUENTIAL, 2, 1, 64, 1, 1, 5, new int[0],
                RunSpec.SEED);
        double a = Experiments.run(one).result();
        double b = Experiments.run(one.withKernelThreads(3)).result();
        double c = Experiments.run(one.with(ModelKind.POOL_MAP, 2).withKernelThreads(2)).result();
        assertThat(a).isEqualTo(b).isEqualTo(c).isPositive();
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"SEQUENTIAL", "THREAD_TARGET", "POOL_SUBMIT", "POOL_MAP", "GIL",
        "SUBINTERPRETERS"})
    void cancellingEndsTheRunWithinHalfASecondAndReportsNoResult(ModelKind model) throws Exception {
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
        String workerPrefix = model.workerName(0).replaceFirst("0$", "");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith(workerPrefix));
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
        RunSpec pinned = new RunSpec(KernelKind.CPU, ModelKind.THREAD_TARGET, 4, 4, 200_000, 1, 1, 5, new int[] {0},
                RunSpec.SEED);
        RunResult r = Experiments.run(pinned);
        assertThat(r.spec().cores()).containsExactly(0);
        assertThat(r.result()).isEqualTo(expectedCpuSum(200_000));
    }

    @Test
    void baselineGivesSpeedupAndEfficiency() {
        // Enough work (tens of ms) that thread starts and timer grain do not weigh in the CPU comparison below.
        List<RunResult> both = Experiments.runWithBaseline(cpu(ModelKind.THREAD_TARGET, 2, 8_000_000), new RunControl());
        assertThat(both).hasSize(2);
        assertThat(both.get(0).spec().model()).isEqualTo(ModelKind.SEQUENTIAL);
        assertThat(both.get(0).speedup()).hasValue(1.0);
        RunResult r = both.get(1);
        assertThat(r.speedup()).isPresent();
        assertThat(r.efficiency().getAsDouble()).isEqualTo(r.speedup().getAsDouble() / 2);
        // Each run counts only its own threads' CPU, not the baseline's before it (same work: about equal).
        assertThat(r.cpuSeconds()).isLessThan(1.5 * both.get(0).cpuSeconds());
    }

    @Test
    void badSpecsAreNamedWithTheValidValues() {
        assertThat(Experiments.problem(cpu(ModelKind.POOL_MAP, 0, 10))).contains(Problem.of(ProblemCode.RUN_WORKERS, 1024, 0));
        assertThat(Experiments.problem(new RunSpec(KernelKind.CPU, ModelKind.SEQUENTIAL, 1, 1, 10, 1, 1, 5,
                new int[] {999}, 1))).contains(Problem.of(ProblemCode.RUN_CORE_MISSING, 999,
                Runtime.getRuntime().availableProcessors() - 1));
        assertThat(ModelKind.defaultPoolSize()).isEqualTo(Math.min(32, Runtime.getRuntime().availableProcessors() + 4));
    }

    /** Names are looked up in one place, exactly as typed; the valid ones are listed in the lecture's order. */
    @Test
    void kernelAndModelNamesAreLookedUpExactly() {
        assertThat(KernelKind.byLabel("matmul")).contains(KernelKind.MATMUL);
        assertThat(ModelKind.byLabel("process-pool-map")).contains(ModelKind.PROCESS_POOL_MAP);
        assertThat(KernelKind.byLabel("CPU")).isEmpty();
        assertThat(ModelKind.byLabel("threads")).isEmpty();
        assertThat(KernelKind.labels()).isEqualTo("cpu, io, matmul");
        assertThat(ModelKind.labels()).isEqualTo("sequential, thread-target, thread-subclass, pool-submit, pool-map, "
                + "gil, subinterpreters, virtual, process-target, process-subclass, process-pool-submit, "
                + "process-pool-map");
        assertThat(ModelKind.THREAD_TARGET.workerName(3)).isEqualTo("telar-target-3");
        assertThatThrownBy(() -> new RunSpec(null, ModelKind.SEQUENTIAL, 1, 1, 1, 1, 1, 5, new int[0], 1))
                .isInstanceOf(NullPointerException.class).hasMessage("kernel");
    }

    @Test
    void aFailingTaskFailsTheRunWithItsMessage() {
        RunSpec spec = new RunSpec(KernelKind.MATMUL, ModelKind.THREAD_TARGET, 2, 2, 0, 1, 1, 5, new int[0], 1);
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
