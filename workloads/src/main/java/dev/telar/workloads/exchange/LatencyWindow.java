package dev.telar.workloads.exchange;

import java.util.Arrays;

/**
 * The last {@link #SIZE} latencies, for percentiles of a running exchange. Latencies are taken
 * from {@link System#nanoTime()} time stamps, one clock for all processes on Linux. Not
 * thread-safe.
 */
final class LatencyWindow {
    static final int SIZE = 4096;
    private final long[] nanos = new long[SIZE];
    private long count;

    void add(long latencyNanos) {
        nanos[(int) (count++ % SIZE)] = latencyNanos;
    }

    /** The {@code q} quantile (0..1) in microseconds, NaN when empty. */
    double quantileMicros(double q) {
        int n = (int) Math.min(count, SIZE);
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return sorted[Math.min(n - 1, (int) Math.floor(q * n))] / 1000.0;
    }
}
