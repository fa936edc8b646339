package dev.telar.workloads.run;

import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.problem.Problem;
import java.util.OptionalDouble;

/**
 * The outcome of one run. Only {@link Status#COMPLETED} runs carry a meaningful {@code result};
 * a cancelled or failed run is never reported as a measurement.
 *
 * @param spec          what was run
 * @param status        completed, cancelled or failed
 * @param problem       why it failed or was cancelled; {@link Problem#NONE} when completed
 * @param wallSeconds   elapsed time from the first worker's start to the last one's end, seconds; for
 *                      models with child processes, from the moment all children were started and
 *                      warmed up to the last result, so JVM start-up is not counted as compute
 * @param cpuSeconds    CPU time of the run's own threads, seconds (NaN when it could not be measured);
 *                      for child processes, the CPU time of their tasks, without JVM start-up

 * @param result        the tasks' combined result (a sum for all kernels)
 * @param baselineWallSeconds wall time of the sequential run of the same size, seconds; NaN when none ran
 * @param maxConcurrent GIL models: most workers ever computing at once (1 proves the lock held); 0 otherwise
 * @param startSeconds  models with child processes: time to start the child JVMs and warm them up,
 *                      before {@code wallSeconds} began, seconds; NaN for models without children
 */
public record RunResult(RunSpec spec, Status status, Problem problem, double wallSeconds, double cpuSeconds,
                        double result, double baselineWallSeconds, int maxConcurrent, double startSeconds) {
    /** How a run ended. */
    public enum Status { COMPLETED, CANCELLED, FAILED }

    /** A result of a model that starts no child processes. */
    public RunResult(RunSpec spec, Status status, Problem problem, double wallSeconds, double cpuSeconds,
                     double result, double baselineWallSeconds, int maxConcurrent) {
        this(spec, status, problem, wallSeconds, cpuSeconds, result, baselineWallSeconds, maxConcurrent, Double.NaN);
    }

    /** Wall time including the child processes' start-up: what a stopwatch around the whole run shows. */
    public double wallWithStartSeconds() {
        return Double.isNaN(startSeconds) ? wallSeconds : wallSeconds + startSeconds;
    }

    /** Baseline wall time divided by this run's, when a baseline exists. */
    public OptionalDouble speedup() {
        return status == Status.COMPLETED && baselineWallSeconds > 0 && wallSeconds > 0
                ? OptionalDouble.of(baselineWallSeconds / wallSeconds) : OptionalDouble.empty();
    }

    /** Speedup divided by the number of workers (1.0 is perfect scaling). */
    public OptionalDouble efficiency() {
        OptionalDouble s = speedup();
        int w = spec.kernel() == KernelKind.MATMUL ? spec.kernelThreads() : spec.workers();
        return s.isPresent() ? OptionalDouble.of(s.getAsDouble() / Math.max(1, w)) : OptionalDouble.empty();
    }

    /** This result compared against a baseline wall time. */
    public RunResult withBaseline(double baselineSeconds) {
        return new RunResult(spec, status, problem, wallSeconds, cpuSeconds, result, baselineSeconds, maxConcurrent,
                startSeconds);
    }
}
