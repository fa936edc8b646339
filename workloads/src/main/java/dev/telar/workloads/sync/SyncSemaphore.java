package dev.telar.workloads.sync;

import java.time.Duration;

/**
 * The lecture's Semaphore(value): at most {@code value} permits out at once (more after releases
 * beyond the initial value, unless bounded). Python's BoundedSemaphore is the
 * {@linkplain #isBounded() bounded} variant: releasing more than was acquired is an error. As in
 * Python, any participant may release, also one that acquired nothing (a signal); a bounded
 * release by a participant without a permit frees a permit some other participant held.
 *
 * <p>Process semaphores are robust: a permit held by a process that died is taken over by a waiter
 * within a second and the semaphore is marked {@linkplain #isAbandoned() abandoned}; a remote
 * semaphore gets a dead holder's permits back when the manager ends its session, unmarked. Not fair.
 * Thread-safe.
 */
public interface SyncSemaphore extends SyncPrimitive<SemaphoreState> {
    /** Python's {@code acquire()}: waits for a permit and takes it. */
    void acquire() throws InterruptedException;

    /** Python's {@code acquire(blocking=False)}. */
    boolean tryAcquire();

    /** Python's {@code acquire(timeout=t)}; true when a permit was taken. */
    boolean tryAcquire(Duration timeout) throws InterruptedException;

    /**
     * Python's {@code release()}: returns a permit (the caller's own when it holds one).
     *
     * @throws IllegalStateException for a bounded semaphore whose permits are all free already,
     *                               or when a process semaphore would exceed its permit capacity
     */
    void release();

    /** Permits free now. */
    int available();

    /** True for Python's BoundedSemaphore. */
    boolean isBounded();

    /** True after a permit was taken over from a dead holder process, until {@link #markConsistent()}. */
    boolean isAbandoned();

    /** Clears {@link #isAbandoned()}: whoever recovered has repaired what the dead holder left. */
    void markConsistent();

    /** Scoped use, as Python's {@code with semaphore:}. */
    default SyncLock.Held hold() throws InterruptedException {
        acquire();
        return this::release;
    }
}
