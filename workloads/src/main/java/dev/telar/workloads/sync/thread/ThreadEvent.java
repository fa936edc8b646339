package dev.telar.workloads.sync.thread;

import dev.telar.workloads.sync.EventState;
import dev.telar.workloads.sync.SyncEvent;
import dev.telar.workloads.sync.Waits;
import java.time.Duration;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * Event for threads: an {@link AbstractQueuedSynchronizer} in shared mode whose state packs the
 * flag (bit 0) and a generation counted up on every set (bits 1..). A waiter passes the generation
 * it saw on arrival as its acquire argument and is let through when the flag is set or the
 * generation moved on, so a set followed at once by a clear still wakes everyone who was waiting.
 * Blocked threads are parked. Thread-safe.
 */
public final class ThreadEvent extends ThreadPrimitive<EventState> implements SyncEvent {
    private final Sync sync = new Sync();

    public ThreadEvent(String name) {
        super(name);
    }

    private static final class Sync extends AbstractQueuedSynchronizer {
        private static final long serialVersionUID = 1L;

        @Override
        protected int tryAcquireShared(int arrivalGeneration) {
            int s = getState();
            return (s & 1) != 0 || (s >>> 1) != arrivalGeneration ? 1 : -1;
        }

        @Override
        protected boolean tryReleaseShared(int ignored) {
            return true;
        }

        /** Sets the flag; true when it was clear (a new generation began). */
        boolean raise() {
            while (true) {
                int s = getState();
                if ((s & 1) != 0) {
                    return false;
                }
                // the generation wraps harmlessly: waiters only compare it for equality
                int next = ((((s >>> 1) + 1) & 0x3FFF_FFFF) << 1) | 1;
                if (compareAndSetState(s, next)) {
                    return true;
                }
            }
        }

        void lower() {
            while (true) {
                int s = getState();
                if ((s & 1) == 0 || compareAndSetState(s, s & ~1)) {
                    return;
                }
            }
        }

        int state() {
            return getState();
        }
    }

    @Override
    public void set() {
        if (sync.raise()) {
            sync.releaseShared(0);
        }
    }

    @Override
    public void clear() {
        sync.lower();
    }

    @Override
    public boolean isSet() {
        return (sync.state() & 1) != 0;
    }

    @Override
    public void await() throws InterruptedException {
        int s = sync.state();
        if ((s & 1) == 0) {
            sync.acquireSharedInterruptibly(s >>> 1);
        }
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        int s = sync.state();
        if ((s & 1) != 0) {
            return true;
        }
        return sync.tryAcquireSharedNanos(s >>> 1, Waits.nanos(timeout));
    }

    @Override
    public EventState state() {
        int s = sync.state();
        return new EventState((s & 1) != 0, ThreadParticipants.queueOrder(sync.getQueuedThreads()), s >>> 1);
    }

    @Override
    public String toString() {
        return "ThreadEvent[" + name + "]";
    }
}
