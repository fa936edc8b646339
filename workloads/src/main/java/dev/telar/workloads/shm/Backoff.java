package dev.telar.workloads.shm;

import java.util.concurrent.locks.LockSupport;

/**
 * How a process waits for another one without a system-level wake-up: spin briefly (the other side
 * usually answers within a microsecond), then yield, then park with pauses that double from 1 µs up
 * to 1 ms. A waiter therefore burns a core for a few microseconds at most and costs about a
 * thousand wake-ups a second while a wait lasts long. Not thread-safe: one instance per waiting
 * thread; {@link #reset()} after each successful wait.
 */
public final class Backoff {
    /** Longest pause between two checks, nanoseconds. */
    public static final long MAX_PARK_NANOS = 1_000_000;
    private static final int SPINS = 100;
    private static final int YIELDS = 20;
    private static final long FIRST_PARK_NANOS = 1_000;

    private final long spinNanos;
    private int round;
    private long park = FIRST_PARK_NANOS;
    private long parkedNanos;

    /** A waiter that checks again right after each spin (for locks, held for nanoseconds). */
    public Backoff() {
        this(0);
    }

    private Backoff(long spinNanos) {
        this.spinNanos = spinNanos;
    }

    /**
     * A waiter that, while spinning, lets about a microsecond pass between checks without touching
     * shared memory: a reader polling a line the writer updates for every message would steal that
     * line from the writer each time; a short pause lets messages accumulate and be read together.
     */
    public static Backoff patient() {
        return new Backoff(1_000);
    }

    /** Waits a little; call between two checks of the awaited condition. */
    public void idle() {
        if (round < SPINS) {
            round++;
            if (spinNanos == 0) {
                Thread.onSpinWait();
            } else {
                long until = System.nanoTime() + spinNanos;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
        } else if (round < SPINS + YIELDS) {
            round++;
            Thread.yield();
        } else {
            LockSupport.parkNanos(park);
            parkedNanos += park;
            park = Math.min(MAX_PARK_NANOS, park * 2);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new WaitInterruptedException();
            }
        }
    }

    /** True once the waiter has started parking (waited more than a few microseconds). */
    public boolean parking() {
        return round >= SPINS + YIELDS;
    }

    /** Nanoseconds spent parked since the last reset (a lower bound of the wait). */
    public long parkedNanos() {
        return parkedNanos;
    }

    /** Starts over with spinning; call after the condition came true. */
    public void reset() {
        round = 0;
        park = FIRST_PARK_NANOS;
        parkedNanos = 0;
    }
}
