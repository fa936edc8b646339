package dev.telar.workloads.remote;

import java.time.Duration;
import java.time.Instant;

/**
 * A fact for a panel to put in words: the lock {@code lock} was freed {@code after} the process
 * {@code pid} on {@code host}, which held it, vanished (killed, or cut off with its machine). The
 * server frees it when the holder's session times out, so {@code after} is about the session
 * timeout: at least two thirds of it (the holder's last ping may be a third old), at most about
 * the timeout plus a tick.
 *
 * @param lock  the lock's name
 * @param after from the holder's vanishing to another client holding the lock (not negative)
 * @param pid   the holder's process id
 * @param host  the holder's machine, as named where the fact was observed
 */
public record LockFreed(String lock, Duration after, long pid, String host) {
    public LockFreed {
        if (after.isNegative()) {
            throw new IllegalArgumentException("a lock is freed after its holder vanished, not before: " + after);
        }
    }

    /** The fact from the instant the holder vanished and the instant the lock was held again. */
    public static LockFreed between(String lock, Instant vanished, Instant held, long pid, String host) {
        return new LockFreed(lock, Duration.between(vanished, held), pid, host);
    }

    /** {@link #after} in seconds, to the millisecond. */
    public double seconds() {
        return after.toMillis() / 1000.0;
    }
}
