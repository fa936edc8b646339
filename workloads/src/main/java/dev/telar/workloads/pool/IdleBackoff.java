package dev.telar.workloads.pool;

import java.util.concurrent.locks.LockSupport;

/**
 * How a thread that polls a queue waits while there is nothing to read. Chronicle Queue has no
 * blocking read, and a reader that spins forever burns a whole core; so the reader spins only
 * briefly (a message right behind the last one costs no sleep), then parks for growing times,
 * from 10 µs doubling up to 1 ms. An idle reader thus wakes at most about a thousand times a
 * second, each time for a few microseconds. Not thread-safe: one per polling thread.
 */
final class IdleBackoff {
    /** Empty polls answered by a spin hint before parking starts. */
    static final int SPINS = 200;
    /** First park, nanoseconds. */
    static final long FIRST_PARK_NANOS = 10_000;
    /** Longest park, nanoseconds: the latency an idle reader adds to the next message. */
    static final long MAX_PARK_NANOS = 1_000_000;

    private int spins;
    private long park = FIRST_PARK_NANOS;

    /** Something was read: the next wait starts with spinning again. */
    void reset() {
        spins = 0;
        park = FIRST_PARK_NANOS;
    }

    /** Nothing was read: waits a little, longer each time up to {@link #MAX_PARK_NANOS}. */
    void pause() {
        if (spins < SPINS) {
            spins++;
            Thread.onSpinWait();
            return;
        }
        LockSupport.parkNanos(this, park);
        park = Math.min(MAX_PARK_NANOS, park * 2);
    }
}
