package dev.telar.tui.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.telar.probe.CoreLoad;
import dev.telar.probe.ProcessInfo;
import dev.telar.probe.SystemSnapshot;
import dev.telar.probe.ThreadInfo;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The JSON shape of {@code telar snapshot --json}: plain records mapped by hand from the probe's
 * records, written by Jackson with snake_case names, so the probe's types can change without
 * changing the published format by accident.
 */
public final class SnapshotJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.INDENT_OUTPUT);

    private SnapshotJson() {
    }

    /** One snapshot as a single line of JSON (no line break). */
    public static String toLine(SystemSnapshot snapshot) {
        try {
            return MAPPER.writeValueAsString(of(snapshot));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a snapshot as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Maps a probe snapshot to its published form; processes by pid, threads by tid. */
    public static Snapshot of(SystemSnapshot s) {
        double[] avg = s.loadAverage();
        return new Snapshot(Instant.ofEpochMilli(s.takenAtMillis()).toString(), s.takenAtMillis(), s.intervalMillis(),
                new Host(s.host().hostName(), s.host().os(), s.host().cpuModel(), s.host().logicalCores()),
                s.uptimeSeconds(),
                new LoadAverage(at(avg, 0), at(avg, 1), at(avg, 2)),
                new Memory(s.memory().totalBytes(), s.memory().availableBytes(), s.memory().usedBytes()),
                new Load(pct(s.total().userPct()), pct(s.total().systemPct()), pct(s.total().busyPct())),
                s.cores().stream().map(SnapshotJson::core).toList(),
                s.processes().stream().sorted(Comparator.comparingInt(ProcessInfo::pid)).map(SnapshotJson::process).toList(),
                s.selfPid());
    }

    private static Core core(CoreLoad c) {
        return new Core(c.core(), pct(c.userPct()), pct(c.systemPct()), pct(c.busyPct()));
    }

    private static Process process(ProcessInfo p) {
        return new Process(p.pid(), p.ppid(), p.user(), String.valueOf(p.state()), pct(p.cpuPct()), p.rssBytes(),
                p.threadCount(), p.name(), p.command(),
                p.threads().stream().sorted(Comparator.comparingInt(ThreadInfo::tid)).map(SnapshotJson::thread).toList());
    }

    private static Thread thread(ThreadInfo t) {
        return new Thread(t.tid(), t.name(), String.valueOf(t.state()), pct(t.cpuPct()), t.lastCore(),
                Math.round(t.cpuSeconds() * 100) / 100.0);
    }

    private static double at(double[] values, int i) {
        return i < values.length ? values[i] : 0;
    }

    /** Percentages with one decimal: more would be noise from tick counting. */
    private static double pct(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** A whole snapshot. */
    public record Snapshot(String takenAt, long takenAtMillis, long intervalMs, Host host, long uptimeSeconds,
                           LoadAverage loadAverage, Memory memory, Load total, List<Core> cores,
                           List<Process> processes, int selfPid) {
    }

    /** Static machine facts. */
    public record Host(String name, String os, String cpuModel, int logicalCores) {
    }

    /** Kernel load averages over 1, 5 and 15 minutes. */
    public record LoadAverage(double oneMinute, double fiveMinutes, double fifteenMinutes) {
    }

    /** Physical memory, bytes. */
    public record Memory(long totalBytes, long availableBytes, long usedBytes) {
    }

    /** Load of all cores together over the interval, percent. */
    public record Load(double userPct, double systemPct, double busyPct) {
    }

    /** Load of one logical core over the interval, percent. */
    public record Core(int core, double userPct, double systemPct, double busyPct) {
    }

    /** One process; cpu_pct is percent of one core and may exceed 100. */
    public record Process(int pid, int ppid, String user, String state, double cpuPct, long rssBytes,
                          int threadCount, String name, String command, List<Thread> threads) {
    }

    /** One thread of a process. */
    public record Thread(int tid, String name, String state, double cpuPct, int lastCore, double cpuSeconds) {
    }
}
