package dev.telar.workloads.run;

import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.model.RunControl;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Runs one kernel at a series of worker counts (for matmul: thread limits) after its baseline
 * ({@link ExperimentRunner#baselineOf}), the lecture's thread-limit table. Counts are 1, 2, 4, ... up to twice the cores, plus
 * the default (the pool default for thread models, the core count for matmul, like a library that
 * uses every core), so a machine with fewer cores than workers shows its slowdown.
 */
public final class Sweep {
    private Sweep() {
    }

    /** Worker counts to try on a machine with {@code cores} logical cores, ascending, no repeats. */
    public static List<Integer> counts(int cores, int defaultCount) {
        TreeSet<Integer> out = new TreeSet<>();
        for (int c = 1; c <= 2 * cores; c *= 2) {
            out.add(c);
        }
        out.add(defaultCount);
        return List.copyOf(out);
    }

    /** The default count the sweep adds for this kernel. */
    public static int defaultCount(KernelKind kernel) {
        return kernel == KernelKind.MATMUL ? Runtime.getRuntime().availableProcessors() : ModelKind.defaultPoolSize();
    }

    /**
     * Runs the baseline and then {@code spec} at each count.
     *
     * @param onEach called after every run (baseline first), e.g. to update a panel
     * @return the baseline followed by one result per count, each carrying its speedup; shorter
     *         when a run was cancelled or failed (the sweep stops there)
     */
    public static List<RunResult> run(RunSpec spec, List<Integer> counts, RunControl control,
                                      Consumer<RunResult> onEach) {
        boolean matmul = spec.kernel() == KernelKind.MATMUL;
        List<RunResult> out = new ArrayList<>();
        RunSpec baseSpec = ExperimentRunner.baselineOf(spec);
        Experiments.warmUp(spec, control);
        RunResult base = Experiments.run(baseSpec, control);
        base = base.withBaseline(base.wallSeconds());
        out.add(base);
        onEach.accept(base);
        if (base.status() != RunResult.Status.COMPLETED) {
            return out;
        }
        for (int count : counts) {
            RunSpec s = matmul ? spec.with(ModelKind.SEQUENTIAL, 1).withKernelThreads(count)
                    : spec.with(spec.model(), count);
            RunResult r = Experiments.run(s, control).withBaseline(base.wallSeconds());
            out.add(r);
            onEach.accept(r);
            if (r.status() != RunResult.Status.COMPLETED) {
                break;
            }
        }
        return out;
    }

    /** Index in {@code results} of the fastest completed run after the baseline, or -1. */
    public static int fastest(List<RunResult> results) {
        int best = -1;
        for (int k = 1; k < results.size(); k++) {
            RunResult r = results.get(k);
            if (r.status() == RunResult.Status.COMPLETED
                    && (best < 0 || r.wallSeconds() < results.get(best).wallSeconds())) {
                best = k;
            }
        }
        return best;
    }
}
