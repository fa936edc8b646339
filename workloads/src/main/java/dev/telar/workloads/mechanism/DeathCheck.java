package dev.telar.workloads.mechanism;

/**
 * Paces how often a waiter looks whether its peer still lives: that look reads {@code /proc}
 * (some microseconds), far too slow for every turn of a wait loop, yet it must come often enough
 * that a dead peer is noticed well within a second. The first call is due at once; later ones
 * every {@link #PERIOD_NANOS}. One instance per waiting thread; not thread-safe.
 */
final class DeathCheck {
    /** Longest time between two looks, nanoseconds (20 ms). */
    static final long PERIOD_NANOS = 20_000_000L;
    private long next = Long.MIN_VALUE;

    /** True when it is time to look again (and starts the next period). */
    boolean due() {
        long now = System.nanoTime();
        if (next != Long.MIN_VALUE && now - next < 0) {
            return false;
        }
        next = now + PERIOD_NANOS;
        return true;
    }
}
