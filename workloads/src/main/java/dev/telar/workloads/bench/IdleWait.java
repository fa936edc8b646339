package dev.telar.workloads.bench;

/**
 * CPU used by a child JVM blocked in {@code Event.await} for a while.
 *
 * @param seconds               length of the measured window
 * @param processCpuPercent     the whole JVM (all its threads: waiter, GC, compiler, parent watch), from
 *                              utime+stime of {@code /proc/<pid>/stat}, percent of one core
 * @param waiterCpuPercent      the waiting thread alone, from its {@code schedstat}, percent of one core
 * @param waiterWakeupsPerSecond how often the waiting thread ran (its backoff wake-ups)
 */
public record IdleWait(double seconds, double processCpuPercent, double waiterCpuPercent, double waiterWakeupsPerSecond) {
}
