package dev.telar.workloads.words;

/**
 * 64-bit words at byte offsets (multiples of 8) with the access modes lock-free code needs. Each
 * mode says which earlier or later accesses of the same thread it may not be reordered with, as seen
 * by another thread or process; a weakly ordered processor (ARM, POWER) reorders everything else,
 * so every publication needs a release write (or fence) on the writing side and an acquire read on
 * the reading side.
 *
 * <p>Production has one implementation per kind of mapping (Chronicle for the exchange, the JDK's
 * mapped buffer for process synchronization); tests add a heap one, so a call through this interface
 * stays at most bimorphic in a running program.
 */
public interface Words {
    /** Acquire read: no later read or write of this thread moves before it. */
    long getVolatile(long offset);

    /** Plain read: no ordering; only for words this thread wrote or that an acquire read published. */
    long get(long offset);

    /** Plain write: no ordering; published to others only by a later release write or fence. */
    void put(long offset, long value);

    /** Release write: every earlier read and write of this thread is visible before it. */
    void putOrdered(long offset, long value);

    /** Volatile write: a release write that is also not reordered with later reads. */
    void putVolatile(long offset, long value);

    /** Atomic compare-and-swap with volatile (full) ordering. */
    boolean compareAndSet(long offset, long expected, long value);

    /** Atomic add with volatile (full) ordering; returns the new value. */
    long addAndGet(long offset, long delta);

    /**
     * Release fence: no earlier read or write of this thread is reordered with any later write.
     * Unlike {@link #putOrdered}, which orders only what came before it, this also keeps later
     * plain writes from overtaking an earlier release write.
     */
    void releaseFence();
}
