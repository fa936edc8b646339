package dev.telar.workloads.sync.thread;

import dev.telar.workloads.sync.LockState;
import dev.telar.workloads.sync.SyncRLock;
import dev.telar.workloads.sync.Waits;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * RLock for threads: a non-fair {@link ReentrantLock}, which already rejects a release by a thread
 * that does not hold it. The holder's count is mirrored in a field so that other threads (a panel)
 * can read it. Thread-safe.
 */
public final class ThreadRLock extends ThreadLockBase implements SyncRLock {
    private final Visible lock = new Visible();
    /** Written only by the holder. */
    private volatile int holds;
    private volatile long acquisitions;

    public ThreadRLock(String name) {
        super(name, "RLock");
    }

    /** Exposes the owner and the queue, which ReentrantLock keeps protected. */
    private static final class Visible extends ReentrantLock {
        private static final long serialVersionUID = 1L;

        @Override
        public Thread getOwner() {
            return super.getOwner();
        }

        List<Thread> queued() {
            return List.copyOf(getQueuedThreads());
        }
    }

    private void entered() {
        holds = lock.getHoldCount();
        acquisitions++;
    }

    @Override
    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        entered();
    }

    @Override
    public boolean tryAcquire() {
        if (lock.tryLock()) {
            entered();
            return true;
        }
        return false;
    }

    @Override
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        if (lock.tryLock(Waits.nanos(timeout), java.util.concurrent.TimeUnit.NANOSECONDS)) {
            entered();
            return true;
        }
        return false;
    }

    @Override
    public void release() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException(lock.isLocked() ? "release of an RLock held by another thread"
                    : "release of an unlocked RLock");
        }
        holds = lock.getHoldCount() - 1;
        lock.unlock();
    }

    @Override
    public int holdCount() {
        return lock.getHoldCount();
    }

    @Override
    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    @Override
    public boolean isLocked() {
        return lock.isLocked();
    }

    @Override
    int releaseFully() {
        int n = lock.getHoldCount();
        if (n == 0) {
            throw new IllegalMonitorStateException("the RLock is not held by this thread");
        }
        holds = 0;
        for (int i = 0; i < n; i++) {
            lock.unlock();
        }
        return n;
    }

    @Override
    void reacquire(int n) {
        lock.lock();
        for (int i = 1; i < n; i++) {
            lock.lock();
        }
        holds = n;
        acquisitions++;
    }

    @Override
    public LockState state() {
        Thread owner = lock.getOwner();
        int count = owner == null ? 0 : Math.max(1, holds);
        return new LockState(true, Optional.ofNullable(owner).map(ThreadParticipants::of), count,
                ThreadParticipants.queueOrder(lock.queued()), acquisitions, false, 0);
    }

    @Override
    public String toString() {
        return "ThreadRLock[" + name + "]";
    }
}
