package dev.telar.workloads.sync.process;

import java.util.concurrent.locks.LockSupport;

/**
 * How a process waiter waits between two looks at shared memory, since nothing wakes it: first it
 * spins (about {@link #SPIN_NANOS}, enough for a partner process on another core to answer), then
 * it parks with pauses that double from {@link #FIRST_PARK_NANOS} to {@link #MAX_PARK_NANOS}. A
 * long wait thus costs about a thousand short wake-ups a second (well under 1 % of a core) and
 * notices a change within about a millisecond. One instance per wait; not thread-safe.
 */
final class Backoff {
    static final long SPIN_NANOS = 20_000;
    static final long FIRST_PARK_NANOS = 10_000;
    static final long MAX_PARK_NANOS = 1_000_000;

    private final long start = System.nanoTime();
    private long park = FIRST_PARK_NANOS;
    private boolean parking;

    /** True once the spinning phase is over: the waiter is now really waiting (a panel may show it). */
    boolean parking() {
        return parking;
    }

    /** Nanoseconds since this wait began. */
    long elapsed() {
        return System.nanoTime() - start;
    }

    /**
     * Waits a little.
     *
     * @param deadline {@link System#nanoTime()} not to sleep past, or {@link Long#MAX_VALUE}
     * @throws InterruptedException when the thread is interrupted
     */
    void pause(long deadline) throws InterruptedException {
        if (!parking) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
                return;
            }
            parking = true;
        }
        long now = System.nanoTime();
        long nap = deadline == Long.MAX_VALUE ? park : Math.min(park, deadline - now);
        if (nap > 0) {
            LockSupport.parkNanos(this, nap);
        }
        park = Math.min(park * 2, MAX_PARK_NANOS);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    /** Like {@link #pause(long)} but never gives up on an interrupt; returns true if there was one (now cleared). */
    boolean pauseUninterruptibly() {
        try {
            pause(Long.MAX_VALUE);
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }
}
