package dev.telar.workloads.sync.process;

import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.sync.LockState;
import dev.telar.workloads.sync.SyncLock;
import dev.telar.workloads.words.OwnerWord;
import java.time.Duration;
import java.util.Optional;

/**
 * Lock and RLock between processes (acquired through {@link Acquirer}): the owner word of the holder in one shared 64-bit slot, taken
 * by compare-and-swap from 0 and given back by a compare-and-swap to 0 ({@link OwnerWord}; a full
 * fence, so the holder's writes to the protected data are visible before the lock looks free). Not fair.
 *
 * <p>Robust: a participant that fails to take the lock looks whether the holder process still
 * lives (at most every {@link #CHECK_PERIOD_NANOS} per JVM, one read of {@code /proc}; a waiter
 * sleeps at most {@link WakeBackoff#SLICE_NANOS} between looks); when it is gone the participant swaps
 * the dead owner word for its own, so exactly one takes over, and marks the lock abandoned. A
 * waiter, or a non-blocking acquirer that keeps trying, thus gets the lock well within a second
 * of the holder's death.
 * Thread-safe; every thread of a JVM is its own owner.
 */
public abstract class ProcessLockBase extends ProcessPrimitive<LockState> implements SyncLock {
    /** How long a barrier party waits before it first looks at the other members' liveness. */
    static final long FIRST_CHECK_NANOS = 200_000_000L;
    static final long CHECK_PERIOD_NANOS = 100_000_000L;
    static final int MAX_WAITERS = ProcessSync.SLOTS;

    private static final long OWNER = PrimitiveFile.DATA;          // owner word, 0 = free
    private static final long COUNT = OWNER + 8;                  // int: hold count (RLock)
    private static final long ABANDONED = COUNT + 4;              // int: 1 after a takeover, until markConsistent
    private static final long ACQUISITIONS = OWNER + 16;          // long: written by the holder
    private static final long TAKEOVERS = OWNER + 24;             // long
    private static final long LAST_DEAD = OWNER + 32;             // long: owner word of the last dead holder
    private static final long WAKE = OWNER + 40;                  // wake word: sequence, sleepers, wake in flight
    private static final long WAITERS = PrimitiveFile.DATA + 64;   // slot table, on its own cache lines
    static final int DATA_BYTES = 64 + SlotTable.bytes(MAX_WAITERS);

    private final OwnerWord lockWord;
    private final SlotTable waiters;
    private final WakeWord wake;
    private final Acquirer acquirer;
    private final boolean reentrant;

    ProcessLockBase(MappedFile region, boolean reentrant, String name) {
        super(region, name);
        this.reentrant = reentrant;
        this.lockWord = new OwnerWord(region, OWNER);
        this.waiters = new SlotTable(region, WAITERS, MAX_WAITERS);
        this.wake = new WakeWord(region, WAKE);
        this.acquirer = new Acquirer(region, waiters, wake, this::tryTake, this::takeOverFromDead, this::looksFree);
    }

    @Override
    public void acquire() throws InterruptedException {
        acquirer.acquire();
    }

    @Override
    public boolean tryAcquire() {
        return acquirer.tryAcquire();
    }

