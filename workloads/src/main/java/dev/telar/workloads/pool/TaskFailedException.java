package dev.telar.workloads.pool;

/**
 * A pool task threw in its worker; the message is the worker's, e.g.
 * {@code IllegalArgumentException: draws must be positive, got 0}. The worker keeps working.
 */
public final class TaskFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long workerPid;

    public TaskFailedException(String message, long workerPid) {
        super(message);
        this.workerPid = workerPid;
    }

    /** Process id of the worker in which the task threw. */
    public long workerPid() {
        return workerPid;
    }
}
