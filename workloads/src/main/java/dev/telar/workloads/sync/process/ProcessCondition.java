package dev.telar.workloads.sync.process;

import dev.telar.workloads.shm.Backoff;
import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.shm.SpinBudget;
import dev.telar.workloads.shm.WakeWord;
import dev.telar.workloads.sync.ConditionState;
import dev.telar.workloads.sync.Participant;
import dev.telar.workloads.sync.SyncCondition;
import dev.telar.workloads.sync.SyncLock;
import dev.telar.workloads.sync.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Condition between processes, on a {@link ProcessLock} or {@link ProcessRLock}. Each waiter, while
 * it still holds the lock, claims a slot of two words: its owner word (the claim: a compare-and-swap
 * from 0) and then a state word (ticket number, and WAITING, NOTIFIED or CANCELLED). A signal, also
 * under the lock, moves the oldest tickets from WAITING to NOTIFIED by compare-and-swap; a waiter
 * that times out moves its own from WAITING to CANCELLED by compare-and-swap. Exactly one of the
 * two succeeds, so a signal is never spent on a waiter that has given up, and none is lost.
 *
 * <p>A waiter killed while waiting leaves its slot behind: signals skip it (and free it) without
 * counting it, and a waiter that finds every slot taken first frees the slots of dead owners, so
 * dead waiters never use up signals or room. As the owner word is written before the state, a
 * WAITING state without an owner can only be a slot freed from a dead waiter, and is skipped.
 * At most {@link #MAX_WAITERS} live waiters at once. Thread-safe.
 */
public final class ProcessCondition extends ProcessPrimitive<ConditionState> implements SyncCondition {
    /** Most participants that can wait at once. */
    public static final int MAX_WAITERS = ProcessSync.SLOTS;
    private static final long FREE = 0;
    private static final long WAITING = 1;
    private static final long NOTIFIED = 2;
    private static final long CANCELLED = 3;

    private static final long TICKET = PrimitiveFile.DATA;         // long: last ticket handed out
    private static final long SIGNAL_CALLS = TICKET + 8;
    private static final long WOKEN = TICKET + 16;
    private static final long WAKE = TICKET + 24;
    private static final long SLOTS = PrimitiveFile.DATA + 64;     // MAX_WAITERS x (state, owner)
    private static final int DATA_BYTES = 64 + MAX_WAITERS * 16;

    private final ProcessLockBase lock;
    private final WakeWord wake;
    private final SpinBudget spin = new SpinBudget();

    private ProcessCondition(MappedFile region, ProcessLockBase lock, String name) {
        super(region, name);
        this.lock = lock;
        this.wake = new WakeWord(region, WAKE);
    }

    /**
     * Opens the condition in {@code file} bound to {@code lock}, creating it when absent.
     *
     * @throws IllegalArgumentException when {@code lock} is not a process lock, or not the lock the
     *                                  condition was created with
     */
    public static ProcessCondition open(Path file, SyncLock lock) {
        if (!(lock instanceof ProcessLockBase base)) {
            throw new IllegalArgumentException("a process Condition needs a process Lock or RLock, not " + lock);
        }
        long lockId = base.path().getFileName().toString().hashCode();
        MappedFile r = PrimitiveFile.openOrCreate(file, PrimitiveFile.Kind.CONDITION, DATA_BYTES, lockId);
        return new ProcessCondition(r, base, ProcessSync.nameOf(file));
    }

    private static long stateOffset(int slot) {
        return SLOTS + 16L * slot;
    }

    private static long ownerOffset(int slot) {
        return SLOTS + 16L * slot + 8;
    }

    @Override
    public SyncLock lock() {
        return lock;
    }

    private void requireLock(String what) {
        region.ensureOpen();
        Waits.requireHeld(lock, what);
    }

    @Override
    public void await() throws InterruptedException {
        awaitNanos(-1);
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return awaitNanos(Waits.nanos(timeout));
    }

    private boolean awaitNanos(long nanos) throws InterruptedException {
        requireLock("wait");
        long me = Owner.current();
        long ticket = region.addAndGet(TICKET, 1);
        long waiting = ticket << 2 | WAITING;
        int slot = claim(waiting, me);
        int holds = lock.releaseFully();
        long deadline = Waits.deadline(nanos);
        Backoff backoff = Backoff.woken(wake, spin);
        long stateAt = stateOffset(slot);
        java.util.function.BooleanSupplier changed = () -> region.getVolatile(stateAt) != waiting;
        boolean signalled;
        boolean interrupted = false;
        try {
            while (true) {
                if (region.getVolatile(stateOffset(slot)) != waiting) {
                    signalled = true; // only a signal changes a WAITING word of ours
                    break;
                }
                if (Waits.passed(deadline)) {
                    signalled = !region.compareAndSet(stateOffset(slot), waiting, ticket << 2 | CANCELLED);
                    break;
                }
                if (backoff.pauseUninterruptibly(deadline, changed)) {
                    interrupted = true;
                    signalled = !region.compareAndSet(stateOffset(slot), waiting, ticket << 2 | CANCELLED);
                    break;
                }
            }
        } finally {
            backoff.end();
            region.putVolatile(stateOffset(slot), FREE); // the state first: an owner word of 0 frees the slot
            region.putVolatile(ownerOffset(slot), 0);
            lock.reacquire(holds);
        }
        if (interrupted) {
            Waits.interruptedWait(signalled, name);
        }
        return signalled;
    }

    /** Under the lock: a free slot for this waiter, freeing dead waiters' slots when none is free. */
    private int claim(long waiting, long me) {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < MAX_WAITERS; i++) {
                if (region.getVolatile(ownerOffset(i)) == 0 && region.compareAndSet(ownerOffset(i), 0, me)) {
                    region.putVolatile(stateOffset(i), waiting);
                    return i;
                }
            }
            if (pruneDead() == 0) {
                break;
            }
        }
        throw new IllegalStateException("more than " + MAX_WAITERS + " participants wait on condition " + name);
    }

    /** Under the lock: frees every slot whose owner process died; returns how many. */
    private int pruneDead() {
        int freed = 0;
        for (int i = 0; i < MAX_WAITERS; i++) {
            long owner = region.getVolatile(ownerOffset(i));
            if (owner != 0 && !Owner.isAlive(owner) && free(i, region.getVolatile(stateOffset(i)), owner)) {
                freed++;
            }
        }
        return freed;
    }

    /** Frees a dead waiter's slot: the state, then the owner word that makes it claimable. */
    private boolean free(int slot, long state, long owner) {
        return region.compareAndSet(stateOffset(slot), state, FREE) && region.compareAndSet(ownerOffset(slot), owner, 0);
    }

    @Override
    public int signal(int n) {
        requireLock("notify");
        long[][] waiting = waitingSlots();
        int woken = 0;
        for (long[] w : waiting) {
            if (woken >= n) {
                break;
            }
            int slot = (int) w[1];
            long word = w[0];
            long owner = region.getVolatile(ownerOffset(slot));
            if (owner == 0) {
                continue; // a state left by a dead waiter whose slot was freed
            }
            if (!Owner.isAlive(owner)) {
                free(slot, word, owner); // its process died while waiting: not worth a signal
                continue;
            }
            if (region.compareAndSet(stateOffset(slot), word, (word & ~3L) | NOTIFIED)) {
                woken++;
            }
        }
        region.addAndGet(SIGNAL_CALLS, 1);
        region.addAndGet(WOKEN, woken);
        if (woken > 0) {
            wake.wakeAll();
        }
        return woken;
    }

    /** WAITING slots as {state word, slot}, oldest ticket first. */
    private long[][] waitingSlots() {
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < MAX_WAITERS; i++) {
            long s = region.getVolatile(stateOffset(i));
            if ((s & 3) == WAITING) {
                out.add(new long[] {s, i});
            }
        }
        long[][] arr = out.toArray(new long[0][]);
        Arrays.sort(arr, Comparator.comparingLong(a -> a[0] >>> 2));
        return arr;
    }

    @Override
    public ConditionState state() {
        region.ensureOpen();
        List<Participant> list = new ArrayList<>();
        for (long[] w : waitingSlots()) {
            long owner = region.getVolatile(ownerOffset((int) w[1]));
            if (owner != 0 && Owner.isAlive(owner)) {
                list.add(Owner.participant(owner));
            }
        }
        return new ConditionState(lock.state(), list, region.getVolatile(SIGNAL_CALLS), region.getVolatile(WOKEN));
    }

    @Override
    public String toString() {
        return "ProcessCondition[" + region.path() + "]";
    }
}
