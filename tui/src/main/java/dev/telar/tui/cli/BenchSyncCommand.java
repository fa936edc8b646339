package dev.telar.tui.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telar.config.Language;
import dev.telar.tui.IpcPlace;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.bench.BenchResult;
import dev.telar.workloads.bench.IdleWait;
import dev.telar.workloads.bench.SyncBench;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
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
        sortOptions = false, usageHelpAutoWidth = true) // descriptions: "telar.bench.sync.*" in the usage bundles
public final class BenchSyncCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--ops", paramLabel = "N", defaultValue = "1000000")
    private long ops;

    @Option(names = "--idle-seconds", paramLabel = "S", defaultValue = "3")
    private double idleSeconds;

    @Option(names = "--json")
    private boolean json;

    /** The language asked for when the command was made, or null: the main command's. */
    private final Supplier<Language> language;

    /** A command that prints in the language the main command's options and settings choose. */
    public BenchSyncCommand() {
        this(null);
    }

    /** @param language the language of the table and messages, asked when the command runs; null for the main command's */
    public BenchSyncCommand(Supplier<Language> language) {
        this.language = language;
    }

    @Override
    public Integer call() throws InterruptedException {
        Texts texts = CommandTexts.of(spec, language);
        if (ops < SyncBench.MIN_OPS) {
            throw new ParameterException(spec.commandLine(), texts.format("cli.bench.sync.ops", SyncBench.MIN_OPS, ops));
        }
        if (!(idleSeconds >= 0 && idleSeconds <= 60)) {
            throw new ParameterException(spec.commandLine(), texts.format("cli.bench.sync.idle", idleSeconds));
        }
        // The process figures keep their shared files where the settings' ipc.dir says.
        SyncBench bench = new SyncBench(IpcPlace.prepared(ExchangeCommand.ipcSettings(spec), System.getenv()));
        List<BenchResult> results = bench.runAll(ops);
        IdleWait idle = idleSeconds > 0 ? bench.idleWait(Duration.ofMillis((long) (idleSeconds * 1000))) : null;
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? toJson(ops, results, idle) : table(results, idle, texts));
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
            o.put("ops_per_s", Math.round(r.opsPerSecond())); // first numeric field: what bench/peer-ratios reads
            o.put("operations", r.operations());
            o.put("seconds", r.seconds());
            o.put("participants", r.participants());
            o.put("kind", r.processes() ? "processes" : "threads");
            o.put("rounds", r.roundSeconds().length);
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

    static String table(List<BenchResult> results, IdleWait idle, Texts t) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-34s %14s %12s %9s%n", t.get("cli.bench.col.figure"), t.get("cli.bench.col.rate"),
                t.get("cli.bench.col.operations"), t.get("cli.bench.col.seconds")));
        for (BenchResult r : results) {
            b.append(String.format(Locale.ROOT, "%-34s %,14d %,12d %9.3f%n", r.name(), Math.round(r.opsPerSecond()),
                    r.operations(), r.seconds()));
        }
        if (idle != null) {
            b.append(t.format("cli.bench.sync.idleline", idle.seconds(), idle.processCpuPercent(),
                    idle.waiterCpuPercent(), Math.round(idle.waiterWakeupsPerSecond()))).append(System.lineSeparator());
        }
        return b.toString().stripTrailing();
    }
}
