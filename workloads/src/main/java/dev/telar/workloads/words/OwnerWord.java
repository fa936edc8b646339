package dev.telar.workloads.words;

/**
 * A lock as one shared word holding its owner's id (never 0; 0 means free). Taking it is a
 * compare-and-swap from 0 to the owner's id, preceded by a plain look so that a waiter does not pull
 * the holder's cache line away with failing swaps (test-and-test-and-set); giving it back is a
 * compare-and-swap from the owner's id to 0. Both swaps are full fences: whatever the holder wrote
 * under the lock is visible to the next holder. A waiter that found the holder dead swaps the dead
 * id for its own, so exactly one waiter takes over. Who is an owner (a process, a thread of a
 * process) and how death is seen is the caller's business. Thread-safe; no allocation.
 */
public final class OwnerWord {
    private final Words words;
    private final long offset;

    /** The lock whose word is at {@code offset} (8-aligned) of {@code words}. */
    public OwnerWord(Words words, long offset) {
        this.words = words;
        this.offset = offset;
    }

    /** The holder's id, 0 when free (acquire read). */
    public long owner() {
        return words.getVolatile(offset);
    }

    /** Takes the lock for {@code me} if it is free now; never waits. */
    public boolean tryTake(long me) {
        return words.getVolatile(offset) == 0 && words.compareAndSet(offset, 0, me);
    }

    /** Gives the lock back; false (and nothing changes) when {@code me} does not hold it. */
    public boolean release(long me) {
        return words.compareAndSet(offset, me, 0);
    }

    /**
     * Takes the lock from {@code dead}, a holder the caller found dead; false when the word no longer
     * holds {@code dead} (another waiter took over first, or it was released).
     */
    public boolean takeOver(long dead, long me) {
        return dead != 0 && words.compareAndSet(offset, dead, me);
    }
}
