package dev.telar.workloads.shm;

/** A thread waiting for another process (a {@link Backoff} wait) was interrupted; its interrupt flag stays set. */
public final class WaitInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WaitInterruptedException() {
        super("interrupted while waiting for another process");
    }
}
