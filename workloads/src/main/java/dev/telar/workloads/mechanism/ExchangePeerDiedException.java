package dev.telar.workloads.mechanism;

/**
 * Nothing more will arrive, or nobody is left to read what would be sent, because a peer process
 * died without closing (killed, crashed): the writer of a pipe after everything it sent was
 * received, every producer of a queue (some dead) after everything was taken, or the reader of a
 * pipe or every consumer of a queue while a sender waited for room. Carries the pid of the dead
 * process (the first one found when several died). A subclass of {@link ExchangeClosedException}:
 * code that only wants to know "the stream ended" needs no second catch.
 */
public final class ExchangePeerDiedException extends ExchangeClosedException {
    private static final long serialVersionUID = 1L;
    private final long pid;

    public ExchangePeerDiedException(String message, long pid) {
        super(message);
        this.pid = pid;
    }

    /** Process id of the dead peer. */
    public long pid() {
        return pid;
    }
}
