package dev.telar.tui.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.sync.bench.BenchResult;
import dev.telar.workloads.sync.bench.IdleWait;
import dev.telar.workloads.sync.bench.SyncBench;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code telar bench sync [--ops N] [--idle-seconds S] [--json]}: the synchronization figures under
 * the Python peer's names (lock_acq_rel, barrier_rounds, event_pingpong, plus thread_ ones and
 * the uncontended lock), and the CPU of a child JVM blocked in Event.await.
 */
@Command(name = "sync", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Measures Lock, Barrier and Event between child JVMs and between threads, shaped like "
                + "py_mp_peer.py N: Lock 2 x N/2 acquire/release, Barrier(2) N/20 rounds, Event ping-pong N/20 round trips.",
            "Example: telar bench sync --json   (beside: python3 py_mp_peer.py 200000)"})
public final class BenchSyncCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--ops", paramLabel = "N", defaultValue = "1000000",
            description = "Operations N, as the peer's argument (at least 1000; default ${DEFAULT-VALUE}).")
    private long ops;

    @Option(names = "--idle-seconds", paramLabel = "S", defaultValue = "3",
            description = "How long to watch a child blocked in Event.await for its CPU use (0 to skip, at most 60; default ${DEFAULT-VALUE}).")
    private double idleSeconds;

    @Option(names = "--json", description = "One JSON object ({\"results\":[{\"name\":...,\"ops_per_s\":...}]}) instead of a table.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        if (ops < SyncBench.MIN_OPS) {
            throw new ParameterException(spec.commandLine(), "--ops must be at least " + SyncBench.MIN_OPS + ", got " + ops);
        }
        if (!(idleSeconds >= 0 && idleSeconds <= 60)) {
            throw new ParameterException(spec.commandLine(), "--idle-seconds must be 0 to 60, got " + idleSeconds);
        }
        SyncBench bench = new SyncBench(RunDirectory.defaultParent(System.getenv()));
        List<BenchResult> results = bench.runAll(ops);
        IdleWait idle = idleSeconds > 0 ? bench.idleWait(Duration.ofMillis((long) (idleSeconds * 1000))) : null;
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? toJson(ops, results, idle) : table(results, idle));
        out.flush();
        return 0;
    }

    static String toJson(long ops, List<BenchResult> results, IdleWait idle) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("bench", "sync");
        root.put("ops_requested", ops);
        ArrayNode list = root.putArray("results");
        for (BenchResult r : results) {
            ObjectNode o = list.addObject();
            o.put("name", r.name());
            o.put("ops_per_s", Math.round(r.opsPerSecond())); // first numeric field: what compare-peers reads
            o.put("operations", r.operations());
            o.put("seconds", r.seconds());
            o.put("participants", r.participants());
            o.put("kind", r.processes() ? "processes" : "threads");
        }
        if (idle != null) {
            ObjectNode w = root.putObject("idle_wait");
            w.put("seconds", idle.seconds());
            w.put("process_cpu_pct", idle.processCpuPercent());
            w.put("waiter_cpu_pct", idle.waiterCpuPercent());
            w.put("waiter_wakeups_per_s", Math.round(idle.waiterWakeupsPerSecond()));
        }
        return root.toString();
    }

    static String table(List<BenchResult> results, IdleWait idle) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-34s %14s %12s %9s%n", "figure", "ops/s", "operations", "seconds"));
        for (BenchResult r : results) {
            b.append(String.format(Locale.ROOT, "%-34s %,14d %,12d %9.3f%n", r.name(), Math.round(r.opsPerSecond()),
                    r.operations(), r.seconds()));
        }
        if (idle != null) {
            b.append(String.format(Locale.ROOT, "child blocked in Event.await for %.1f s: process %.2f %% of a core, "
                    + "waiting thread %.2f %% (%d wake-ups/s)%n", idle.seconds(), idle.processCpuPercent(),
                    idle.waiterCpuPercent(), Math.round(idle.waiterWakeupsPerSecond())));
        }
        return b.toString().stripTrailing();
    }
}
