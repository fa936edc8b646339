package dev.telar.workloads.sync.thread;

import dev.telar.workloads.sync.LockState;
import dev.telar.workloads.sync.SyncLock;

/**
 * What a {@link ThreadCondition} needs from its lock: to release it completely while waiting and
 * to take it back at the same hold count; and what both thread locks do alike.
 */
abstract class ThreadLockBase extends ThreadPrimitive<LockState> implements SyncLock {
    /** "lock" or "RLock", for messages. */
    private final String kind;

    ThreadLockBase(String name, String kind) {
        super(name);
        this.kind = kind;
    }

    /** Threads of one JVM cannot die holding the lock unnoticed. */
    @Override
    public boolean isAbandoned() {
        return false;
    }

    /** Nothing to clear (never abandoned), but only the holder may call it. */
    @Override
    public void markConsistent() {
        if (!isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("markConsistent by a thread that does not hold the " + kind);
        }
    }

    /** Releases every level the calling thread holds; returns how many that were. */
    abstract int releaseFully();

    /** Takes the lock back at {@code holds} levels, not giving up on interrupts (they are re-asserted). */
    abstract void reacquire(int holds);
}
