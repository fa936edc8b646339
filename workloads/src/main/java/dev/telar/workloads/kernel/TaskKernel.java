package dev.telar.workloads.kernel;

/**
 * One kind of task an experiment runs several times (the lecture's "function").
 *
 * <p>Tasks are deterministic: task {@code i} of a kernel returns the same value whichever model,
 * thread or process runs it, so every model's combined result can be compared exactly.
 * Implementations are immutable and safe to share between threads.
 */
public interface TaskKernel {
    /** Which kernel this is (its name as typed on the command line). */
    KernelKind kind();

    /** Human-readable size of one task, e.g. {@code 20,000,000 draws}. */
    String describeSize();

    /**
     * Runs task {@code index}.
     *
     * @return the task's result; the JIT cannot drop work whose result is returned
     */
    double runTask(int index, TaskContext context);

    /**
     * Combines task results in task order. Floating-point addition is not associative, so the order
     * is fixed: that is what makes results equal across models.
     */
    default double combine(double[] taskResults) {
        double total = 0;
        for (double r : taskResults) {
            total += r;
        }
        return total;
    }
}
