package dev.telar.workloads.shm;

import dev.telar.workloads.words.OwnerWord;
import java.time.Duration;
import java.util.Optional;

/**
 * The one lock shared by processes: {@link #BYTES} bytes at any offset of a {@link MappedFile},
 * beside the data it guards. The exchange mechanisms (value, array, dict) put it on the cache line
 * of their data; the lecture's Lock and RLock between processes ({@code sync.process}) are views on
 * one in a file of its own. Its first word names the holder ({@link Ownership}: the whole process,
 * or one thread of it; 0 when free) and is taken and given back by compare-and-swap
 * ({@link OwnerWord}), a full fence: what the holder wrote under the lock is seen by the next one.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Mutual exclusion between all owners of all processes mapping the region. Not fair.
 *       Reentrant only when made so (the hold count is then kept in the region, changed by the
 *       holder only).</li>
 *   <li>Waiting costs no CPU for long: a waiter spins for an adaptive few microseconds, then
 *       sleeps on a futex in the region ({@link WakeWord}) until a release wakes it, as
 *       {@link Backoff#woken} describes; a release with nobody asleep costs no system call.</li>
 *   <li>A holder that dies (kill -9) leaves its word behind. A contender that fails to take the lock
 *       looks whether the holder still lives (by {@link Ownership#alive}: a pid now held by a
 *       process started at another time counts as dead), at most every
 *       {@link #DEAD_HOLDER_CHECK} per JVM, a non-blocking try included. A sleeping waiter wakes
 *       to look within about that early in its wait, at most {@link Backoff#SLICE_NANOS} apart in
 *       a long one (five wake-ups a second). When the holder is gone the contender swaps the
 *       dead word for its own, so exactly one takes over, counts a recovery, records the dead
 *       holder and marks the lock abandoned. The data the dead holder was changing may be
 *       half-updated: recovery restores progress, not consistency.</li>
 *   <li>Statistics in the region, seen by every process: acquisitions, recoveries, the last dead
 *       holder, the abandoned mark ({@link #markConsistent()} clears it).</li>
 * </ul>
 * Thread-safe.
 */
public final class ProcessMutex {
    /** How often a JVM's contenders look at most whether the holder is still alive. */
    public static final Duration DEAD_HOLDER_CHECK = Duration.ofMillis(10);
    /** Bytes a lock takes in its region, at an 8-aligned offset: less than a cache line. */
    public static final int BYTES = 56;

    // Offsets from the lock's own. The sync Lock's file had these words in this order before they
    // became this class, so its layout did not change.
    private static final long HOLDS = 8;             // int: levels the holder holds
    private static final long ABANDONED = 12;        // int: 1 after a takeover, until markConsistent
    private static final long ACQUISITIONS = 16;     // long: written by the holder
    private static final long RECOVERIES = 24;       // long: takeovers from dead holders
    private static final long LAST_DEAD = 32;        // long: word of the last dead holder
    private static final long WAKE = 40;             // WakeWord.BYTES

    private final MappedFile region;
    private final long offset;
    private final OwnerWord word;
    private final Ownership owners;
    private final boolean reentrant;
    private final WaiterList waiters;
    private final WakeWord wake;
    private final Acquirer acquirer;

    /** The process-owned, non-reentrant lock at {@code offset} of {@code region} (the exchange mechanisms' lock). */
    public ProcessMutex(MappedFile region, long offset) {
        this(region, offset, Ownership.PER_PROCESS, false, null);
    }

    /**
     * The lock at {@code offset} (8-aligned; {@link #BYTES} bytes, zero for a free lock) of {@code region}.
     *
     * @param owners    who holds it: the process or the thread
     * @param reentrant whether its holder may take it again (and must give back every level)
     * @param waiters   where its waiters list themselves while they sleep; null for none
     */
    public ProcessMutex(MappedFile region, long offset, Ownership owners, boolean reentrant, WaiterList waiters) {
        this.region = region;
        this.offset = offset;
        this.word = new OwnerWord(region, offset);
        this.owners = owners;
        this.reentrant = reentrant;
        this.waiters = waiters;
        this.wake = new WakeWord(region, offset + WAKE);
        this.acquirer = new Acquirer(region, wake, waiters, owners, DEAD_HOLDER_CHECK, this::tryTake,
                this::takeOverFromDead, () -> word.owner() == 0);
    }

    /**
     * Waits until the caller holds the lock.
     *
     * @throws WaitInterruptedException when the thread is interrupted while it waits (its flag stays set)
     */
    public void lock() {
        acquireOrThrow(-1);
    }

    /** Takes the lock if it is free (or its holder is found dead); never waits. */
    public boolean tryLock() {
        return acquirer.tryNow();
    }

    /**
     * Waits at most {@code timeout} for the lock.
     *
     * @throws WaitInterruptedException when the thread is interrupted while it waits (its flag stays set)
     */
    public boolean tryLock(Duration timeout) {
        return acquireOrThrow(Math.max(0, timeout.toNanos()));
    }

