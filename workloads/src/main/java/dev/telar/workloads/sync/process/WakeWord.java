package dev.telar.workloads.sync.process;

import dev.telar.probe.Futex;
import dev.telar.workloads.shm.MappedFile;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Where a primitive's waiters sleep: three ints in its shared region, a sequence number, a count
 * of sleepers and a wake-in-flight flag. A sleeper counts itself in, reads the sequence, then the
 * flag, then checks its condition once more, and sleeps on the sequence word (a Linux futex: no
 * CPU until woken). A waker, after changing the state with a full fence, raises the flag, bumps the
 * sequence and wakes everyone, but only when someone sleeps and no wake-up is already on its way:
 * a lock released a million times a second while its waiter sleeps thus costs one system call per
 * sleep of the waiter, not one per release. Sleepers lower the flag when they return.
 *
 * <p>No wake-up is lost: a waker skips only while the flag is up; a sleeper that saw the flag down
 * read the sequence before it, so the waker that raised the flag since then has bumped the
 * sequence and the futex will not sleep (or is woken); a sleeper that saw the flag up does not
 * sleep on the futex but naps {@link #NAP_NANOS} and looks again. Where futexes are missing,
 * sleepers park for at most a millisecond instead. A sleeper never sleeps longer than it is told,
 * so callers can look at holders' liveness and interrupts between sleeps. Thread-safe.
 */
final class WakeWord {
    /** Bytes a wake word takes in a region (8-byte aligned). */
    static final int BYTES = 16;
    static final long NAP_NANOS = 50_000;
    private static final boolean FUTEX = Futex.available();
    private static final long FALLBACK_PARK_NANOS = 1_000_000;

    private final MappedFile region;
    private final long sequence;
    private final long sleepers;
    private final long inFlight;
    private final long address;

    WakeWord(MappedFile region, long offset) {
        this.region = region;
        this.sequence = offset;
        this.sleepers = offset + 4;
        this.inFlight = offset + 8;
        this.address = region.address(offset);
    }

    /** Sleeps until woken, at most {@code maxNanos}, unless {@code ready} already holds. */
    void sleep(BooleanSupplier ready, long maxNanos) {
        region.addAndGetInt(sleepers, 1);
        try {
            int seen = region.getIntVolatile(sequence);
            boolean wakeOnItsWay = region.getIntVolatile(inFlight) != 0;
            if (ready.getAsBoolean()) {
                return;
            }
            if (!FUTEX) {
                LockSupport.parkNanos(this, Math.min(maxNanos, FALLBACK_PARK_NANOS));
            } else if (wakeOnItsWay) {
                LockSupport.parkNanos(this, Math.min(maxNanos, NAP_NANOS));
            } else {
                Futex.await(address, seen, maxNanos);
            }
        } finally {
            region.addAndGetInt(sleepers, -1);
            if (region.getIntVolatile(inFlight) != 0) {
                region.putIntVolatile(inFlight, 0); // awake again: the next change may wake sleepers anew
            }
        }
    }

    /** Wakes every sleeper, if any; call after a state change made with a full fence (CAS or volatile write). */
    void wakeAll() {
        if (region.getIntVolatile(sleepers) != 0 && region.getIntVolatile(inFlight) == 0 && region.compareAndSetInt(inFlight, 0, 1)) {
            region.addAndGetInt(sequence, 1);
            if (FUTEX) {
                Futex.wake(address, Integer.MAX_VALUE);
            }
        }
    }
}
