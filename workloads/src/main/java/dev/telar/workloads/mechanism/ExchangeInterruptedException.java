package dev.telar.workloads.mechanism;

/** A thread waiting on an exchange mechanism was interrupted; its interrupt flag stays set. */
public final class ExchangeInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExchangeInterruptedException() {
        super("interrupted while waiting on an exchange");
    }
}
