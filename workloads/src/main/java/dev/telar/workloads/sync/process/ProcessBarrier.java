package dev.telar.workloads.sync.process;

import dev.telar.workloads.shm.Backoff;
import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.shm.SpinBudget;
import dev.telar.workloads.shm.WakeWord;
import dev.telar.workloads.sync.BarrierBrokenException;
import dev.telar.workloads.sync.BarrierState;
import dev.telar.workloads.sync.SyncBarrier;
import dev.telar.workloads.sync.Waits;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Barrier between processes. One shared 64-bit word holds the whole round: the number arrived
 * (bits 0-11), a broken flag (bit 12), the generation (bits 13-31, wrapping) and, in bits 32-63,
 * whether each of the last 32 generations ended broken. An arrival is one compare-and-swap that
 * counts it in; the last arrival runs the action (in its own JVM) and opens the barrier by moving
 * to the next generation, recording "not broken"; a timeout or abort sets the broken flag of the
 * current generation; a reset moves on recording "broken" if anyone was waiting. A waiter that
 * sees the generation move on reads its own generation's outcome from the word, so it can never
 * mistake a reset for an opening, even if the barrier is already filling again.
 *
 * <p>Every JVM that opens the barrier is listed as a member until it closes it. A party waiting
 * longer than {@link #FIRST_CHECK_NANOS} checks the members every
 * {@link #CHECK_PERIOD_NANOS}; a member process that died without closing breaks
 * the barrier instead of leaving everyone waiting for it. At most 4095 parties and {@link #MAX_MEMBERS} member
 * processes. Thread-safe.
 */
public final class ProcessBarrier extends ProcessPrimitive<BarrierState> implements SyncBarrier {
    /** Most parties a process barrier can have. */
    public static final int MAX_PARTIES = 0xFFF;
    /** Most processes that can have the barrier open at once. */
    public static final int MAX_MEMBERS = ProcessSync.SLOTS;
    private static final int MAX_WAITING = ProcessSync.SLOTS;
    /** How long a party waits before it first looks at the other members' liveness. */
    static final long FIRST_CHECK_NANOS = 200_000_000L;
    /** How often a waiting party looks again; each look reads every member's {@code /proc} entry. */
    static final long CHECK_PERIOD_NANOS = 100_000_000L;

    private static final long COUNT_MASK = 0xFFF;
    private static final long BROKEN = 1L << 12;
    private static final int GEN_SHIFT = 13;
    private static final long GEN_MASK = (1L << 19) - 1;
    private static final int RING_SHIFT = 32;
    private static final int RING_SIZE = 32;

    private static final long WORD = PrimitiveFile.DATA;
    private static final long ROUNDS = WORD + 8;
    private static final long GENERATION = WORD + 16;
    private static final long REASON = WORD + 24;      // int: why the last break happened
    private static final long WAKE = WORD + 32;
    private static final long MEMBERS = PrimitiveFile.DATA + 64;
    private static final long WAITING = MEMBERS + SlotTable.bytes(MAX_MEMBERS);
    private static final int DATA_BYTES = 64 + SlotTable.bytes(MAX_MEMBERS) + SlotTable.bytes(MAX_WAITING);

    private static final String[] REASONS = {"", "a party timed out", "aborted", "the barrier action failed",
        "a party process died", "reset while parties waited", "a waiting party was interrupted"};
    private static final int TIMEOUT = 1;
    private static final int ABORT = 2;
    private static final int ACTION = 3;
    private static final int DEAD_PARTY = 4;
    private static final int RESET = 5;
    private static final int INTERRUPTED = 6;

    private final SlotTable members;
    private final SlotTable waiting;
    private final WakeWord wake;
    private final SpinBudget spin = new SpinBudget();
    private final int parties;
    private final long defaultTimeoutNanos;
    private final Runnable action;
    private final long memberWord = Owner.process();
    private final int memberSlot;

    private ProcessBarrier(MappedFile region, String name, Runnable action) {
        super(region, name);
        this.parties = (int) PrimitiveFile.param(region, 0);
        this.defaultTimeoutNanos = PrimitiveFile.param(region, 1);
        this.action = action;
        this.members = new SlotTable(region, MEMBERS, MAX_MEMBERS);
        this.waiting = new SlotTable(region, WAITING, MAX_WAITING);
        this.wake = new WakeWord(region, WAKE);
        int slot = members.claim(memberWord, 0);
        if (slot < 0) {
            region.close();
            throw new IllegalStateException("more than " + MAX_MEMBERS + " processes opened barrier " + name);
        }
        this.memberSlot = slot;
    }

    /**
     * Opens the barrier in {@code file}, creating it when absent, and lists this JVM as a member
     * until {@link #close()}.
     *
     * @param action  run by the last party to arrive, in its own JVM; null for none
     * @param timeout default timeout of {@link #await()}; null for none
     * @throws IllegalArgumentException for parties outside 1..{@link #MAX_PARTIES}, or when the file
     *                                  holds a barrier with other parties or timeout
     */
    public static ProcessBarrier open(Path file, int parties, Runnable action, Duration timeout) {
        if (parties < 1 || parties > MAX_PARTIES) {
            throw new IllegalArgumentException("a process barrier needs 1.." + MAX_PARTIES + " parties, not " + parties);
        }
        long nanos = Waits.nanosOrNone(timeout);
        MappedFile r = PrimitiveFile.openOrCreate(file, PrimitiveFile.Kind.BARRIER, DATA_BYTES, parties, nanos);
        return new ProcessBarrier(r, ProcessSync.nameOf(file), action);
    }

    private static int count(long w) {
        return (int) (w & COUNT_MASK);
    }

    private static boolean broken(long w) {
        return (w & BROKEN) != 0;
    }

    private static long gen(long w) {
        return (w >>> GEN_SHIFT) & GEN_MASK;
    }

    /** The word of the next generation, empty and whole, remembering how this one ended. */
    private static long advanced(long w, boolean endedBroken) {
        long ring = ((w >>> RING_SHIFT) << 1 | (endedBroken ? 1 : 0)) & 0xFFFF_FFFFL;
        return ring << RING_SHIFT | ((gen(w) + 1) & GEN_MASK) << GEN_SHIFT;
    }

    /** How generation {@code g} ended, read from a word of a later generation. */
    private static boolean endedBroken(long w, long g) {
        long d = (gen(w) - g) & GEN_MASK;
        if (d < 1 || d > RING_SIZE) {
            return true; // too long ago to know; never happens to a party still waiting
        }
        return ((w >>> RING_SHIFT) >>> (d - 1) & 1) != 0;
    }

    @Override
    public int await() throws InterruptedException {
        return awaitNanos(defaultTimeoutNanos);
    }

    @Override
    public int await(Duration timeout) throws InterruptedException {
        return awaitNanos(Waits.nanosOrNone(timeout));
    }

    private int awaitNanos(long nanos) throws InterruptedException {
        region.ensureOpen();
        long w;
        Backoff full = null;
        while (true) {
            w = region.getVolatile(WORD);
            if (broken(w)) {
                throw broken();
            }
            if (count(w) >= parties) {
                // the last party of this round is running the action: the next round starts soon
                if (full == null) {
                    full = Backoff.woken(wake, spin);
                }
                long seenFull = w;
                full.pause(Long.MAX_VALUE, () -> region.getVolatile(WORD) != seenFull);
                continue;
            }
            if (region.compareAndSet(WORD, w, w + 1)) {
                break;
            }
        }
        int index = count(w);
        long g = gen(w);
        if (index == parties - 1) {
            return openBarrier(g, index);
        }
        return waitForOthers(g, index, nanos);
    }

    private int openBarrier(long g, int index) {
        if (action != null) {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                breakGeneration(g, ACTION);
                throw new BarrierBrokenException("barrier " + name + " broken: its action failed", e);
            }
        }
        while (true) {
            long w = region.getVolatile(WORD);
            if (gen(w) != g || broken(w)) {
                throw broken(); // broken (timeout, abort, reset) while the action ran
            }
            if (region.compareAndSet(WORD, w, advanced(w, false))) {
                region.addAndGet(ROUNDS, 1);
                region.addAndGet(GENERATION, 1);
                wake.wakeAll();
                return index;
            }
        }
    }

    private int waitForOthers(long g, int index, long nanos) throws InterruptedException {
        long me = Owner.current();
        int slot = waiting.claim(me, (int) Owner.tag(me));
        long deadline = Waits.deadline(nanos);
        Backoff backoff = Backoff.woken(wake, spin);
        long nextCheck = FIRST_CHECK_NANOS;
        java.util.function.BooleanSupplier moved = () -> {
            long now = region.getVolatile(WORD);
            return gen(now) != g || broken(now);
        };
        try {
            while (true) {
                long w = region.getVolatile(WORD);
                if (gen(w) != g) {
                    if (endedBroken(w, g)) {
                        throw broken();
                    }
                    return index;
                }
                if (broken(w)) {
                    throw broken();
                }
                if (Waits.passed(deadline)) {
                    breakGeneration(g, TIMEOUT);
                    continue; // read the outcome: the barrier may have opened just in time
                }
                long elapsed = backoff.elapsed();
                if (elapsed >= nextCheck) {
                    if (members.pruneDead() > 0) {
                        breakGeneration(g, DEAD_PARTY);
                        continue;
                    }
                    nextCheck = elapsed + CHECK_PERIOD_NANOS;
                }
                if (backoff.pauseUninterruptibly(deadline, moved)) {
                    breakGeneration(g, INTERRUPTED);
                    long after = region.getVolatile(WORD);
                    if (gen(after) != g && !endedBroken(after, g)) {
                        Thread.currentThread().interrupt(); // the round ended well anyway
                        return index;
                    }
                    throw new InterruptedException("interrupted while waiting at barrier " + name);
                }
            }
        } finally {
            backoff.end();
            if (slot >= 0) {
                waiting.release(slot, me);
            }
        }
    }

    /** Sets the broken flag of generation {@code g}, unless it has ended or is broken already. */
    private void breakGeneration(long g, int reason) {
        while (true) {
            long w = region.getVolatile(WORD);
            if (gen(w) != g || broken(w)) {
                return;
            }
            region.putIntVolatile(REASON, reason);
            if (region.compareAndSet(WORD, w, w | BROKEN)) {
                wake.wakeAll();
                return;
            }
        }
    }

    private BarrierBrokenException broken() {
        int reason = region.getIntVolatile(REASON);
        String why = reason > 0 && reason < REASONS.length ? ": " + REASONS[reason] : "";
        return new BarrierBrokenException("barrier " + name + " is broken" + why);
    }

    @Override
    public void abort() {
        region.ensureOpen();
        breakGeneration(gen(region.getVolatile(WORD)), ABORT);
    }

    @Override
    public void reset() {
        region.ensureOpen();
        while (true) {
            long w = region.getVolatile(WORD);
            boolean spoilt = broken(w) || count(w) > 0;
            if (count(w) > 0 && !broken(w)) {
                region.putIntVolatile(REASON, RESET);
            }
            if (region.compareAndSet(WORD, w, advanced(w, spoilt))) {
                region.addAndGet(GENERATION, 1);
                wake.wakeAll();
                return;
            }
        }
    }

    @Override
    public boolean isBroken() {
        region.ensureOpen();
        return broken(region.getVolatile(WORD));
    }

    @Override
    public int parties() {
        return parties;
    }

    @Override
    public int waiting() {
        region.ensureOpen();
        long w = region.getVolatile(WORD);
        return broken(w) ? 0 : Math.min(count(w), parties - 1);
    }

    @Override
    public BarrierState state() {
        region.ensureOpen();
        long w = region.getVolatile(WORD);
        return new BarrierState(parties, Math.min(count(w), parties - 1), waiting.participants(true),
                region.getVolatile(GENERATION), region.getVolatile(ROUNDS), broken(w));
    }

    /** Leaves the member list, then unmaps the file. */
    @Override
    public void close() {
        if (memberSlot >= 0) {
            try {
                region.ensureOpen();
                members.release(memberSlot, memberWord);
            } catch (IllegalStateException alreadyClosed) {
                return;
            }
        }
        region.close();
    }

    @Override
    public String toString() {
        return "ProcessBarrier[" + region.path() + "]";
    }
}
