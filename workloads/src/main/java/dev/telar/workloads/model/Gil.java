package dev.telar.workloads.model;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An emulated global interpreter lock: a worker must hold it to compute.
 *
 * <p>Like CPython's, it is handed over when its holder has computed for a switch interval and
 * another worker is waiting, and it is released while its holder waits on I/O. Waiters queue in
 * arrival order and sleep parked (they do not spin, so a waiting worker uses no core, as in
 * CPython); the hand-over goes to the longest waiter and wakes only it. {@link #maxComputing()} counts how many
 * workers ever computed at once under this lock: the emulation's invariant is that it never exceeds 1.
 */
public final class Gil {
    private final Object monitor = new Object();
    private final ArrayDeque<Thread> waiting = new ArrayDeque<>(); // guarded by monitor
    private Thread owner; // guarded by monitor
    private final long switchNanos;
    private final AtomicInteger computing = new AtomicInteger();
    private final AtomicInteger maxComputing = new AtomicInteger();
    private final AtomicInteger switches = new AtomicInteger();
    private volatile long acquiredAt;

    /** @param switchMillis how long a holder computes before yielding to a waiter, milliseconds (> 0) */
    public Gil(double switchMillis) {
        if (!(switchMillis > 0)) {
            throw new IllegalArgumentException("switch interval must be positive, got " + switchMillis);
        }
        this.switchNanos = (long) (switchMillis * 1_000_000);
    }

    /** Waits for the lock, interruptibly. */
    public void acquire() throws InterruptedException {
        Thread me = Thread.currentThread();
        synchronized (monitor) {
            if (owner == null && waiting.isEmpty()) {
                owner = me;
            } else {
                waiting.addLast(me);
            }
        }
        // Direct hand-over: release() makes the first waiter the owner and wakes only that thread,
        // so a switch wakes one sleeper instead of every waiter racing for the lock.
        while (!ownedBy(me)) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                synchronized (monitor) {
                    if (owner != me) {
                        waiting.remove(me);
                        throw new InterruptedException();
                    }
                }
                Thread.currentThread().interrupt(); // the lock arrived as well: keep it, keep the flag
            }
        }
        acquiredAt = System.nanoTime();
        int now = computing.incrementAndGet();
        maxComputing.accumulateAndGet(now, Math::max);
    }

    /** Releases the lock held by the calling thread, handing it to the longest waiter if any. */
    public void release() {
        computing.decrementAndGet();
        Thread next;
        synchronized (monitor) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException("the interpreter lock is not held by this thread");
            }
            next = waiting.pollFirst();
            owner = next;
        }
        if (next != null) {
            LockSupport.unpark(next);
        }
    }

    private boolean ownedBy(Thread t) {
        synchronized (monitor) {
            return owner == t;
        }
    }

    /** True when the calling thread holds the lock. */
    public boolean heldByCurrentThread() {
        synchronized (monitor) {
            return owner == Thread.currentThread();
        }
    }

    /**
     * Called by the holder between chunks: after a switch interval, if someone waits, lets the
     * longest waiter run and queues up again.
     */
    public void maybeSwitch() throws InterruptedException {
        if (System.nanoTime() - acquiredAt >= switchNanos && heldByCurrentThread() && someoneWaits()) {
            switches.incrementAndGet();
            release();
            acquire();
        }
    }

    private boolean someoneWaits() {
        synchronized (monitor) {
            return !waiting.isEmpty();
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
