package dev.telar.tui;

import dev.telar.probe.CoreLoad;
import dev.telar.probe.HostInfo;
import dev.telar.probe.MemoryInfo;
import dev.telar.probe.ProcessInfo;
import dev.telar.probe.Series;
import dev.telar.probe.SystemSnapshot;
import dev.telar.probe.ThreadInfo;
import java.util.ArrayList;
import java.util.List;

/** Builds fixed, hand-made snapshots for render and key tests. */
public final class Snapshots {
    private String host = "robot-7";
    private String os = "Debian GNU/Linux 12";
    private long uptime = 3 * 86_400 + 4 * 3600 + 12 * 60 + 5;
    private double[] loadAverage = {0.52, 0.61, 0.70};
    private long memTotal = (long) (23.5 * (1L << 30));
    private long memAvailable = (long) (20.3 * (1L << 30));
    private final List<CoreLoad> cores = new ArrayList<>();
    private final List<ProcessInfo> processes = new ArrayList<>();
    private int selfPid = 4242;
    private long sequence = 1;

    public static Snapshots snapshot() {
        return new Snapshots();
    }

    /** {@code n} cores, core i busy at {@code (i * 7) % 101} percent, with a short rising history. */
    public Snapshots cores(int n) {
        cores.clear();
        for (int i = 0; i < n; i++) {
            double busy = (i * 7) % 101;
            cores.add(new CoreLoad(i, busy * 0.7, busy * 0.3, busy, Series.of(0, 25, 50, 75, 100, busy)));
        }
        return this;
    }

    public Snapshots host(String name) {
        this.host = name;
        return this;
    }

    public Snapshots selfPid(int pid) {
        this.selfPid = pid;
        return this;
    }

    public Snapshots sequence(long seq) {
        this.sequence = seq;
        return this;
    }

    public Snapshots process(int pid, int ppid, String user, double cpu, long rss, String command) {
        return process(pid, ppid, user, cpu, rss, command, List.of());
    }

    public Snapshots process(int pid, int ppid, String user, double cpu, long rss, String command, List<ThreadInfo> threads) {
        String name = command.split(" ")[0];
        int threadCount = Math.max(1, threads.size());
        processes.add(new ProcessInfo(pid, ppid, user, 'S', cpu, rss, threadCount, name, command, threads));
        return this;
    }

    /** A small, fixed machine: 4 cores and six processes, Telar (4242) with a child (4300). */
    public static Snapshots lab() {
        return snapshot().cores(4)
                .process(1, 0, "root", 0.0, 12L << 20, "/sbin/init")
                .process(812, 1, "alice", 73.5, 900L << 20, "python3 train.py --epochs 5")
                .process(977, 1, "bob", 12.25, 2L << 30, "ros2 launch nav2_bringup")
                .process(4242, 977, "alice", 3.0, 150L << 20, "java -jar telar.jar",
                        List.of(new ThreadInfo(4242, "main", 'S', 0.5, 1, 1.0),
                                new ThreadInfo(4250, "telar-sampler", 'R', 2.5, 3, 2.0)))
                .process(4300, 4242, "alice", 40.0, 5L << 20, "telar-worker spin")
                .process(55, 1, "root", 0.1, 300L << 10, "sshd: alice [priv]");
    }

    public SystemSnapshot build() {
        double total = cores.stream().mapToDouble(CoreLoad::busyPct).average().orElse(0);
        CoreLoad all = new CoreLoad(CoreLoad.TOTAL, total * 0.7, total * 0.3, total, Series.of(total));
        return new SystemSnapshot(sequence, 1_700_000_000_000L, 1000,
                new HostInfo(host, os, cores.size(), "Test CPU"), uptime, loadAverage,
                new MemoryInfo(memTotal, memAvailable), all, cores, processes, selfPid);
    }
}
