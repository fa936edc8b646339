package dev.telar.workloads.sync.thread;

import dev.telar.workloads.sync.SemaphoreState;
import dev.telar.workloads.sync.SyncSemaphore;
import dev.telar.workloads.sync.Waits;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * Semaphore and BoundedSemaphore for threads: an {@link AbstractQueuedSynchronizer} in shared mode
 * whose state is the number of free permits. The bound is checked in the same compare-and-set that
 * returns a permit, so concurrent over-releases cannot slip past it. Who holds permits is kept
 * beside (for the panel only): entered after a permit is taken, left before it is returned, so the
 * list never names more holders than permits are out. Not fair. Thread-safe.
 */
public final class ThreadSemaphore extends ThreadPrimitive<SemaphoreState> implements SyncSemaphore {
    private final int initial;
    private final boolean bounded;
    private final Sync sync;
    private final ConcurrentLinkedDeque<Thread> holders = new ConcurrentLinkedDeque<>();
    private final LongAdder acquisitions = new LongAdder();

    /**
     * @param value   initial number of permits, 0 or more
     * @param bounded true for Python's BoundedSemaphore
     */
    public ThreadSemaphore(String name, int value, boolean bounded) {
        super(name);
        if (value < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0, not " + value);
        }
        this.initial = value;
        this.bounded = bounded;
        this.sync = new Sync(value, bounded ? value : Integer.MAX_VALUE);
    }

    private static final class Sync extends AbstractQueuedSynchronizer {
        private static final long serialVersionUID = 1L;
        private final int bound;

        Sync(int permits, int bound) {
            this.bound = bound;
            setState(permits);
        }

        @Override
        protected int tryAcquireShared(int ignored) {
            while (true) {
                int free = getState();
                if (free == 0) {
                    return -1;
                }
                if (compareAndSetState(free, free - 1)) {
                    return free - 1;
                }
            }
        }

        @Override
        protected boolean tryReleaseShared(int ignored) {
            while (true) {
                int free = getState();
                if (free >= bound) {
                    throw new IllegalStateException(bound == Integer.MAX_VALUE ? "semaphore value overflow"
                            : "semaphore released too many times (bound " + bound + ")");
                }
                if (compareAndSetState(free, free + 1)) {
                    return true;
                }
            }
        }

        int free() {
            return getState();
        }
    }

    private void took() {
        holders.add(Thread.currentThread());
        acquisitions.increment();
    }

    @Override
    public void acquire() throws InterruptedException {
        sync.acquireSharedInterruptibly(1);
        took();
    }

    @Override
    public boolean tryAcquire() {
        if (sync.tryAcquireShared(1) >= 0) {
            took();
            return true;
        }
        return false;
    }

    @Override
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        if (sync.tryAcquireSharedNanos(1, Waits.nanos(timeout))) {
            took();
            return true;
        }
        return false;
    }

    @Override
    public void release() {
        // Same bookkeeping as the process semaphore: the caller's own permit, else (bounded) someone's.
        // The holder leaves the list before its permit is returned, so that the list never shows
        // more holders than permits.
        Thread me = Thread.currentThread();
        boolean mine = holders.removeLastOccurrence(me);
        Thread other = !mine && bounded ? holders.pollFirst() : null;
        try {
            sync.releaseShared(1);
        } catch (RuntimeException refused) {
            if (mine) {
                holders.addLast(me);
            } else if (other != null) {
                holders.addFirst(other);
            }
            throw refused;
        }
    }

    @Override
    public int available() {
        return sync.free();
    }

    @Override
    public boolean isBounded() {
        return bounded;
    }

    @Override
    public boolean isAbandoned() {
        return false;
    }

    @Override
    public void markConsistent() {
        // threads of one JVM cannot die holding a permit unnoticed: nothing to clear
    }

    @Override
    public SemaphoreState state() {
        return new SemaphoreState(initial, bounded, sync.free(), ThreadParticipants.of(List.copyOf(holders)),
                ThreadParticipants.queueOrder(sync.getQueuedThreads()), acquisitions.sum(), false, 0);
    }

    @Override
    public String toString() {
        return (bounded ? "ThreadBoundedSemaphore[" : "ThreadSemaphore[") + name + "]";
    }
}
