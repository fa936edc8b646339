package dev.telar.workloads.sync.thread;

import dev.telar.workloads.sync.ConditionState;
import dev.telar.workloads.sync.Participant;
import dev.telar.workloads.sync.SyncCondition;
import dev.telar.workloads.sync.SyncLock;
import dev.telar.workloads.sync.Waits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.LockSupport;

/**
 * Condition for threads, on a {@link ThreadLock} or {@link ThreadRLock}, following CPython's
 * algorithm: each waiter queues a record of its own and parks; a signal, given under the lock,
 * dequeues the oldest records, marks them and unparks their threads. A waiter decides whether it
 * was signalled only after it holds the lock again, when no signal can race with it, so a signal
 * is never spent on a waiter that timed out. Thread-safe.
 */
public final class ThreadCondition extends ThreadPrimitive<ConditionState> implements SyncCondition {
    private final ThreadLockBase lock;
    /** Changed only by holders of the lock; read by state() without it. */
    private final ConcurrentLinkedDeque<Waiter> waiters = new ConcurrentLinkedDeque<>();
    private volatile long signalCalls;
    private volatile long woken;

    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        volatile boolean signalled;
    }

    /**
     * @throws IllegalArgumentException when {@code lock} is not a thread lock of this package
     */
    public ThreadCondition(String name, SyncLock lock) {
        super(name);
        if (!(lock instanceof ThreadLockBase base)) {
            throw new IllegalArgumentException("a thread Condition needs a thread Lock or RLock, not " + lock);
        }
        this.lock = base;
    }

    @Override
    public SyncLock lock() {
        return lock;
    }

    private void requireLock(String what) {
        Waits.requireHeld(lock, what);
    }

    @Override
    public void await() throws InterruptedException {
        awaitNanos(-1);
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return awaitNanos(Waits.nanos(timeout));
    }

    /** @param nanos -1 for no timeout */
    private boolean awaitNanos(long nanos) throws InterruptedException {
        requireLock("wait");
        Waiter me = new Waiter();
        waiters.addLast(me);
        int holds = lock.releaseFully();
        boolean interrupted = false;
        long deadline = System.nanoTime() + nanos;
        try {
            while (!me.signalled) {
                if (Thread.interrupted()) {
                    interrupted = true;
                    break;
                }
                if (nanos < 0) {
                    LockSupport.park(this);
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    LockSupport.parkNanos(this, left);
                }
            }
        } finally {
            lock.reacquire(holds);
        }
        // Holding the lock again: signal() cannot run now, so 'signalled' is final.
        boolean signalled = me.signalled;
        if (!signalled) {
            waiters.remove(me);
        }
        if (interrupted) {
            Waits.interruptedWait(signalled, name);
        }
        return signalled;
    }

    @Override
    public int signal(int n) {
        requireLock("notify");
        int count = 0;
        while (count < n) {
            Waiter w = waiters.pollFirst();
            if (w == null) {
                break;
            }
            w.signalled = true;
            LockSupport.unpark(w.thread);
            count++;
        }
        signalCalls++;
        woken += count;
        return count;
    }

    @Override
    public ConditionState state() {
        List<Participant> list = new ArrayList<>();
        for (Waiter w : waiters) {
            list.add(ThreadParticipants.of(w.thread));
        }
        return new ConditionState(lock.state(), list, signalCalls, woken);
    }

    @Override
    public String toString() {
        return "ThreadCondition[" + name + "]";
    }
}
