package dev.telar.workloads.mechanism;

/**
 * Packet keys of the exchange experiment: the sending process's number in the top 8 bits and the
 * send time ({@link System#nanoTime()}, one clock for all processes on Linux) in the low 56 bits,
 * so the receiver knows the sender and the one-way latency. 56 bits of nanoseconds wrap after two
 * years of uptime; differences are taken modulo that.
 */
public final class Stamp {
    private static final long MASK = (1L << 56) - 1;

    private Stamp() {
    }

    public static long of(int process) {
        return (long) process << 56 | (System.nanoTime() & MASK);
    }

    public static int process(long key) {
        return (int) (key >>> 56);
    }

    public static long latencyNanos(long key, long nowNanos) {
        return ((nowNanos & MASK) - (key & MASK)) & MASK;
    }
}
