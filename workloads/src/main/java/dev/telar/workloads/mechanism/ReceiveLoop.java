package dev.telar.workloads.mechanism;

import dev.telar.workloads.shm.Backoff;
import java.time.Duration;
import java.util.function.Supplier;

/** The receive loop of a pipe end and a queue consumer, the same for both. Stateless. */
final class ReceiveLoop {
    private ReceiveLoop() {
    }

    /**
     * Polls, gives up when no message can come any more, otherwise waits with {@code backoff}
     * (reset first).
     *
     * @param poll    the next message if one is there now, else null
     * @param end     null while a message may still come; else the exception to throw (asked
     *                after every empty poll: it must be cheap, or pace its costly parts)
     * @param timeout how long to wait at most; null to wait as long as it takes
     * @return the message, or null when none came within {@code timeout}
     * @throws dev.telar.workloads.shm.WaitInterruptedException when the thread is interrupted while it parks
     */
    static Packet receive(Backoff backoff, Supplier<Packet> poll, Supplier<ExchangeClosedException> end,
                          Duration timeout) {
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        backoff.reset();
        while (true) {
            Packet m = poll.get();
            if (m != null) {
                return m;
            }
            ExchangeClosedException ended = end.get();
            if (ended != null) {
                throw ended;
            }
            if (timeout != null && System.nanoTime() >= deadline) {
                return null;
            }
            backoff.idle();
        }
    }
}
