package dev.telar.workloads.sync.thread;

import dev.telar.workloads.sync.LockState;
import dev.telar.workloads.sync.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * Lock for threads: an {@link AbstractQueuedSynchronizer} in exclusive mode whose state is 0 (free)
 * or 1 (held), with the owner recorded so that a release by another thread fails. Not reentrant, not
 * fair; blocked threads are parked. Thread-safe.
 */
public final class ThreadLock extends ThreadLockBase {
    private final Sync sync = new Sync();
    /** Written only by the holder, under the lock. */
    private volatile long acquisitions;

    public ThreadLock(String name) {
        super(name, "lock");
    }

    private static final class Sync extends AbstractQueuedSynchronizer {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean tryAcquire(int ignored) {
            if (compareAndSetState(0, 1)) {
                setExclusiveOwnerThread(Thread.currentThread());
                return true;
            }
            return false;
        }

        @Override
        protected boolean tryRelease(int ignored) {
            if (getExclusiveOwnerThread() != Thread.currentThread()) {
                throw new IllegalMonitorStateException(getState() == 0 ? "release of an unlocked lock"
                        : "release of a lock held by another thread");
            }
            setExclusiveOwnerThread(null);
            setState(0);
            return true;
        }

        @Override
        protected boolean isHeldExclusively() {
            return getExclusiveOwnerThread() == Thread.currentThread();
        }

        Thread owner() {
            return getState() == 0 ? null : getExclusiveOwnerThread();
        }
    }

    @Override
    public void acquire() throws InterruptedException {
        sync.acquireInterruptibly(1);
        acquisitions++;
    }

    @Override
    public boolean tryAcquire() {
        if (sync.tryAcquire(1)) {
            acquisitions++;
            return true;
        }
        return false;
    }

    @Override
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        if (sync.tryAcquireNanos(1, Waits.nanos(timeout))) {
            acquisitions++;
            return true;
        }
        return false;
    }

    @Override
    public void release() {
        sync.release(1);
    }

    @Override
    public boolean isHeldByCurrentThread() {
        return sync.isHeldExclusively();
    }

    @Override
    public boolean isLocked() {
        return sync.owner() != null;
    }

    @Override
    int releaseFully() {
        release();
        return 1;
    }

    @Override
    void reacquire(int holds) {
        sync.acquire(1);
        acquisitions++;
    }

    @Override
    public LockState state() {
        Thread owner = sync.owner();
        List<Thread> queued = List.copyOf(sync.getQueuedThreads());
        return new LockState(false, Optional.ofNullable(owner).map(ThreadParticipants::of), owner == null ? 0 : 1,
                ThreadParticipants.queueOrder(queued), acquisitions, false, 0);
    }

    @Override
    public String toString() {
        return "ThreadLock[" + name + "]";
    }
}
