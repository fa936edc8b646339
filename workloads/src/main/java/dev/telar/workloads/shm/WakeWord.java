package dev.telar.workloads.shm;

import dev.telar.probe.Futex;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Where the waiters of a shared structure sleep: three ints in its mapped file, a sequence number,
 * a count of sleepers and a wake-in-flight flag. A sleeper counts itself in, reads the sequence,
 * then the flag, then checks its condition once more, and sleeps on the sequence word (a Linux
 * futex: no CPU until woken). A waker, after changing the state with a full fence, raises the flag,
 * bumps the sequence and wakes everyone, but only when someone sleeps and no wake-up is already on
 * its way: a lock released a million times a second while its waiter sleeps thus costs one system
 * call per sleep of the waiter, not one per release. Sleepers lower the flag when they return.
 *
 * <p>No wake-up is lost: a waker skips only while the flag is up; a sleeper that saw the flag down
 * read the sequence before it, so the waker that raised the flag since then has bumped the
 * sequence and the futex will not sleep (or is woken); a sleeper that saw the flag up does not
 * sleep on the futex but naps {@link #NAP_NANOS} and looks again. Where futexes are missing,
 * sleepers park for at most a millisecond instead. A sleeper never sleeps longer than it is told,
 * so callers can look at holders' liveness and interrupts between sleeps.
 *
 * <p>The futex calls are bound (JNA, a few hundred milliseconds in a fresh JVM) the first time
 * this process sleeps or wakes a sleeper, or at {@link #bind()}: an exchange child that never
 * waits long for a lock does not pay for them at start-up. Thread-safe.
 */
public final class WakeWord {
    /** Bytes a wake word takes in a region (8-byte aligned). */
    public static final int BYTES = 16;
    static final long NAP_NANOS = 50_000;
    private static final long FALLBACK_PARK_NANOS = 1_000_000;

    private final MappedFile region;
    private final long sequence;
    private final long sleepers;
    private final long inFlight;
    /** The sequence word's address in this JVM, 0 until first needed (finding it binds the futex calls). */
    private volatile long address;

    /** The wake word at {@code offset} (8-aligned, {@link #BYTES} bytes) of {@code region}. */
    public WakeWord(MappedFile region, long offset) {
        this.region = region;
        this.sequence = offset;
        this.sleepers = offset + 4;
        this.inFlight = offset + 8;
    }

    /** Binds the futex calls now rather than at the first sleep; true when futexes are available. */
    public static boolean bind() {
        return Kernel.FUTEX;
    }

    /** Loaded on first use only: its initialisation binds the futex calls. */
    private static final class Kernel {
        static final boolean FUTEX = Futex.available();
    }

    private long address() {
        long a = address;
        if (a == 0) {
            a = region.address(sequence);
            address = a;
        }
        return a;
    }

    /** Sleeps until woken, at most {@code maxNanos}, unless {@code ready} already holds. */
    public void sleep(BooleanSupplier ready, long maxNanos) {
        region.addAndGetInt(sleepers, 1);
        try {
            int seen = region.getIntVolatile(sequence);
            boolean wakeOnItsWay = region.getIntVolatile(inFlight) != 0;
            if (ready.getAsBoolean()) {
                return;
            }
            if (!Kernel.FUTEX) {
                LockSupport.parkNanos(this, Math.min(maxNanos, FALLBACK_PARK_NANOS));
            } else if (wakeOnItsWay) {
                LockSupport.parkNanos(this, Math.min(maxNanos, NAP_NANOS));
            } else {
                Futex.await(address(), seen, maxNanos);
            }
        } finally {
            region.addAndGetInt(sleepers, -1);
            if (region.getIntVolatile(inFlight) != 0) {
                region.putIntVolatile(inFlight, 0); // awake again: the next change may wake sleepers anew
            }
        }
    }

    /** Wakes every sleeper, if any; call after a state change made with a full fence (CAS or volatile write). */
    public void wakeAll() {
        if (region.getIntVolatile(sleepers) != 0 && region.getIntVolatile(inFlight) == 0 && region.compareAndSetInt(inFlight, 0, 1)) {
            region.addAndGetInt(sequence, 1);
            if (Kernel.FUTEX) {
                Futex.wake(address(), Integer.MAX_VALUE);
            }
        }
    }
}
