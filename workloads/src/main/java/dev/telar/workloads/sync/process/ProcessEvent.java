package dev.telar.workloads.sync.process;

import dev.telar.workloads.shm.Backoff;
import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.shm.SpinBudget;
import dev.telar.workloads.shm.WakeWord;
import dev.telar.workloads.sync.EventState;
import dev.telar.workloads.sync.SyncEvent;
import dev.telar.workloads.sync.Waits;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Event between processes: one shared 64-bit word holding the flag (bit 0) and a generation
 * counted up each time the flag goes from clear to set. A waiter remembers the word it saw on
 * arrival and returns as soon as the word differs: the flag was set, possibly cleared again since,
 * so no set is missed however quickly it is undone. Thread-safe.
 */
public final class ProcessEvent extends ProcessPrimitive<EventState> implements SyncEvent {
    private static final int MAX_WAITERS = ProcessSync.SLOTS;
    private static final long WORD = PrimitiveFile.DATA;
    private static final long WAKE = WORD + 8;
    private static final long WAITERS = PrimitiveFile.DATA + 64;
    private static final int DATA_BYTES = 64 + SlotTable.bytes(MAX_WAITERS);

    private final SlotTable waiters;
    private final WakeWord wake;
    private final SpinBudget spin = new SpinBudget();

    private ProcessEvent(MappedFile region, String name) {
        super(region, name);
        this.waiters = new SlotTable(region, WAITERS, MAX_WAITERS);
        this.wake = new WakeWord(region, WAKE);
    }

    /** Opens the event in {@code file}, creating it (clear) when the file does not exist. */
    public static ProcessEvent open(Path file) {
        return new ProcessEvent(PrimitiveFile.openOrCreate(file, PrimitiveFile.Kind.EVENT, DATA_BYTES), ProcessSync.nameOf(file));
    }

    @Override
    public void set() {
        region.ensureOpen();
        while (true) {
            long w = region.getVolatile(WORD);
            if ((w & 1) != 0) {
                return;
            }
            if (region.compareAndSet(WORD, w, ((w >>> 1) + 1) << 1 | 1)) {
                wake.wakeAll();
                return;
            }
        }
    }

    @Override
    public void clear() {
        region.ensureOpen();
        while (true) {
            long w = region.getVolatile(WORD);
            if ((w & 1) == 0 || region.compareAndSet(WORD, w, w & ~1L)) {
                return;
            }
        }
    }

    @Override
    public boolean isSet() {
        region.ensureOpen();
        return (region.getVolatile(WORD) & 1) != 0;
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
        region.ensureOpen();
        long seen = region.getVolatile(WORD);
        if ((seen & 1) != 0) {
            return true;
        }
        if (nanos == 0) {
            return false;
        }
        long deadline = Waits.deadline(nanos);
        Backoff backoff = Backoff.woken(wake, spin, waiters, Owner.current());
        try {
            while (true) {
                if (region.getVolatile(WORD) != seen) {
                    return true;
                }
                if (Waits.passed(deadline)) {
                    return false;
                }
                backoff.pause(deadline, () -> region.getVolatile(WORD) != seen);
            }
        } finally {
            backoff.end();
        }
    }

    @Override
    public EventState state() {
        region.ensureOpen();
        long w = region.getVolatile(WORD);
        return new EventState((w & 1) != 0, waiters.participants(true), w >>> 1);
    }

    @Override
    public String toString() {
        return "ProcessEvent[" + region.path() + "]";
    }
}
