package dev.telar.workloads.remote.fleet;

import dev.telar.probe.CoreLoad;
import dev.telar.probe.ProcessInfo;
import dev.telar.probe.SystemSnapshot;
import java.util.Comparator;
import java.util.List;

/** Makes a host's {@link HostSummary} from one of the probe's samples. */
public final class SummaryMaker {
    /** How many of the busiest processes a summary lists unless told otherwise. */
    public static final int DEFAULT_TOP = 5;

    private SummaryMaker() {
    }

    /**
     * The summary of {@code s} under the name {@code host}, published by the process {@code agentPid},
     * with the {@code top} busiest processes (by CPU, then resident memory).
     */
    public static HostSummary of(SystemSnapshot s, String host, int agentPid, int top) {
        return of(s, host, agentPid, top, List.of());
    }

    /**
     * As {@link #of(SystemSnapshot, String, int, int)}, with the jobs the host's lab engines run
     * (e.g. {@link JobStatusFile#readLive}).
     */
    public static HostSummary of(SystemSnapshot s, String host, int agentPid, int top, List<RunningJob> running) {
        double[] loads = s.cores().stream().mapToDouble(SummaryMaker::share).toArray();
        List<TopProcess> busiest = s.processes().stream()
                .sorted(Comparator.comparingDouble(ProcessInfo::cpuPct).reversed()
                        .thenComparing(Comparator.comparingLong(ProcessInfo::rssBytes).reversed()))
                .limit(top)
                .map(p -> new TopProcess(p.pid(), p.name(), p.cpuPct(), p.rssBytes()))
                .toList();
        return new HostSummary(host, agentPid, s.takenAtMillis(), loads, s.loadAverage(), s.memory().usedBytes(),
                s.memory().totalBytes(), busiest, TelarJobs.among(s.processes()), running);
    }

    private static double share(CoreLoad core) {
        return Math.max(0, Math.min(1, core.busyPct() / 100.0));
    }
}
