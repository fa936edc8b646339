package dev.telar.workloads.remote.fleet;

import java.util.List;
import java.util.Objects;

/**
 * What an agent tells the fleet about its host at one sample. Immutable.
 *
 * @param host            the host's name in the fleet (see {@link #isName}); its node's name too
 * @param agentPid        the publishing agent's process id on that host
 * @param sampledAtMillis when the sample was taken, milliseconds since the epoch, by the host's clock
 * @param coreLoads       per logical core, in core order, the busy share over the agent's last
 *                        interval, 0..1 (kept to three decimals in the node)
 * @param loadAverage     1-, 5- and 15-minute load averages (runnable and uninterruptible tasks)
 * @param memoryUsedBytes physical memory in use (total minus available), bytes
 * @param memoryTotalBytes physical memory, bytes
 * @param top             the busiest processes by CPU, busiest first
 * @param jobs            the Telar processes found on the host, by pid
 * @param running         the jobs the host's lab engines run, from their status files, by pid (at
 *                        most {@link RunningJob#MAX_PER_HOST}; empty when none runs)
 */
public record HostSummary(String host, int agentPid, long sampledAtMillis, double[] coreLoads, double[] loadAverage,
                          long memoryUsedBytes, long memoryTotalBytes, List<TopProcess> top, List<TelarJob> jobs,
                          List<RunningJob> running) {
    /** The longest host name, characters. */
    public static final int MAX_NAME = 64;

    public HostSummary {
        if (!isName(host)) {
            throw new IllegalArgumentException("a fleet host name is 1 to " + MAX_NAME + " letters, digits, '.', '_' or '-': '" + host + "'");
        }
        coreLoads = coreLoads.clone();
        for (double load : coreLoads) {
            if (!(load >= 0 && load <= 1)) {
                throw new IllegalArgumentException("a core's load is 0..1, not " + load);
            }
        }
        if (loadAverage.length != 3) {
            throw new IllegalArgumentException("three load averages, not " + loadAverage.length);
        }
        loadAverage = loadAverage.clone();
        top = List.copyOf(Objects.requireNonNull(top, "top"));
        jobs = List.copyOf(Objects.requireNonNull(jobs, "jobs"));
        running = List.copyOf(Objects.requireNonNull(running, "running"));
        if (running.size() > RunningJob.MAX_PER_HOST) {
            throw new IllegalArgumentException("at most " + RunningJob.MAX_PER_HOST + " running jobs, not " + running.size());
        }
    }

    /** A summary of a host where no lab engine runs a job. */
    public HostSummary(String host, int agentPid, long sampledAtMillis, double[] coreLoads, double[] loadAverage,
                       long memoryUsedBytes, long memoryTotalBytes, List<TopProcess> top, List<TelarJob> jobs) {
        this(host, agentPid, sampledAtMillis, coreLoads, loadAverage, memoryUsedBytes, memoryTotalBytes, top, jobs, List.of());
    }

    /** True for a usable host name: 1 to {@value #MAX_NAME} of ASCII letters, digits, '.', '_', '-', not "." or "..". */
    public static boolean isName(String name) {
        return name != null && name.matches("[A-Za-z0-9._-]{1," + MAX_NAME + "}") && !name.equals(".") && !name.equals("..");
    }

    /** The number of logical cores. */
    public int cores() {
        return coreLoads.length;
    }

    /** A copy of the per-core loads, 0..1. */
    @Override
    public double[] coreLoads() {
        return coreLoads.clone();
    }

    /** A copy of the 1-, 5- and 15-minute load averages. */
    @Override
    public double[] loadAverage() {
        return loadAverage.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostSummary s && host.equals(s.host) && agentPid == s.agentPid && sampledAtMillis == s.sampledAtMillis
                && java.util.Arrays.equals(coreLoads, s.coreLoads) && java.util.Arrays.equals(loadAverage, s.loadAverage)
                && memoryUsedBytes == s.memoryUsedBytes && memoryTotalBytes == s.memoryTotalBytes
                && top.equals(s.top) && jobs.equals(s.jobs) && running.equals(s.running);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, agentPid, sampledAtMillis, java.util.Arrays.hashCode(coreLoads), top, jobs, running);
    }

    @Override
    public String toString() {
        return "HostSummary[" + host + ", pid " + agentPid + ", at " + sampledAtMillis + ", " + cores() + " cores]";
    }
}
