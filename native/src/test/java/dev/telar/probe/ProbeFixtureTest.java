package dev.telar.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the whole probe against a fixture tree laid out like /proc. */
class ProbeFixtureTest {
    @TempDir
    Path root;

    private final long hz = Kernel.clockTicksPerSecond();
    private final long page = Kernel.pageSize();

    private static String stat(int pid, String comm, char state, int ppid, long utime, long stime, int threads,
                               long start, long rss, int processor) {
        StringBuilder b = new StringBuilder();
        b.append(pid).append(" (").append(comm).append(") ").append(state).append(' ').append(ppid);
        for (int field = 5; field <= 52; field++) {
            long v = switch (field) {
                case 14 -> utime;
                case 15 -> stime;
                case 20 -> threads;
                case 22 -> start;
                case 24 -> rss;
                case 39 -> processor;
                default -> 0;
            };
            b.append(' ').append(v);
        }
        return b.append('\n').toString();
    }

    private void write(String relative, String text) throws IOException {
        Path p = root.resolve("proc").resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void layOut(long workerTicks, long otherTicks) throws IOException {
        write("uptime", "1234.5 99.0\n");
        write("loadavg", "1.50 0.75 0.25 2/100 999\n");
        write("meminfo", "MemTotal: 2048 kB\nMemFree: 100 kB\nMemAvailable: 1024 kB\n");
        write("100/stat", stat(100, "robot ctl", 'S', 1, 10, 5, 2, 500, 256, 0));
        write("100/status", "Name:\trobot\nUid:\t4242\t4242\t4242\t4242\n");
        write("100/cmdline", "/usr/bin/robot\0--fast\0");
        write("100/task/100/stat", stat(100, "robot ctl", 'S', 1, 10, 5, 2, 500, 256, 0));
        write("100/task/101/stat", stat(101, "worker", 'R', 1, workerTicks, 0, 2, 501, 256, 1));
        write("200/stat", stat(200, "kworker/0:1", 'I', 2, otherTicks, 0, 1, 10, 0, 0));
        write("200/status", "Name:\tkworker\nUid:\t0\t0\t0\t0\n");
        write("200/cmdline", "");
        write("self", "not a pid directory\n");
    }

    @Test
    void twoSamplesGiveProcessesThreadsAndLoads() throws Exception {
        Files.writeString(root.resolve("passwd"), "root:x:0:0::/root:/bin/sh\n");
        long[][][] ticks = {
            {{0, 0, 0, 100, 0, 0, 0, 0}, {0, 0, 0, 100, 0, 0, 0, 0}},
            {{10, 0, 0, 190, 0, 0, 0, 0}, {100, 0, 0, 100, 0, 0, 0, 0}},
        };
        int[] call = {0};
        CoreTicks source = () -> ticks[call[0]++];
        HostInfo host = new HostInfo("fixture", "TestOS 1", 2, "Test CPU");
        Probe probe = new Probe(source, host, root.resolve("proc"), root.resolve("passwd"));

        layOut(0, 0);
        SystemSnapshot first = probe.sample(pid -> pid == 100);
        assertThat(first.processes()).allSatisfy(p -> assertThat(p.cpuPct()).isZero());
        // Advance the worker thread by 1 s of CPU at USER_HZ; the interval is real time, so compare ratios.
        layOut(hz, 0);
        write("100/stat", stat(100, "robot ctl", 'R', 1, 10 + hz, 5, 2, 500, 256, 0));
        SystemSnapshot second = probe.sample(pid -> pid == 100);

        assertThat(second.host()).isEqualTo(host);
        assertThat(second.uptimeSeconds()).isEqualTo(1234);
        assertThat(second.loadAverage()).containsExactly(1.50, 0.75, 0.25);
        assertThat(second.memory().usedBytes()).isEqualTo(1024 * 1024);
        assertThat(second.cores()).hasSize(2);
        assertThat(second.cores().get(0).busyPct()).isCloseTo(10.0, within(1e-9));
        assertThat(second.cores().get(1).busyPct()).isCloseTo(100.0, within(1e-9));
        assertThat(second.total().busyPct()).isCloseTo(55.0, within(1e-9));
        assertThat(second.cores().get(1).history().toArray()).containsExactly(0.0, 100.0);

        Map<Integer, ProcessInfo> byPid = second.processes().stream()
                .collect(Collectors.toMap(ProcessInfo::pid, Function.identity()));
        assertThat(byPid).containsOnlyKeys(100, 200);
        ProcessInfo robot = byPid.get(100);
        assertThat(robot.user()).isEqualTo("4242"); // not in passwd: shown as the number
        assertThat(robot.command()).isEqualTo("/usr/bin/robot --fast");
        assertThat(robot.name()).isEqualTo("robot ctl");
        assertThat(robot.state()).isEqualTo('R');
        assertThat(robot.rssBytes()).isEqualTo(256 * page);
        assertThat(robot.threadCount()).isEqualTo(2);
        assertThat(robot.cpuPct()).isPositive();
        assertThat(robot.threads()).extracting(ThreadInfo::tid).containsExactlyInAnyOrder(100, 101);
        ThreadInfo worker = robot.threads().stream().filter(t -> t.tid() == 101).findFirst().orElseThrow();
        assertThat(worker.lastCore()).isEqualTo(1);
        assertThat(worker.name()).isEqualTo("worker");
        assertThat(worker.cpuPct()).isCloseTo(robot.cpuPct(), within(1e-9));
        assertThat(worker.cpuSeconds()).isCloseTo(1.0, within(1e-9));

        ProcessInfo kernel = byPid.get(200);
        assertThat(kernel.user()).isEqualTo("root");
        assertThat(kernel.command()).isEqualTo("[kworker/0:1]");
        assertThat(kernel.threads()).isEmpty();
    }

    @Test
    void aReusedPidIsNotChargedTheOldProcessTicks() throws Exception {
        long[] t = {0, 0, 0, 0, 0, 0, 0, 0};
        Probe probe = new Probe(() -> new long[][] {t}, new HostInfo("h", "o", 1, "c"),
                root.resolve("proc"), root.resolve("missing-passwd"));
        layOut(0, 0);
        probe.sample(pid -> false);
        // Same pid 200, new start time, large tick count: a new process, so no CPU% yet.
        write("200/stat", stat(200, "new", 'R', 2, 5000, 0, 1, 99999, 0, 0));
        write("200/cmdline", "newcmd\0");
        SystemSnapshot s = probe.sample(pid -> false);
        ProcessInfo p = s.processes().stream().filter(x -> x.pid() == 200).findFirst().orElseThrow();
        assertThat(p.cpuPct()).isZero();
        assertThat(p.command()).isEqualTo("newcmd");
        assertThat(p.user()).isEqualTo("0");
    }

    @Test
    void aVanishedProcessIsSkipped() throws Exception {
        Probe probe = new Probe(() -> new long[][] {{0, 0, 0, 0, 0, 0, 0, 0}}, new HostInfo("h", "o", 1, "c"),
                root.resolve("proc"), root.resolve("passwd"));
        layOut(0, 0);
        Files.createDirectories(root.resolve("proc/300")); // listed but its stat is gone
        assertThat(probe.sample(pid -> true).processes()).extracting(ProcessInfo::pid)
                .containsExactlyInAnyOrder(100, 200);
    }
}
