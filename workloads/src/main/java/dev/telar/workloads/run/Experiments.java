package dev.telar.workloads.run;

import dev.telar.workloads.kernel.CancelledException;
import dev.telar.workloads.kernel.CpuKernel;
import dev.telar.workloads.kernel.IoKernel;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.kernel.MatmulKernel;
import dev.telar.workloads.kernel.TaskKernel;
import dev.telar.workloads.model.ExecutionModel;
import dev.telar.workloads.model.GilEmulation;
import dev.telar.workloads.model.Job;
import dev.telar.workloads.model.RunControl;
import dev.telar.workloads.model.SubInterpreters;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Runs one experiment synchronously in the calling thread's care: validates the spec, builds its
 * kernel and model, runs, and measures. Safe to call from several threads for different runs.
 */
public final class Experiments {
    /** Draws a task computes between the waits of the io kernel: a small compute share. */
    static final long IO_DRAWS_PER_ROUND = 20_000;
    /** Waits per io task. */
    public static final int IO_ROUNDS = 10;

    private Experiments() {
    }

    /** Most tasks of one run. */
    public static final int MAX_TASKS = 10_000;
    /** Most workers (and interpreters, and matmul threads) of one run. */
    public static final int MAX_WORKERS = 1024;
    /** Longest GIL switch interval, milliseconds. */
    public static final double MAX_SWITCH_MS = 1000;
    /** Largest matrix side of the matmul kernel. */
    public static final int MAX_MATRIX = 8192;
    /** Most draws per task of the cpu kernel. */
    public static final long MAX_DRAWS = 100_000_000_000L;
    /** Longest wait per round of the io kernel, milliseconds. */
    public static final long MAX_WAIT_MS = 60_000;

