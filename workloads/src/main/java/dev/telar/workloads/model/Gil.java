package dev.telar.workloads.model;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An emulated global interpreter lock: a worker must hold it to compute.
 *
 * <p>Like CPython's, it is handed over when its holder has computed for a switch interval and
 * another worker is waiting, and it is released while its holder waits on I/O. Waiters queue in
 * arrival order and sleep on a monitor (they do not spin, so a waiting worker uses no core, as in
 * CPython); the hand-over goes to the longest waiter. {@link #maxComputing()} counts how many
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
            waiting.addLast(me);
            try {
                while (owner != null || waiting.peekFirst() != me) {
                    monitor.wait();
                }
            } catch (InterruptedException e) {
                waiting.remove(me);
                monitor.notifyAll(); // the next in line may now be first
                throw e;
            }
            waiting.removeFirst();
            owner = me;
        }
        acquiredAt = System.nanoTime();
        int now = computing.incrementAndGet();
        maxComputing.accumulateAndGet(now, Math::max);
    }

    /** Releases the lock held by the calling thread. */
    public void release() {
        computing.decrementAndGet();
        synchronized (monitor) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException("the interpreter lock is not held by this thread");
            }
            owner = null;
            monitor.notifyAll();
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
