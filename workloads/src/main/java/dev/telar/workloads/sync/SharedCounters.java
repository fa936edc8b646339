package dev.telar.workloads.sync;

/**
 * A fixed row of 64-bit counters that every participant sees (threads of a JVM or processes), for
 * scenarios to share results and progress. Each method is atomic on its own; {@link #get} followed
 * by {@link #set} is deliberately not, which is how the Lock scenario shows lost updates.
 * Thread-safe.
 */
public interface SharedCounters extends AutoCloseable {
    /** Number of counters. */
    int size();

    /** Reads counter {@code i} (volatile read). */
    long get(int i);

    /** Writes counter {@code i} (volatile write). */
    void set(int i, long value);

    /** Atomically adds {@code delta} to counter {@code i}; returns the new value. */
    long add(int i, long delta);

    /** Atomically raises counter {@code i} to {@code value} if it is lower; returns the new maximum. */
    default long max(int i, long value) {
        while (true) {
            long seen = get(i);
            if (seen >= value || compareAndSet(i, seen, value)) {
                return Math.max(seen, value);
            }
        }
    }

    /** Atomically sets counter {@code i} to {@code value} if it is {@code expected}. */
    boolean compareAndSet(int i, long expected, long value);

    @Override
    void close();
}
