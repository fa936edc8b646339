package dev.telar.workloads.sync.remote;

import dev.telar.workloads.sync.SyncState;
import dev.telar.workloads.sync.Waits;
import java.time.Duration;

/**
 * A remote primitive that is taken (a lock, a permit): Python's three ways to ask for it (wait,
 * do not wait, wait at most) are one timed acquisition.
 */
abstract class RemoteAcquirable<S extends SyncState> extends RemotePrimitive<S> {
    RemoteAcquirable(Space space, String name) {
        super(space, name);
    }

    /** Waits at most {@code nanos} (-1: as long as it takes, 0: not at all); true when taken. */
    abstract boolean acquireWithin(long nanos) throws InterruptedException;

    public void acquire() throws InterruptedException {
        acquireWithin(-1);
    }

    /** One try; an interrupt is kept for later, as the try does not wait. */
    public boolean tryAcquire() {
        try {
            return acquireWithin(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        return acquireWithin(Waits.nanos(timeout));
    }
}
