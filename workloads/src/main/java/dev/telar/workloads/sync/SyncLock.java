package dev.telar.workloads.sync;

import java.time.Duration;

/**
 * The lecture's Lock: at most one holder at a time; not reentrant (a holder that acquires again
 * waits for itself, forever or until its timeout, as in Python). {@link SyncRLock} is the
 * reentrant one. Acquisition is not fair: a newcomer may overtake a waiter.
 *
 * <p>Unlike Python's Lock, only the holder may release. Process locks are robust: when the holder
 * process dies, a waiter takes the lock over within a second and the lock is marked
 * {@linkplain #isAbandoned() abandoned}, like a robust POSIX mutex. Remote locks are freed when the
 * manager ends a dead holder's session, without being marked abandoned. Thread-safe.
 */
public interface SyncLock extends SyncPrimitive<LockState> {
    /** Python's {@code acquire()}: waits until the lock is free, then takes it. */
    void acquire() throws InterruptedException;

    /** Python's {@code acquire(blocking=False)}: takes the lock if it is free now. */
    boolean tryAcquire();

    /**
     * Python's {@code acquire(timeout=t)}: waits at most {@code timeout} for the lock.
     *
     * @return true when the lock was taken
     */
    boolean tryAcquire(Duration timeout) throws InterruptedException;

    /**
     * Python's {@code release()}: frees the lock (or, for an RLock, one level of it) and lets a
     * waiter take it.
     *
     * @throws IllegalMonitorStateException when the calling thread does not hold the lock
     */
    void release();

    /** True when the calling thread holds the lock. */
    boolean isHeldByCurrentThread();

    /** True while anyone holds the lock (Python's {@code locked()}). */
    boolean isLocked();

    /**
     * True when the lock was last taken over from a holder process that died while holding it,
     * so the data it protects may be half-updated; stays true until {@link #markConsistent()}.
     * Always false for thread locks.
     */
    boolean isAbandoned();

    /**
     * The holder declares the protected data consistent again (like
     * {@code pthread_mutex_consistent}): clears {@link #isAbandoned()}.
     *
     * @throws IllegalMonitorStateException when the calling thread does not hold the lock
     */
    void markConsistent();

    /** True for an RLock. */
    default boolean isReentrant() {
        return false;
    }

    /** Scoped use, as Python's {@code with lock:}: acquires, and the returned handle releases. */
    default Held hold() throws InterruptedException {
        acquire();
        return this::release;
    }

    /** A held lock or permit, released by {@link #close()}. */
    @FunctionalInterface
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
