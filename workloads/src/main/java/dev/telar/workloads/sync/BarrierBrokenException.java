package dev.telar.workloads.sync;

/**
 * Python's BrokenBarrierError: the barrier was broken (timeout, abort, reset, a failing action or a
 * dead party process) while or before this party waited.
 */
public final class BarrierBrokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BarrierBrokenException(String message) {
        super(message);
    }

    public BarrierBrokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
