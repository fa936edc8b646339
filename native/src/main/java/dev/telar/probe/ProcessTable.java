package dev.telar.probe;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Reads the process table from {@code /proc} for one sampling thread.
 *
 * <p>Cheap by design: each tick reads only {@code /proc/<pid>/stat} per process (state, ppid, CPU
 * ticks, threads, RSS); the command line and owner are read once per new process and cached,
 * keyed by pid, start time and executable name: a reused pid is noticed, and so is an
 * {@code exec} (which keeps pid and start time, as a launcher script that execs java does). Threads are read only for processes the
 * caller asks for. Not thread-safe.
 */
final class ProcessTable {
    private final ProcFiles files;
    private final UserNames users;
    private final long ticksPerSecond;
    private final long pageSize;
    private Map<Integer, Known> known = new HashMap<>();
    private Map<Integer, Long> threadTicks = new HashMap<>();

    /** The kernel's thread starter: its children are kernel threads, whose command line is empty for good. */
    private static final int KTHREADD = 2;

    /** What is remembered of a process between ticks; {@code command} null when it must be read again. */
    private record Known(long startTicks, String name, String user, String command, long cpuTicks) {
    }

    ProcessTable(Path procRoot, Path passwd, long ticksPerSecond, long pageSize) {
        this.files = new ProcFiles(procRoot);
        this.users = new UserNames(passwd);
        this.ticksPerSecond = ticksPerSecond;
        this.pageSize = pageSize;
    }

    /**
     * Reads all processes.
     *
     * @param intervalNanos time since the previous call, for CPU percentages (0 on the first call)
     * @param withThreads   which pids to list threads for
     */
    List<ProcessInfo> read(long intervalNanos, IntPredicate withThreads) {
        String[] names = new File(files.root()).list();
        List<ProcessInfo> out = new ArrayList<>(names == null ? 0 : names.length);
        if (names == null) {
            return out;
        }
        Map<Integer, Known> nextKnown = new HashMap<>(known.size() * 2 + 16);
        Map<Integer, Long> nextThreadTicks = new HashMap<>();
        for (String entry : names) {
            int pid = pidOf(entry);
            if (pid <= 0 || !files.readKeepingOpen(entry + "/stat")) {
                continue;
            }
            TaskStat stat = ProcParsers.parseStat(files.buffer(), files.length());
            if (stat == null) {
                continue;
            }
            Known before = known.get(pid);
            if (before == null || before.startTicks() != stat.startTicks() || !before.name().equals(stat.name())
                    || before.command() == null) {
                before = null; // another process, or this one exec'd another program: read its command again
            }
            String user = before != null ? before.user() : users.name(
                    ProcParsers.parseStatusUid(files.text(entry + "/status")));
            String read = before != null ? before.command() : commandOf(entry);
            String command = read != null ? read : "[" + stat.name() + "]";
            Known same = known.get(pid);
            boolean sameProcess = same != null && same.startTicks() == stat.startTicks();
            double cpu = !sameProcess ? 0 : LoadMath.taskPercent(stat.cpuTicks() - same.cpuTicks(),
                    ticksPerSecond, intervalNanos);
            // An empty command line is final for a kernel thread (kthreadd's children), but only a
            // moment for a process in the middle of an exec: that one is read again next tick.
            boolean kernelThread = stat.ppid() == KTHREADD || pid == KTHREADD;
            nextKnown.put(pid, new Known(stat.startTicks(), stat.name(), user, read != null || kernelThread ? command : null,
                    stat.cpuTicks()));
            List<ThreadInfo> threads = withThreads.test(pid)
                    ? readThreads(entry, intervalNanos, nextThreadTicks) : List.of();
            out.add(new ProcessInfo(pid, stat.ppid(), user, stat.state(), cpu, stat.rssPages() * pageSize,
                    stat.threads(), stat.name(), command, threads));
        }
        known = nextKnown;
        threadTicks = nextThreadTicks;
        files.closeUnused();
        return out;
    }

    private List<ThreadInfo> readThreads(String pidDir, long intervalNanos, Map<Integer, Long> nextTicks) {
        String[] tids = new File(files.root() + "/" + pidDir + "/task").list();
        if (tids == null) {
            return List.of();
        }
        List<ThreadInfo> threads = new ArrayList<>(tids.length);
        for (String tidName : tids) {
            int tid = pidOf(tidName);
            if (tid <= 0 || !files.read(pidDir + "/task/" + tidName + "/stat")) {
                continue;
            }
            TaskStat stat = ProcParsers.parseStat(files.buffer(), files.length());
            if (stat == null) {
                continue;
            }
            Long before = threadTicks.get(tid);
            double cpu = before == null ? 0
                    : LoadMath.taskPercent(stat.cpuTicks() - before, ticksPerSecond, intervalNanos);
            nextTicks.put(tid, stat.cpuTicks());
            threads.add(new ThreadInfo(tid, stat.name(), stat.state(), cpu, stat.processor(),
                    (double) stat.cpuTicks() / ticksPerSecond));
        }
        return threads;
    }

    /** The command line, or null when it is empty (a kernel thread, a zombie, a process mid-exec). */
    private String commandOf(String pidDir) {
        if (files.read(pidDir + "/cmdline") && files.length() > 0) {
            String cmd = ProcParsers.parseCmdline(files.buffer(), files.length());
            if (!cmd.isBlank()) {
                return cmd;
            }
        }
        return null;
    }

    private static int pidOf(String name) {
        int value = 0;
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
