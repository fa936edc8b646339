package dev.telar.workloads.run;

import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.model.ModelKind;
import java.util.Arrays;
import java.util.Objects;

/**
 * What to run: a kernel, a model, and their sizes. Immutable; validated by {@link Experiments}.
 *
 * @param kernel        the kernel each task runs
 * @param model         the execution model that runs the tasks
 * @param tasks         number of tasks (the lecture: 4)
 * @param workers       threads (or processes) running them
 * @param size          cpu: draws per task; io: milliseconds per wait; matmul: matrix order n
 * @param kernelThreads matmul only: threads one product may use (the threadpoolctl-like limit)
 * @param interpreters  subinterpreters only: number of interpreters K
 * @param switchMillis  gil and subinterpreters: lock switch interval, milliseconds
 * @param cores         cores to pin every thread to; empty for no pinning
 * @param seed          base seed; task i uses seed + i
 */
public record RunSpec(KernelKind kernel, ModelKind model, int tasks, int workers, long size, int kernelThreads,
                      int interpreters, double switchMillis, int[] cores, long seed) {
    /** Default seed, so runs are comparable between invocations. */
    public static final long SEED = 20_260_425L;

    public RunSpec {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(model, "model");
        cores = cores.clone();
    }

    @Override
    public int[] cores() {
        return cores.clone();
    }

    /** This spec with another model and worker count (for baselines and sweeps). */
    public RunSpec with(ModelKind otherModel, int otherWorkers) {
        return new RunSpec(kernel, otherModel, tasks, otherWorkers, size, kernelThreads, interpreters, switchMillis,
                cores, seed);
    }

    /** This spec with another matmul thread limit. */
    public RunSpec withKernelThreads(int threads) {
        return new RunSpec(kernel, model, tasks, workers, size, threads, interpreters, switchMillis, cores, seed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunSpec s && kernel == s.kernel && model == s.model && tasks == s.tasks
                && workers == s.workers && size == s.size && kernelThreads == s.kernelThreads
                && interpreters == s.interpreters && switchMillis == s.switchMillis
                && Arrays.equals(cores, s.cores) && seed == s.seed;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {kernel, model, tasks, workers, size, kernelThreads, interpreters,
            switchMillis, Arrays.hashCode(cores), seed});
    }
}
