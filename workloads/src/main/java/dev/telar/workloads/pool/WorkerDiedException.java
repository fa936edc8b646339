package dev.telar.workloads.pool;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCarrier;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.proc.ChildExit;

/**
 * A pool worker ended while it had this task (or its start) in hand: its {@link #problem()} says
 * which worker, its pid, the task and how it ended ({@link ProblemCode#POOL_WORKER_DIED},
 * {@link ProblemCode#POOL_WORKER_NOT_READY}), with its last words when it left some.
 */
public final class WorkerDiedException extends RuntimeException implements ProblemCarrier {
    private static final long serialVersionUID = 1L;
    private final long workerPid;
    private final transient ChildExit exit;
    private final transient Problem problem;

    public WorkerDiedException(Problem problem, long workerPid, ChildExit exit) {
        super(problem.toString());
        this.problem = problem;
        this.workerPid = workerPid;
        this.exit = exit;
    }

    @Override
    public Problem problem() {
        return problem;
    }

    /** Process id of the worker that died. */
    public long workerPid() {
        return workerPid;
    }

    /** How it ended. */
    public ChildExit exit() {
        return exit;
    }
}
