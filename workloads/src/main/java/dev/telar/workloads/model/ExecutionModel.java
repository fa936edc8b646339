package dev.telar.workloads.model;

import dev.telar.workloads.problem.Problem;
import java.util.Optional;

/**
 * A way of running a job's tasks: sequentially, on threads made one of several ways, on pools,
 * under an emulated interpreter lock, or in child processes. Implementations are stateless.
 */
public interface ExecutionModel {
    /** Which model this is (its name as typed on the command line). */
    ModelKind kind();

    /** One line saying how the model runs tasks. */
    String summary();

    /**
     * True for models that run tasks in child processes. They start and warm up their children
     * before they call {@code Job.startTiming()}, so the experiment needs no warm-up run of them.
     */
    default boolean startsProcesses() {
        return false;
    }

    /** Why the model cannot run on this JVM, or empty when it can. */
    default Optional<Problem> unavailableReason() {
        return Optional.empty();
    }

    /**
     * Runs every task of the job, returning when all have finished or the run was cancelled.
     *
     * @throws InterruptedException if the calling thread was interrupted while waiting
     */
    void run(Job job) throws InterruptedException;
}
