package dev.telar.probe;

import java.util.List;

/**
 * Everything one sample saw, immutable, safe to hand to any thread.
 *
 * <p>Produced only by {@link Sampler}; panels render it and never read the system themselves.
 *
 * @param sequence       number of the sample, increasing by one per sample taken
 * @param takenAtMillis  wall-clock time of the sample, milliseconds since the epoch
 * @param intervalMillis time since the previous sample, over which loads are computed, milliseconds
 * @param host           static machine facts
 * @param uptimeSeconds  time since boot, seconds
 * @param loadAverage    1-, 5- and 15-minute load averages (runnable + uninterruptible tasks)
 * @param memory         physical memory
 * @param total          load over all cores ({@link CoreLoad#TOTAL})
 * @param cores          one entry per logical core, in core order
 * @param processes      every process visible at the sample, unordered
 * @param selfPid        this JVM's pid, so a view can single out Telar's own process tree
 */
public record SystemSnapshot(long sequence, long takenAtMillis, long intervalMillis, HostInfo host,
                             long uptimeSeconds, double[] loadAverage, MemoryInfo memory, CoreLoad total,
                             List<CoreLoad> cores, List<ProcessInfo> processes, int selfPid) {
    public SystemSnapshot {
        loadAverage = loadAverage.clone();
        cores = List.copyOf(cores);
        processes = List.copyOf(processes);
    }

    /** A copy of the 1-, 5- and 15-minute load averages. */
    @Override
    public double[] loadAverage() {
        return loadAverage.clone();
    }
}
