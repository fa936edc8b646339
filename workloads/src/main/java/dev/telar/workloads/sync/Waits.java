package dev.telar.workloads.sync;

import java.time.Duration;

/**
 * Argument checks and timeout arithmetic shared by the thread and process primitives, so both
 * families read a {@link Duration} and measure a deadline the same way.
 */
public final class Waits {
    /** A deadline that never passes: what {@link #deadline(long)} gives for "no timeout". */
    public static final long NONE = Long.MAX_VALUE;

    private Waits() {
    }

    /**
     * Longest wait in nanoseconds, about 146 years: longer timeouts (up to
     * {@code ChronoUnit.FOREVER}) are cut to it, as Python accepts any timeout up to its
     * {@code TIMEOUT_MAX}. Half of the long range, so that a deadline computed from it never
     * overflows.
     */
    public static final long MAX_NANOS = Long.MAX_VALUE / 2;

    /**
     * A timeout in nanoseconds: negative durations count as 0 (do not wait) where Python raises
     * ValueError, and durations beyond {@link #MAX_NANOS} count as {@link #MAX_NANOS}.
     */
    public static long nanos(Duration timeout) {
        if (timeout.isNegative()) {
            return 0;
        }
        if (timeout.compareTo(Duration.ofNanos(MAX_NANOS)) > 0) {
            return MAX_NANOS;
        }
        return timeout.toNanos();
    }

    /** Like {@link #nanos(Duration)}, but null means no timeout: -1. */
    public static long nanosOrNone(Duration timeout) {
        return timeout == null ? -1 : nanos(timeout);
    }

    /** The {@link System#nanoTime()} deadline {@code nanos} from now, or {@link #NONE} for -1. */
    public static long deadline(long nanos) {
        return nanos < 0 ? NONE : System.nanoTime() + nanos;
    }

    /** Whether {@code deadline} (from {@link #deadline(long)}) has passed; never for {@link #NONE}. */
    public static boolean passed(long deadline) {
        return deadline != NONE && System.nanoTime() - deadline >= 0;
    }

    /** A condition's wait and notify need the calling thread to hold its lock. */
    public static void requireHeld(SyncLock lock, String what) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("cannot " + what + " on un-acquired lock");
        }
    }

    /**
     * How a condition wait that was interrupted ends: a signal that arrived too is kept (the
     * interrupt is re-asserted for later), otherwise the interrupt is thrown.
     */
    public static void interruptedWait(boolean signalled, String conditionName) throws InterruptedException {
        if (signalled) {
            Thread.currentThread().interrupt(); // keep the signal, report the interrupt later
        } else {
            throw new InterruptedException("interrupted while waiting on condition " + conditionName);
        }
    }
}
