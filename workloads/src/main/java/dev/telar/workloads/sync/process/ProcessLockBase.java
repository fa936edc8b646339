package dev.telar.workloads.sync.process;

import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.shm.ProcessMutex;
import dev.telar.workloads.sync.LockState;
import dev.telar.workloads.sync.Participant;
import dev.telar.workloads.sync.SyncLock;
import dev.telar.workloads.sync.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Lock and RLock between processes: the lecture's vocabulary on the one shared lock,
 * {@link ProcessMutex}, which sits at the start of the primitive's data and does the work (owner
 * word, futex sleep, takeover from a dead holder, statistics; see there for the guarantees). It is
 * owned per thread ({@link Owner#PER_THREAD}: every thread of a JVM is its own owner, as Python's
 * {@code threading.Lock} is held by a thread), and its waiters list themselves in a slot table on
 * the following cache lines so that a panel can name them. This class adds the Python-style
 * errors (releasing a lock one does not hold is an {@link IllegalMonitorStateException}) and the
 * state a panel shows. Thread-safe.
 */
public abstract class ProcessLockBase extends ProcessPrimitive<LockState> implements SyncLock {
    static final int MAX_WAITERS = ProcessSync.SLOTS;

    private static final long MUTEX = PrimitiveFile.DATA;
    private static final long WAITERS = PrimitiveFile.DATA + 64; // on its own cache lines
    static final int DATA_BYTES = 64 + SlotTable.bytes(MAX_WAITERS);

    private final SlotTable waiters;
    private final ProcessMutex mutex;
    private final boolean reentrant;

    ProcessLockBase(MappedFile region, boolean reentrant, String name) {
        super(region, name);
        this.reentrant = reentrant;
        this.waiters = new SlotTable(region, WAITERS, MAX_WAITERS);
        this.mutex = new ProcessMutex(region, MUTEX, Owner.PER_THREAD, reentrant, waiters);
    }

    @Override
    public void acquire() throws InterruptedException {
        mutex.acquire(-1);
    }

    @Override
    public boolean tryAcquire() {
        return mutex.tryLock();
    }

    @Override
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        return mutex.acquire(Waits.nanos(timeout));
    }

    @Override
    public void release() {
        requireHeld("release of");
        if (!mutex.release()) {
            throw takenOver();
        }
    }

    /** @throws IllegalMonitorStateException unless the calling thread holds the lock */
    private void requireHeld(String what) {
        region.ensureOpen();
        long holder = mutex.owner();
        if (holder != Owner.current()) {
            throw new IllegalMonitorStateException(holder == 0 ? what + " an unlocked " + kind()
                    : what + " a " + kind() + " held by " + Owner.participant(holder));
        }
    }

    /** The caller's hold vanished between the check and the release: someone found its process dead. */
    private IllegalMonitorStateException takenOver() {
        return new IllegalMonitorStateException("the " + kind() + " was taken over from "
                + Owner.participant(Owner.current()) + " while it held it");
    }

    private String kind() {
        return reentrant ? "RLock" : "lock";
    }

    @Override
    public boolean isHeldByCurrentThread() {
        region.ensureOpen();
        return mutex.heldByCaller();
    }

    @Override
    public boolean isLocked() {
        region.ensureOpen();
        return mutex.owner() != 0;
    }

    @Override
    public boolean isAbandoned() {
        region.ensureOpen();
        return mutex.abandoned();
    }

    @Override
    public void markConsistent() {
        region.ensureOpen();
        if (!mutex.markConsistent()) {
            throw new IllegalMonitorStateException("markConsistent by a thread that does not hold the " + kind());
        }
    }

    /** The participant the lock was last taken over from, when any. */
    public Optional<Participant> lastDeadHolder() {
        region.ensureOpen();
        long w = mutex.lastDeadHolder();
        return w == 0 ? Optional.empty() : Optional.of(Owner.participant(w));
    }

    /** How many levels the calling thread holds (0 when it does not hold the lock). */
    int holdsOfCurrentThread() {
        region.ensureOpen();
        return mutex.heldByCaller() ? mutex.holds() : 0;
    }

    /** For a Condition: releases every level held by the calling thread; returns how many. */
    int releaseFully() {
        requireHeld("wait on");
        int holds = mutex.releaseAll();
        if (holds == 0) {
            throw takenOver();
        }
        return holds;
    }

    /** For a Condition: takes the lock back at {@code holds} levels; interrupts are kept for later. */
    void reacquire(int holds) {
        mutex.reacquire(holds);
    }

    @Override
    public LockState state() {
        region.ensureOpen();
        long holder = mutex.owner();
        return new LockState(reentrant, holder == 0 ? Optional.empty() : Optional.of(Owner.participant(holder)),
                mutex.holds(), waiters.participants(true), mutex.acquisitions(), mutex.abandoned(), mutex.recoveries());
    }

    /** The shared file. */
    public Path path() {
        return region.path();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + region.path() + "]";
    }
}
