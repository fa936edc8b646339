package dev.telar.tui.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telar.config.IpcSettings;
import dev.telar.config.Language;
import dev.telar.tui.IpcPlace;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.bench.BenchFigure;
import dev.telar.workloads.bench.IpcBench;
import dev.telar.workloads.bench.WarmUp;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
 * {@code telar bench ipc [--messages N] [--json]}: pipe, queue, value, array and dict between two
 * child JVMs with the Python peer's counts, as operations per second under the peer's names.
 */
@Command(name = "ipc", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true) // descriptions: "telar.bench.ipc.*" in the usage bundles
public final class BenchIpcCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "200000")
    private long messages;

    @Option(names = "--only", split = ",", paramLabel = "NAME")
    private List<String> only;

    @Option(names = "--json")
    private boolean json;

    /** The language asked for when the command was made, or null: the main command's. */
    private final Supplier<Language> language;

    /** A command that prints in the language the main command's options and settings choose. */
    public BenchIpcCommand() {
        this(null);
    }

    /** @param language the language of the table and messages, asked when the command runs; null for the main command's */
    public BenchIpcCommand(Supplier<Language> language) {
        this.language = language;
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        Texts texts = CommandTexts.of(spec, language);
        if (messages < 100 || messages > 1_000_000_000L) {
            throw new ParameterException(spec.commandLine(), texts.format("cli.bench.ipc.messages", messages));
        }
        List<String> names = only == null ? IpcBench.NAMES : only;
        for (String name : names) {
            if (!IpcBench.NAMES.contains(name)) {
                throw new ParameterException(spec.commandLine(),
                        texts.format("cli.bench.ipc.only", name, String.join(", ", IpcBench.NAMES)));
            }
        }
        IpcSettings ipc = ExchangeCommand.ipcSettings(spec);
        Path place = IpcPlace.prepared(ipc, System.getenv());
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.println(String.format(Locale.ROOT, "%-26s %14s %10s %10s %10s %14s", texts.get("cli.bench.col.mechanism"),
                    texts.get("cli.bench.col.rate"), texts.get("cli.bench.col.seconds"), "p50 µs", "p99 µs",
                    texts.get("cli.bench.col.ready")));
            out.flush();
        }
        List<BenchFigure> figures;
        try {
            figures = IpcBench.run(place, IpcPlace.limits(ipc), WarmUp.BENCHMARK, names,
                    messages, f -> {
                if (!json) {
                    out.println(String.format(Locale.ROOT, "%-26s %,14.0f %10.4f %10s %10s %,14.0f", f.name(),
                            f.opsPerSecond(), f.seconds(), micros(f.p50Micros()), micros(f.p99Micros()),
                            f.readyMs()));
                    out.flush();
                }
            });
        } catch (IllegalStateException e) {
            String why = Problems.carried(e, texts).orElse(e.getMessage());
            spec.commandLine().getErr().println(texts.format("cli.bench.ipc.failed", Errors.oneLine(why)));
            return Cli.FAILURE;
        }
        if (json) {
            out.println(toJson(messages, figures));
        }
        out.flush();
        return 0;
    }

    private static String micros(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** The figures as bench/peer-ratios reads them: a name and, first of the rates, ops_per_s. */
    static String toJson(long messages, List<BenchFigure> figures) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("bench", "ipc");
        o.put("messages", messages);
        ArrayNode results = o.putArray("results");
        for (BenchFigure f : figures) {
            ObjectNode n = results.addObject();
            n.put("name", f.name());
            n.put("ops_per_s", Math.round(f.opsPerSecond()));
            if (!Double.isNaN(f.p50Micros())) {
                n.put("p50_us", f.p50Micros());
                n.put("p99_us", f.p99Micros());
            }
            n.put("count", f.operations());
            n.put("seconds", f.seconds());
            n.put("ready_ms", Math.round(f.readyMs()));
            n.put("processes", f.processes());
            n.put("rounds", f.roundSeconds().length);
            ArrayNode rates = n.putArray("round_ops_per_s");
            for (double rate : f.roundRates()) {
                rates.add(Math.round(rate));
            }
            if (f.verified()) {
                n.put("verified", true);
            }
        }
        return o.toString();
    }
}
