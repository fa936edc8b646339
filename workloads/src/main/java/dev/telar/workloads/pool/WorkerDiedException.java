package dev.telar.workloads.pool;

import dev.telar.workloads.proc.ChildExit;

/**
 * A pool worker ended while it had this task (or its start) in hand, e.g.
 * {@code pool worker 1 (pid 4711) died with task 7 in flight: killed by SIGKILL (9)}.
 */
public final class WorkerDiedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long workerPid;
    private final transient ChildExit exit;

    public WorkerDiedException(String message, long workerPid, ChildExit exit) {
        super(message);
        this.workerPid = workerPid;
        this.exit = exit;
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