    @Override
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        return acquirer.tryAcquire(timeout);
    }

    private boolean looksFree() {
        return region.getVolatile(OWNER) == 0;
    }

    /** One attempt: take the free lock, or enter again when reentrant and already ours. */
    private boolean tryTake(long me) {
        if (lockWord.tryTake(me)) {
            entered(1);
            return true;
        }
        if (reentrant && lockWord.owner() == me) {
            entered(region.getIntVolatile(COUNT) + 1);
            return true;
        }
        return false;
    }

    /** Under the lock: only the holder writes these. */
    private void entered(int holds) {
        region.putIntOrdered(COUNT, holds);
        region.putOrdered(ACQUISITIONS, region.getVolatile(ACQUISITIONS) + 1);
    }

    private boolean takeOverFromDead(long me) {
        long holder = region.getVolatile(OWNER);
        if (holder == 0 || holder == me || Owner.isAlive(holder)) {
            return false;
        }
        if (!lockWord.takeOver(holder, me)) {
            return false; // another waiter was quicker, or the word changed
        }
        region.putVolatile(LAST_DEAD, holder);
        region.putIntVolatile(ABANDONED, 1);
        region.addAndGet(TAKEOVERS, 1);
        entered(1);
        waiters.pruneDead();
        return true;
    }

    @Override
    public void release() {
        region.ensureOpen();
        long me = Owner.current();
        long holder = region.getVolatile(OWNER);
        if (holder != me) {
            throw new IllegalMonitorStateException(holder == 0 ? "release of an unlocked " + kind()
                    : "release of a " + kind() + " held by " + Owner.participant(holder));
        }
        int holds = region.getIntVolatile(COUNT);
        if (reentrant && holds > 1) {
            region.putIntOrdered(COUNT, holds - 1);
            return;
        }
        region.putIntOrdered(COUNT, 0);
        releaseWord(me); // a full fence before wakeAll reads the sleepers
        wake.wakeAll();
    }

    private String kind() {
        return reentrant ? "RLock" : "lock";
    }

    @Override
    public boolean isHeldByCurrentThread() {
        region.ensureOpen();
        return region.getVolatile(OWNER) == Owner.current();
    }

    @Override
    public boolean isLocked() {
        region.ensureOpen();
        return region.getVolatile(OWNER) != 0;
    }

    @Override
    public boolean isAbandoned() {
        region.ensureOpen();
        return region.getIntVolatile(ABANDONED) != 0;
    }

    @Override
    public void markConsistent() {
        if (!isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("markConsistent by a thread that does not hold the " + kind());
        }
        region.putIntVolatile(ABANDONED, 0);
    }

    /** The participant the lock was last taken over from, when any. */
    public Optional<dev.telar.workloads.sync.Participant> lastDeadHolder() {
        region.ensureOpen();
        long w = region.getVolatile(LAST_DEAD);
        return w == 0 ? Optional.empty() : Optional.of(Owner.participant(w));
    }

    /** How many levels the calling thread holds (0 when it does not hold the lock). */
    int holdsOfCurrentThread() {
        region.ensureOpen();
        return region.getVolatile(OWNER) == Owner.current() ? Math.max(1, region.getIntVolatile(COUNT)) : 0;
    }

    /** For a Condition: releases every level held by the calling thread; returns how many. */
    int releaseFully() {
        long me = Owner.current();
        if (region.getVolatile(OWNER) != me) {
            throw new IllegalMonitorStateException("the " + kind() + " is not held by this thread");
        }
        int holds = Math.max(1, region.getIntVolatile(COUNT));
        region.putIntVolatile(COUNT, 0);
        releaseWord(me);
        wake.wakeAll();
        return holds;
    }

    /** Frees the owner word; only a takeover (by someone who found this process dead) can stop it. */
    private void releaseWord(long me) {
        if (!lockWord.release(me)) {
            throw new IllegalMonitorStateException("the " + kind() + " was taken over from " + Owner.participant(me)
                    + " while it held it");
        }
    }

    /** For a Condition: takes the lock back at {@code holds} levels; interrupts are kept for later. */
    void reacquire(int holds) {
        long me = Owner.current();
        boolean interrupted = false;
        while (true) {
            try {
                acquirer.acquire();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        region.putIntVolatile(COUNT, reentrant ? holds : 1);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        assert region.getVolatile(OWNER) == me;
    }

    @Override
    public LockState state() {
        region.ensureOpen();
        long holder = region.getVolatile(OWNER);
        int holds = holder == 0 ? 0 : Math.max(1, region.getIntVolatile(COUNT));
        return new LockState(reentrant, holder == 0 ? Optional.empty() : Optional.of(Owner.participant(holder)),
                holds, waiters.participants(true), region.getVolatile(ACQUISITIONS), region.getIntVolatile(ABANDONED) != 0,
                region.getVolatile(TAKEOVERS));
    }

    /** The shared file. */
    public java.nio.file.Path path() {
        return region.path();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + region.path() + "]";
    }
}