    /** The exchange's way to wait: an interrupt ends the wait with an unchecked exception. */
    private boolean acquireOrThrow(long timeoutNanos) {
        try {
            return acquirer.acquire(timeoutNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitInterruptedException();
        }
    }

    /**
     * Waits at most {@code timeoutNanos} for the lock (-1: as long as it takes; 0: not at all).
     *
     * @throws InterruptedException when the thread is interrupted while it waits
     */
    public boolean acquire(long timeoutNanos) throws InterruptedException {
        return acquirer.acquire(timeoutNanos);
    }

    /**
     * Releases one level of the caller's hold.
     *
     * @throws IllegalStateException when the caller does not hold the lock
     */
    public void unlock() {
        if (!release()) {
            throw new IllegalStateException("lock at " + offset + " of " + region.path() + " is not held by "
                    + owners.caller() + " (holder pid " + owners.pid(word.owner()) + ")");
        }
    }

    /**
     * Releases one level of the caller's hold, waking sleeping waiters when the lock becomes free.
     *
     * @return false (and nothing changes) when the caller does not hold the lock, or no longer does:
     *         it was taken over by a contender that found the caller's process dead
     */
    public boolean release() {
        long me = owners.current();
        if (word.owner() != me) {
            return false;
        }
        int holds = region.getIntVolatile(offset + HOLDS);
        if (reentrant && holds > 1) {
            region.putIntOrdered(offset + HOLDS, holds - 1);
            return true;
        }
        return releaseWord(me);
    }

    /**
     * Releases every level the caller holds (a condition variable's wait does this).
     *
     * @return how many levels were released; 0 when the caller did not hold the lock
     */
    public int releaseAll() {
        long me = owners.current();
        if (word.owner() != me) {
            return 0;
        }
        int holds = Math.max(1, region.getIntVolatile(offset + HOLDS));
        return releaseWord(me) ? holds : 0;
    }

    private boolean releaseWord(long me) {
        region.putIntOrdered(offset + HOLDS, 0);
        if (!word.release(me)) {
            return false;
        }
        wake.wakeAll(); // after the release's full fence, as the wake word requires
        return true;
    }

    /**
     * Takes the lock back at {@code holds} levels after {@link #releaseAll()}, waiting as long as it
     * takes: a condition variable must return holding its lock. An interrupt is kept for later.
     */
    public void reacquire(int holds) {
        boolean interrupted = false;
        while (true) {
            try {
                acquirer.acquire(-1);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        region.putIntVolatile(offset + HOLDS, reentrant ? holds : 1);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One attempt: take the free lock, or enter again when reentrant and already the caller's. */
    private boolean tryTake(long me) {
        if (word.tryTake(me)) {
            entered(1);
            return true;
        }
        if (reentrant && word.owner() == me) {
            entered(region.getIntVolatile(offset + HOLDS) + 1);
            return true;
        }
        return false;
    }

    /** Under the lock: only the holder writes these, so plain ordered writes suffice. */
    private void entered(int holds) {
        region.putIntOrdered(offset + HOLDS, holds);
        region.putOrdered(offset + ACQUISITIONS, region.getVolatile(offset + ACQUISITIONS) + 1);
    }

    /** Takes the lock from its holder if that one's process is gone. */
    private boolean takeOverFromDead(long me) {
        long holder = word.owner();
        if (holder == 0 || holder == me || owners.alive(holder)) {
            return false;
        }
        if (!word.takeOver(holder, me)) {
            return false; // another contender was quicker, or the word changed
        }
        region.putVolatile(offset + LAST_DEAD, holder);
        region.putIntVolatile(offset + ABANDONED, 1);
        region.addAndGet(offset + RECOVERIES, 1);
        entered(1);
        if (waiters != null) {
            waiters.pruneDead(); // the dead holder's process may have had waiters listed too
        }
        return true;
    }

    /** The holder's owner word; 0 when free. */
    public long owner() {
        return word.owner();
    }

    /** Pid of the holding process, empty when free. */
    public Optional<Long> holder() {
        long h = word.owner();
        return h == 0 ? Optional.empty() : Optional.of(owners.pid(h));
    }

    /** True when the caller (this process or this thread, as the lock is owned) holds the lock. */
    public boolean heldByCaller() {
        return word.owner() == owners.current();
    }

    /** Levels the holder holds: 0 when free, 1 for a non-reentrant lock that is held. */
    public int holds() {
        return word.owner() == 0 ? 0 : Math.max(1, region.getIntVolatile(offset + HOLDS));
    }

    /** How many times the lock was taken (each level of a reentrant hold counts). */
    public long acquisitions() {
        return region.getVolatile(offset + ACQUISITIONS);
    }

    /** How many times a contender took the lock over from a dead holder. */
    public long recoveries() {
        return region.getVolatile(offset + RECOVERIES);
    }

    /** The owner word of the last holder the lock was taken over from; 0 when none. */
    public long lastDeadHolder() {
        return region.getVolatile(offset + LAST_DEAD);
    }

    /** True after a takeover from a dead holder, until the holder calls {@link #markConsistent()}. */
    public boolean abandoned() {
        return region.getIntVolatile(offset + ABANDONED) != 0;
    }

    /**
     * Clears the abandoned mark: the holder has repaired what the dead holder left.
     *
     * @return false (and nothing changes) when the caller does not hold the lock
     */
    public boolean markConsistent() {
        if (!heldByCaller()) {
            return false;
        }
        region.putIntVolatile(offset + ABANDONED, 0);
        return true;
    }
}
