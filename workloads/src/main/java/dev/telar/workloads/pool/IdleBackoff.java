package dev.telar.workloads.pool;

import java.util.concurrent.locks.LockSupport;

/**
 * How a thread that polls a queue waits while there is nothing to read. Chronicle Queue has no
 * blocking read, and a reader that spins forever burns a whole core; so the reader spins only
 * briefly (a message right behind the last one costs no sleep), then parks for growing times,
 * from 10 µs doubling up to 1 ms. A reader idle for more than a second (a pool between jobs)
 * goes on doubling up to 10 ms: each wake-up costs tens of microseconds in a virtual machine, so
 * a thousand a second would still take a few percent of a core, while a task arriving after a
 * long pause can wait 10 ms. Not thread-safe: one per polling thread.
 */
final class IdleBackoff {
    /** Empty polls answered by a spin hint before parking starts. */
    static final int SPINS = 200;
    /** First park, nanoseconds. */
    static final long FIRST_PARK_NANOS = 10_000;
    /** Longest park in the first {@link #LONG_IDLE_NANOS} of idleness, nanoseconds. */
    static final long MAX_PARK_NANOS = 1_000_000;
    /** Longest park after that, nanoseconds: the latency a long-idle reader adds to the next message. */
    static final long MAX_LONG_IDLE_PARK_NANOS = 10_000_000;
    /** Idleness after which parks may grow beyond {@link #MAX_PARK_NANOS}, nanoseconds. */
    static final long LONG_IDLE_NANOS = 1_000_000_000;

    private int spins;
    private long park = FIRST_PARK_NANOS;
    private long idleSince;

    /** Something was read: the next wait starts with spinning again. */
    void reset() {
        spins = 0;
        park = FIRST_PARK_NANOS;
    }

    /** Nothing was read: waits a little, longer each time (see the class comment). */
    void pause() {
        if (spins < SPINS) {
            if (spins == 0) {
                idleSince = System.nanoTime();
            }
            spins++;
            Thread.onSpinWait();
            return;
        }
        LockSupport.parkNanos(this, park);
        long ceiling = System.nanoTime() - idleSince > LONG_IDLE_NANOS ? MAX_LONG_IDLE_PARK_NANOS : MAX_PARK_NANOS;
        park = Math.min(ceiling, park * 2);
    }
}
