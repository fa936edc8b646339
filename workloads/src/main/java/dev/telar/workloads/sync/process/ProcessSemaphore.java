package dev.telar.workloads.sync.process;

import dev.telar.workloads.shm.Acquirer;
import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.shm.WakeWord;
import dev.telar.workloads.sync.Participant;
import dev.telar.workloads.sync.SemaphoreState;
import dev.telar.workloads.sync.SyncSemaphore;
import dev.telar.workloads.sync.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Semaphore and BoundedSemaphore between processes. Each permit is a 64-bit slot holding the owner
 * word of its holder (0 when free); the first {@code issued} slots exist. Taking a permit is one
 * compare-and-swap of a free slot to one's own word, so holding and being recorded as holder are
 * the same step: a process that dies holding permits leaves exactly those slots behind, and a
 * participant that finds no free permit (at most every {@link #DEAD_HOLDER_SCAN} per JVM: a scan
 * reads the {@code /proc} entry of every holder) swaps a dead holder's slot for its own word,
 * marking the semaphore abandoned. Waiting is the shared lock's ({@link Acquirer}: spin, then
 * sleep on a futex in the file until a release). A release frees the caller's own slot; a release
 * by a participant without a permit issues one more slot (unbounded) or frees someone's slot
 * (bounded; an error when none is held). At most {@link #MAX_PERMITS} permits. Not fair.
 * Thread-safe.
 */
public final class ProcessSemaphore extends ProcessPrimitive<SemaphoreState> implements SyncSemaphore {
    /** Most permits a process semaphore can have out or free at once. */
    public static final int MAX_PERMITS = ProcessSync.SLOTS;
    /** How often a JVM's acquirers look at most for permits of dead holders. */
    static final Duration DEAD_HOLDER_SCAN = Duration.ofMillis(100);
    private static final int MAX_WAITERS = ProcessSync.SLOTS;

    private static final long ISSUED = PrimitiveFile.DATA;       // int: slots in use
    private static final long ABANDONED = ISSUED + 4;           // int
    private static final long ACQUISITIONS = ISSUED + 8;        // long
    private static final long TAKEOVERS = ISSUED + 16;          // long
    private static final long WAKE = ISSUED + 24;               // wake word
    private static final long PERMITS = PrimitiveFile.DATA + 64;
    private static final long WAITERS = PERMITS + SlotTable.bytes(MAX_PERMITS);
    private static final int DATA_BYTES = 64 + SlotTable.bytes(MAX_PERMITS) + SlotTable.bytes(MAX_WAITERS);

    private final SlotTable permits;
    private final SlotTable waiters;
    private final WakeWord wake;
    private final Acquirer acquirer;
    private final int initial;
    private final boolean bounded;

    private ProcessSemaphore(MappedFile region, String name) {
        super(region, name);
        this.initial = (int) PrimitiveFile.param(region, 0);
        this.bounded = PrimitiveFile.param(region, 1) != 0;
        this.permits = new SlotTable(region, PERMITS, MAX_PERMITS);
        this.waiters = new SlotTable(region, WAITERS, MAX_WAITERS);
        this.wake = new WakeWord(region, WAKE);
        this.acquirer = new Acquirer(region, wake, waiters, Owner.PER_THREAD, DEAD_HOLDER_SCAN, this::tryTake,
                this::takeOverFromDead, () -> available() > 0);
    }

    /**
     * Opens the semaphore in {@code file}, creating it with {@code value} free permits when absent.
     *
     * @throws IllegalArgumentException for a value outside 0..{@link #MAX_PERMITS}, or when the file
     *                                  holds a semaphore with another value or boundedness
     */
    public static ProcessSemaphore open(Path file, int value, boolean bounded) {
        if (value < 0 || value > MAX_PERMITS) {
            throw new IllegalArgumentException("a process semaphore's value must be 0.." + MAX_PERMITS + ", not " + value);
        }
        MappedFile r = PrimitiveFile.openOrCreate(file, PrimitiveFile.Kind.SEMAPHORE, DATA_BYTES,
                created -> created.putIntVolatile(ISSUED, value), value, bounded ? 1 : 0);
        return new ProcessSemaphore(r, ProcessSync.nameOf(file));
    }

    @Override
    public void acquire() throws InterruptedException {
        acquirer.acquire(-1);
    }

    @Override
    public boolean tryAcquire() {
        return acquirer.tryNow();
    }

    @Override
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        return acquirer.acquire(Waits.nanos(timeout));
    }

    /** One pass over the issued permits, starting at a slot that depends on the thread. */
    private boolean tryTake(long me) {
        int hint = (int) (Owner.tag(me) * 7 + Owner.pid(me));
        int issued = region.getIntVolatile(ISSUED);
        for (int k = 0; k < issued; k++) {
            long off = permits.offset(Math.floorMod(hint + k, issued));
            if (region.getVolatile(off) == 0 && region.compareAndSet(off, 0, me)) {
                region.addAndGet(ACQUISITIONS, 1);
                return true;
            }
        }
        return false;
    }

    private boolean takeOverFromDead(long me) {
        int issued = region.getIntVolatile(ISSUED);
        for (int i = 0; i < issued; i++) {
            long w = permits.get(i);
            if (w != 0 && !Owner.isAlive(w) && region.compareAndSet(permits.offset(i), w, me)) {
                region.putIntVolatile(ABANDONED, 1);
                region.addAndGet(TAKEOVERS, 1);
                region.addAndGet(ACQUISITIONS, 1);
                waiters.pruneDead();
                return true;
            }
        }
        return false;
    }

    @Override
    public void release() {
        region.ensureOpen();
        long me = Owner.current();
        int issued = region.getIntVolatile(ISSUED);
        for (int i = issued - 1; i >= 0; i--) {
            if (permits.get(i) == me && permits.release(i, me)) {
                wake.wakeAll();
                return;
            }
        }
        if (bounded) {
            for (int i = 0; i < issued; i++) {
                long w = permits.get(i);
                if (w != 0 && permits.release(i, w)) {
                    wake.wakeAll();
                    return;
                }
            }
            throw new IllegalStateException("semaphore released too many times (bound " + initial + ")");
        }
        while (true) {
            int n = region.getIntVolatile(ISSUED);
            if (n >= MAX_PERMITS) {
                throw new IllegalStateException("a process semaphore holds at most " + MAX_PERMITS + " permits");
            }
            if (region.compareAndSetInt(ISSUED, n, n + 1)) {
                wake.wakeAll();
                return;
            }
        }
    }

    @Override
    public int available() {
        region.ensureOpen();
        int issued = region.getIntVolatile(ISSUED);
        int free = 0;
        for (int i = 0; i < issued; i++) {
            if (permits.get(i) == 0) {
                free++;
            }
        }
        return free;
    }

    @Override
    public boolean isBounded() {
        return bounded;
    }

    @Override
    public boolean isAbandoned() {
        region.ensureOpen();
        return region.getIntVolatile(ABANDONED) != 0;
    }

    @Override
    public void markConsistent() {
        region.ensureOpen();
        region.putIntVolatile(ABANDONED, 0);
    }

    @Override
    public SemaphoreState state() {
        region.ensureOpen();
        int issued = region.getIntVolatile(ISSUED);
        List<Participant> holders = new ArrayList<>();
        int free = 0;
        for (int i = 0; i < issued; i++) {
            long w = permits.get(i);
            if (w == 0) {
                free++;
            } else {
                holders.add(Owner.participant(w));
            }
        }
        return new SemaphoreState(initial, bounded, free, holders, waiters.participants(true),
                region.getVolatile(ACQUISITIONS), region.getIntVolatile(ABANDONED) != 0, region.getVolatile(TAKEOVERS));
    }

    @Override
    public String toString() {
        return (bounded ? "ProcessBoundedSemaphore[" : "ProcessSemaphore[") + region.path() + "]";
    }
}
