package dev.telar.probe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Takes samples of the whole machine and turns consecutive samples into snapshots.
 *
 * <p>Loads are differences between this sample and the previous one, so the first call of
 * {@link #sample} has no interval to measure and reports 0 for every load; callers that need real
 * figures take two samples. Not thread-safe: owned by one thread (the {@link Sampler}'s, or a
 * headless command's).
 */
public final class Probe {
    /** Loads kept per core for the history sparkline. */
    public static final int HISTORY = 60;

    private final CoreTicks coreTicks;
    private final HostInfo host;
    private final ProcessTable processes;
    private final ProcFiles files;
    private final int selfPid;
    private long[][] previousTicks;
    private long previousNanos;
    private long sequence;
    private Series[] histories = new Series[0];
    private Series totalHistory = Series.empty();

    /**
     * A probe of the live machine: host facts, tick counters and processes from {@code /proc}
     * (and {@code os-release}), user names from {@code /etc/passwd}. Cheap to build: no library
     * is started, so the dashboard's first sample can be taken as soon as it starts.
     */
    public static Probe live() {
        Path proc = Path.of("/proc");
        return new Probe(new ProcStatTicks(proc), ProcHostFacts.live(), proc, Path.of("/etc/passwd"));
    }

    /**
     * A probe with explicit sources, for tests and other roots.
     *
     * @param coreTicks per-core tick source
     * @param host      static machine facts
     * @param procRoot  directory laid out like {@code /proc}
     * @param passwd    passwd-format file for user names
     */
    public Probe(CoreTicks coreTicks, HostInfo host, Path procRoot, Path passwd) {
        this.coreTicks = coreTicks;
        this.host = host;
        this.files = new ProcFiles(procRoot);
        this.processes = new ProcessTable(procRoot, passwd, Kernel.clockTicksPerSecond(), Kernel.pageSize());
        this.selfPid = (int) ProcessHandle.current().pid();
    }

    /** Static facts of this machine. */
    public HostInfo host() {
        return host;
    }

    /**
     * Takes one sample.
     *
     * @param withThreads pids whose threads to list (e.g. the selected process, or all for headless use)
     */
    public SystemSnapshot sample(IntPredicate withThreads) {
        long now = System.nanoTime();
        long[][] ticks = coreTicks.read();
        long interval = previousTicks == null ? 0 : now - previousNanos;
        List<CoreLoad> cores = new ArrayList<>(ticks.length);
        if (histories.length != ticks.length) {
            histories = new Series[ticks.length];
            java.util.Arrays.fill(histories, Series.empty());
        }
        long[][] before = previousTicks == null || previousTicks.length != ticks.length ? ticks : previousTicks;
        for (int core = 0; core < ticks.length; core++) {
            CoreLoad load = LoadMath.load(core, before[core], ticks[core], histories[core], HISTORY);
            histories[core] = load.history();
            cores.add(load);
        }
        CoreLoad total = LoadMath.load(CoreLoad.TOTAL, LoadMath.sum(before), LoadMath.sum(ticks), totalHistory, HISTORY);
        totalHistory = total.history();
        List<ProcessInfo> procs = processes.read(interval, withThreads);
        previousTicks = ticks;
        previousNanos = now;
        sequence++;
        return new SystemSnapshot(sequence, System.currentTimeMillis(), interval / 1_000_000, host,
                ProcParsers.parseUptime(orZero(files.text("uptime"))),
                ProcParsers.parseLoadavg(orZero(files.text("loadavg"))),
                ProcParsers.parseMeminfo(files.text("meminfo")), total, cores, procs, selfPid);
    }

    private static String orZero(String text) {
        return text.isBlank() ? "0 0 0" : text;
    }
}
