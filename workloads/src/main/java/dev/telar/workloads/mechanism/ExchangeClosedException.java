package dev.telar.workloads.mechanism;

/**
 * Nothing more will arrive: the other end of a pipe was closed, or every producer of a queue
 * closed, and everything sent was already received (Python raises EOFError in the same case). A
 * peer that died instead of closing gives the subclass {@link ExchangePeerDiedException}.
 */
public class ExchangeClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExchangeClosedException(String message) {
        super(message);
    }
}
