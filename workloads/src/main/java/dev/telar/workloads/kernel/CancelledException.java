package dev.telar.workloads.kernel;

/** Thrown inside a task when its run was cancelled; never reported as a result. */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
