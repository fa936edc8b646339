package dev.telar.workloads.model;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An emulated global interpreter lock: a worker must hold it to compute.
 *
 * <p>Like CPython's, it is handed over when its holder has computed for a switch interval and
 * another worker is waiting, and it is released while its holder waits on I/O. A fair lock makes
 * the hand-over go to the longest waiter. {@link #maxComputing()} counts how many workers ever
 * computed at once under this lock: the emulation's invariant is that it never exceeds 1.
 */
public final class Gil {
    private final ReentrantLock lock = new ReentrantLock(true);
    private final long switchNanos;
    private final AtomicInteger computing = new AtomicInteger();
    private final AtomicInteger maxComputing = new AtomicInteger();
    private final AtomicInteger switches = new AtomicInteger();
    private long acquiredAt; // guarded by lock

    /** @param switchMillis how long a holder computes before yielding to a waiter, milliseconds (> 0) */
    public Gil(double switchMillis) {
        if (!(switchMillis > 0)) {
            throw new IllegalArgumentException("switch interval must be positive, got " + switchMillis);
        }
        this.switchNanos = (long) (switchMillis * 1_000_000);
    }

    /** Waits for the lock, interruptibly. */
    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        acquiredAt = System.nanoTime();
        int now = computing.incrementAndGet();
        maxComputing.accumulateAndGet(now, Math::max);
    }

    /** Releases the lock held by the calling thread. */
    public void release() {
        computing.decrementAndGet();
        lock.unlock();
    }

    /** True when the calling thread holds the lock. */
    public boolean heldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    /**
     * Called by the holder between chunks: after a switch interval, if someone waits, lets the
     * longest waiter run and queues up again.
     */
    public void maybeSwitch() throws InterruptedException {
        if (lock.isHeldByCurrentThread() && System.nanoTime() - acquiredAt >= switchNanos && lock.hasQueuedThreads()) {
            switches.incrementAndGet();
            release();
            acquire();
        }
    }

    /** Most workers ever seen computing at once under this lock (1 when the emulation holds). */
    public int maxComputing() {
        return maxComputing.get();
    }

    /** Number of forced hand-overs so far. */
    public int switches() {
        return switches.get();
    }
}
