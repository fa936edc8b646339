package dev.telar.probe;

/**
 * Load of one logical core (or of all cores, for the total line) over the last sampling interval.
 *
 * <p>All percentages are of that core's time during the interval, 0..100, computed from the
 * difference of kernel tick counters between two samples, never from a single sample.
 *
 * @param core      logical core index as the kernel numbers it (cpuN), or -1 for the total
 * @param userPct   time in user mode (user + nice), percent
 * @param systemPct time in kernel mode (system + irq + softirq), percent
 * @param busyPct   all non-idle time (idle and iowait excluded), percent; at least user + system
 * @param history   recent {@code busyPct} values, oldest first, newest equal to {@code busyPct}
 */
public record CoreLoad(int core, double userPct, double systemPct, double busyPct, Series history) {
    /** Core index used for the all-cores total. */
    public static final int TOTAL = -1;
}
