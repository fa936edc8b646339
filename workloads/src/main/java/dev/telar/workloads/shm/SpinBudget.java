package dev.telar.workloads.shm;

/**
 * How long the waiters of one shared structure in this JVM spin before sleeping, adapted to what
 * happened lately (as HotSpot adapts its monitor spinning): a wait that ended while spinning
 * doubles the budget, up to {@link #MAX_NANOS}; a wait that had to sleep halves it, down to
 * {@link #MIN_NANOS}. When partners answer within microseconds (they run on other cores) waiters
 * keep spinning and hand-offs stay fast; when the cores are oversubscribed, spinning would only
 * keep a partner from running, so waiters soon sleep after a short spin. The floor stays above the
 * half microsecond a partner on another core needs to answer, so that spinning can prove itself
 * again once the cores are free (with a lower floor it hardly ever recovered). Updates race
 * harmlessly. Thread-safe.
 */
public final class SpinBudget {
    /** Longest spin, nanoseconds. */
    public static final long MAX_NANOS = 20_000;
    /** Shortest spin, nanoseconds. */
    public static final long MIN_NANOS = 2_000;
    private volatile long nanos = MAX_NANOS;

    /** The spin a wait starting now gets, nanoseconds. */
    public long nanos() {
        return nanos;
    }

    /** A wait ended; {@code slept} tells whether it had to sleep. */
    public void record(boolean slept) {
        long n = nanos;
        nanos = slept ? Math.max(MIN_NANOS, n / 2) : Math.min(MAX_NANOS, n * 2);
    }
}
