package dev.telar.workloads.sync;

/**
 * The lecture's RLock: a {@link SyncLock} its holder may acquire again; each acquire needs its own
 * release, and the lock is free once the hold count is back to zero. Only the holder may release.
 * Thread-safe.
 */
public interface SyncRLock extends SyncLock {
    /** How many times the calling thread holds the lock (0 when it does not hold it). */
    int holdCount();

    @Override
    default boolean isReentrant() {
        return true;
    }
}
