package dev.telar.workloads.shm;

import dev.telar.workloads.words.OwnerWord;
import dev.telar.workloads.words.ProcessWord;
import java.time.Duration;
import java.util.Optional;

/**
 * A lock shared by processes: one 8-byte word in a {@link MappedFile} naming the process that
 * holds it (a {@link ProcessWord}: pid and start time; 0 when free), taken and given back by
 * compare-and-swap ({@link OwnerWord}).
 *
 * <p>Guarantees: mutual exclusion between all threads of all processes mapping the region
 * (ownership is per process: any thread of the holding process may release it). Waiters spin
 * briefly, then park with growing pauses up to 1 ms ({@link Backoff}), so a long wait does not
 * burn a core. Not fair. A holder that dies (kill -9) leaves its pid in the word; a waiter that
 * has waited {@link #DEAD_HOLDER_CHECK} checks whether that process still lives (by
 * {@link dev.telar.probe.ProcessIdentity}'s rule: a pid now held by a process started at another
 * time counts as dead) and, if not, takes the lock over and counts a recovery. The data the dead holder was changing may be half-updated:
 * recovery restores progress, not consistency. Not reentrant.
 *
 * <p>Not the lecture's Lock between processes ({@code sync.process.ProcessLock}, a file of its own,
 * owned per thread, waiters asleep on a futex): this one sits inside another structure's file,
 * beside the data it guards, on the same cache line, and is owned by a whole process.
 */
public final class ProcessMutex {
    /** How long a waiter waits before it checks whether the holder is still alive. */
    public static final Duration DEAD_HOLDER_CHECK = Duration.ofMillis(10);
    /** Bytes a lock takes in its region (the owner word and a recovery counter). */
    public static final int BYTES = 16;
    private static final long SELF = ProcessWord.self();

    private final MappedFile region;
    private final long offset;
    private final OwnerWord word;

    /** The lock whose word is at {@code offset} (8-aligned; {@link #BYTES} bytes) of {@code region}. */
    public ProcessMutex(MappedFile region, long offset) {
        this.region = region;
        this.offset = offset;
        this.word = new OwnerWord(region, offset);
    }

    /** Waits until this process holds the lock. */
    public void lock() {
        if (word.tryTake(SELF)) {
            return;
        }
        Backoff backoff = new Backoff();
        long nextCheck = DEAD_HOLDER_CHECK.toNanos();
        while (true) {
            long holder = word.owner();
            if (holder == 0) {
                if (word.tryTake(SELF)) {
                    return;
                }
                continue;
            }
            backoff.idle();
            if (backoff.parkedNanos() >= nextCheck) {
                nextCheck = backoff.parkedNanos() + DEAD_HOLDER_CHECK.toNanos();
                if (recoverFromDeadHolder(holder)) {
                    return;
                }
            }
        }
    }

    /** Takes the lock if it is free; never waits. */
    public boolean tryLock() {
        return word.tryTake(SELF);
    }

    /** Waits at most {@code timeout} for the lock. */
    public boolean tryLock(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Backoff backoff = new Backoff();
        long nextCheck = DEAD_HOLDER_CHECK.toNanos();
        while (true) {
            long holder = word.owner();
            if (holder == 0 && word.tryTake(SELF)) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            backoff.idle();
            if (holder != 0 && backoff.parkedNanos() >= nextCheck) {
                nextCheck = backoff.parkedNanos() + DEAD_HOLDER_CHECK.toNanos();
                if (recoverFromDeadHolder(holder)) {
                    return true;
                }
            }
        }
    }

    /**
     * Releases the lock.
     *
     * @throws IllegalStateException when this process does not hold it
     */
    public void unlock() {
        if (!word.release(SELF)) {
            throw new IllegalStateException("lock at " + offset + " of " + region.path()
                    + " is not held by this process (holder pid " + ProcessWord.pid(word.owner()) + ")");
        }
    }

    /** Pid of the holding process, empty when free. */
    public Optional<Long> holder() {
        long h = word.owner();
        return h == 0 ? Optional.empty() : Optional.of(ProcessWord.pid(h));
    }

    /** True when this process holds the lock. */
    public boolean heldByThisProcess() {
        return word.owner() == SELF;
    }

    /** How many times a waiter took the lock over from a dead holder. */
    public long recoveries() {
        return region.getVolatile(offset + 8);
    }

    /** Takes the lock from {@code holder} if that process is gone. */
    private boolean recoverFromDeadHolder(long holder) {
        if (ProcessWord.alive(holder)) {
            return false;
        }
        if (word.takeOver(holder, SELF)) {
            region.addAndGet(offset + 8, 1);
            return true;
        }
        return false;
    }
}
