package dev.telar.workloads.sync.thread;

import dev.telar.workloads.sync.SyncLock;

/**
 * What a {@link ThreadCondition} needs from its lock: to release it completely while waiting and
 * to take it back at the same hold count.
 */
abstract class ThreadLockBase implements SyncLock {
    /** Releases every level the calling thread holds; returns how many that were. */
    abstract int releaseFully();

    /** Takes the lock back at {@code holds} levels, not giving up on interrupts (they are re-asserted). */
    abstract void reacquire(int holds);
}
