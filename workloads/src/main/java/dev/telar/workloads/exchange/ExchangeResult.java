package dev.telar.workloads.exchange;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.run.RunResult;
import java.util.List;

/**
 * The outcome of one exchange experiment. Only a {@link RunResult.Status#COMPLETED} run has a
 * meaningful {@code result}: a run where a child failed reports which child and how, never a
 * total.
 *
 * @param spec            what was run
 * @param status          completed, cancelled or failed
 * @param problem         why it failed or was cancelled; {@link Problem#NONE} when completed
 * @param wallSeconds     from the start signal to the last partial received, seconds
 * @param jvmStartSeconds from launching the children until all were ready (JVM start, opening
 *                        the mechanism), seconds
 * @param cpuSeconds      CPU time of the children after the start signal, seconds (NaN if unknown)
 * @param result          the total; NaN unless completed
 * @param children        one report per child
 * @param bytesOnDisk     most bytes the run's exchange files took on disk, as sampled
 */
public record ExchangeResult(ExchangeSpec spec, RunResult.Status status, Problem problem, double wallSeconds,
                             double jvmStartSeconds, double cpuSeconds, double result, List<ChildReport> children,
                             long bytesOnDisk) {
    public ExchangeResult {
        children = List.copyOf(children);
    }
}
