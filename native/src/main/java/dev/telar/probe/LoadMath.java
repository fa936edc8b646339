package dev.telar.probe;

/**
 * Load arithmetic on kernel tick counters. Pure functions; every load Telar shows comes from here.
 *
 * <p>A tick array holds, in this order, the {@code /proc/stat} columns user, nice, system, idle,
 * iowait, irq, softirq, steal (OSHI's {@code TickType} order is the same). A load is always the
 * difference of two such arrays, because the counters only say how much time has passed since boot.
 */
public final class LoadMath {
    /** Number of tick columns used. */
    public static final int TICK_FIELDS = 8;
    private static final int USER = 0;
    private static final int NICE = 1;
    private static final int SYSTEM = 2;
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;
    private static final int IRQ = 5;
    private static final int SOFTIRQ = 6;
    private static final int STEAL = 7;

    private LoadMath() {
    }

    /**
     * Load of one core between two samples.
     *
     * @param core     core index for the result ({@link CoreLoad#TOTAL} for a sum)
     * @param previous ticks at the earlier sample
     * @param current  ticks at the later sample
     * @param history  history before this interval; the result appends its busy percent
     * @param capacity history length to keep
     * @return percentages of the interval, each 0..100; all 0 when no tick elapsed (or a counter went back)
     */
    public static CoreLoad load(int core, long[] previous, long[] current, Series history, int capacity) {
        long user = delta(previous, current, USER) + delta(previous, current, NICE);
        long system = delta(previous, current, SYSTEM) + delta(previous, current, IRQ)
                + delta(previous, current, SOFTIRQ);
        long idle = delta(previous, current, IDLE) + delta(previous, current, IOWAIT);
        long steal = delta(previous, current, STEAL);
        long total = user + system + idle + steal;
        if (total <= 0) {
            return new CoreLoad(core, 0, 0, 0, history.append(0, capacity));
        }
        double userPct = 100.0 * user / total;
        double systemPct = 100.0 * system / total;
        double busyPct = 100.0 * (total - idle) / total;
        return new CoreLoad(core, userPct, systemPct, busyPct, history.append(busyPct, capacity));
    }

    /** Element-wise sum of per-core tick arrays, for the total line. */
    public static long[] sum(long[][] perCore) {
        long[] out = new long[TICK_FIELDS];
        for (long[] ticks : perCore) {
            for (int k = 0; k < TICK_FIELDS && k < ticks.length; k++) {
                out[k] += ticks[k];
            }
        }
        return out;
    }

    /**
     * CPU use of a process or thread over an interval, percent of one core.
     *
     * @param deltaTicks   CPU ticks (user + system) spent in the interval
     * @param ticksPerSec  the kernel's clock ticks per second (USER_HZ)
     * @param intervalNanos length of the interval, nanoseconds
     */
    public static double taskPercent(long deltaTicks, long ticksPerSec, long intervalNanos) {
        if (deltaTicks <= 0 || intervalNanos <= 0 || ticksPerSec <= 0) {
            return 0;
        }
        return 100.0 * deltaTicks / ticksPerSec / (intervalNanos / 1e9);
    }

    private static long delta(long[] previous, long[] current, int field) {
        if (field >= previous.length || field >= current.length) {
            return 0;
        }
        // Counters are monotonic; a CPU taken offline and back may restart them, so never go negative.
        return Math.max(0, current[field] - previous[field]);
    }
}