    /** Checks a spec; returns the problem naming the bad value and the accepted ones, or empty. */
    public static Optional<Problem> problem(RunSpec spec) {
        Optional<Problem> unavailable = spec.model().create(Math.max(1, spec.interpreters()), 5).unavailableReason();
        if (unavailable.isPresent()) {
            return unavailable;
        }
        if (spec.tasks() < 1 || spec.tasks() > MAX_TASKS) {
            return bad(ProblemCode.RUN_TASKS, MAX_TASKS, spec.tasks());
        }
        if (spec.workers() < 1 || spec.workers() > MAX_WORKERS) {
            return bad(ProblemCode.RUN_WORKERS, MAX_WORKERS, spec.workers());
        }
        if (spec.interpreters() < 1 || spec.interpreters() > MAX_WORKERS) {
            return bad(ProblemCode.RUN_INTERPRETERS, MAX_WORKERS, spec.interpreters());
        }
        if (!(spec.switchMillis() > 0) || spec.switchMillis() > MAX_SWITCH_MS) {
            return bad(ProblemCode.RUN_SWITCH, MAX_SWITCH_MS, spec.switchMillis());
        }
        if (spec.kernel() == KernelKind.MATMUL && (spec.size() < 1 || spec.size() > MAX_MATRIX)) {
            return bad(ProblemCode.RUN_MATRIX, MAX_MATRIX, spec.size());
        }
        if (spec.kernel() == KernelKind.MATMUL && (spec.kernelThreads() < 1 || spec.kernelThreads() > MAX_WORKERS)) {
            return bad(ProblemCode.RUN_MATMUL_THREADS, MAX_WORKERS, spec.kernelThreads());
        }
        if (spec.kernel() == KernelKind.CPU && (spec.size() < 1 || spec.size() > MAX_DRAWS)) {
            return bad(ProblemCode.RUN_DRAWS, MAX_DRAWS, spec.size());
        }
        if (spec.kernel() == KernelKind.IO && (spec.size() < 0 || spec.size() > MAX_WAIT_MS)) {
            return bad(ProblemCode.RUN_WAIT, MAX_WAIT_MS, spec.size());
        }
        int cores = Runtime.getRuntime().availableProcessors();
        for (int c : spec.cores()) {
            if (c < 0 || c >= cores) {
                return bad(ProblemCode.RUN_CORE_MISSING, c, cores - 1);
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> bad(ProblemCode code, Object... args) {
        return Optional.of(Problem.of(code, args));
    }

    /** The kernel a spec names. @throws IllegalArgumentException when the kernel refuses the spec's size */
    public static TaskKernel kernel(RunSpec spec) {
        return switch (spec.kernel()) {
            case CPU -> new CpuKernel(spec.size(), spec.seed());
            case IO -> new IoKernel(IO_ROUNDS, spec.size(), IO_DRAWS_PER_ROUND, spec.seed());
            case MATMUL -> new MatmulKernel((int) spec.size(), spec.kernelThreads(), spec.seed());
        };
    }

    /** Runs a spec to the end with a fresh control. */
    public static RunResult run(RunSpec spec) {
        return run(spec, new RunControl(spec.cores()));
    }

    /**
     * Runs a spec; {@code control} may be cancelled from another thread.
     *
     * @throws IllegalArgumentException when {@link #problem} finds the spec bad
     */
    public static RunResult run(RunSpec spec, RunControl control) {
        problem(spec).ifPresent(p -> {
            throw new ProblemException(p);
        });
        ExecutionModel model = spec.model().create(spec.interpreters(), spec.switchMillis());
        Job job = new Job(kernel(spec), spec.tasks(), spec.workers(), control);
        long start = System.nanoTime();
        // A control may serve a warm-up, a baseline and a run in turn: count only this run's threads.
        long cpuBefore = control.cpuNanos();
        long unmeasuredBefore = control.unmeasuredThreads();
        try {
            model.run(job);
            long end = System.nanoTime();
            double result = job.combined();
            double wall = (end - start) / 1e9;
            double startUp = Double.NaN;
            if (job.timedFrom() != 0) {
                // Child processes: JVM start-up and warm-up are reported apart from the compute.
                startUp = (job.timedFrom() - start) / 1e9;
                wall = ((job.timedTo() != 0 ? job.timedTo() : end) - job.timedFrom()) / 1e9;
            }
            return new RunResult(spec, RunResult.Status.COMPLETED, Problem.NONE, wall, cpu(control, cpuBefore, unmeasuredBefore), result, Double.NaN,
                    maxConcurrent(model), startUp);
        } catch (CancelledException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            control.cancel();
            return ended(spec, RunResult.Status.CANCELLED, Problem.CANCELLED, start, control, cpuBefore,
                    unmeasuredBefore);
        } catch (RuntimeException e) {
            control.cancel();
            return ended(spec, RunResult.Status.FAILED, Problem.of(e), start, control, cpuBefore, unmeasuredBefore);
        }
    }

    /**
     * Runs a small version of the spec's kernel, sequentially and with the spec's own model,
     * unreported, so that the JIT has compiled the kernel for both before anything is timed.
     * Otherwise the baseline alone pays for compilation, and a model whose task context the
     * compiled kernel has not seen yet (the GIL models) pays for a recompilation inside its run.
     * Takes a few tens of milliseconds.
     */
    public static void warmUp(RunSpec spec, RunControl control) {
        if (spec.model().startsProcesses()) {
            // Process runs and their baselines run in child JVMs that warm themselves up before
            // their timed part; a warm-up here would only cost JVM starts.
            return;
        }
        long size = switch (spec.kernel()) {
            case CPU -> Math.min(spec.size(), 10_000_000L);
            case MATMUL -> Math.min(spec.size(), 160L);
            case IO -> -1; // waits; nothing to compile that matters
        };
        if (size < 0) {
            return;
        }
        RunSpec small = new RunSpec(spec.kernel(), spec.model(), Math.min(spec.tasks(), 4), Math.min(spec.workers(), 4),
                size, Math.min(spec.kernelThreads(), 4), Math.min(spec.interpreters(), 2), spec.switchMillis(),
                spec.cores(), spec.seed());
        for (RunSpec s : List.of(ExperimentRunner.baselineOf(small), small)) {
            if (problem(s).isEmpty()) {
                run(s, control);
            }
        }
        if (spec.kernel() == KernelKind.MATMUL) {
            // Its matrices are large: a fresh heap would fault their pages in while timed.
            HeapPrefault.touchYoungGeneration();
        }
    }

    /**
     * Runs {@code spec} after a warm-up and its baseline ({@link ExperimentRunner#baselineOf}), and
     * returns the baseline and the run, the second carrying its speedup.
     */
    public static List<RunResult> runWithBaseline(RunSpec spec, RunControl control) {
        warmUp(spec, control);
        RunResult base = run(ExperimentRunner.baselineOf(spec), control);
        if (base.status() != RunResult.Status.COMPLETED) {
            return List.of(base);
        }
        base = base.withBaseline(base.wallSeconds());
        RunResult result = run(spec, control);
        return List.of(base, result.withBaseline(base.wallSeconds()));
    }

    private static RunResult ended(RunSpec spec, RunResult.Status status, Problem why, long start, RunControl c,
                                   long cpuBefore, long unmeasuredBefore) {
        return new RunResult(spec, status, why, (System.nanoTime() - start) / 1e9, cpu(c, cpuBefore, unmeasuredBefore),
                Double.NaN, Double.NaN, 0);
    }

    private static double cpu(RunControl control, long before, long unmeasuredBefore) {
        return control.unmeasuredThreads() == unmeasuredBefore ? (control.cpuNanos() - before) / 1e9 : Double.NaN;
    }

    private static int maxConcurrent(ExecutionModel model) {
        if (model instanceof GilEmulation g) {
            return g.lastGil().maxComputing();
        }
        if (model instanceof SubInterpreters s) {
            return Arrays.stream(s.lastGils()).mapToInt(dev.telar.workloads.model.Gil::maxComputing).max().orElse(0);
        }
        return 0;
    }
}
