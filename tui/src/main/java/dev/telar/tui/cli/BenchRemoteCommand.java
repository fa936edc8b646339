package dev.telar.tui.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telar.config.Language;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.bench.remote.RemoteBench;
import dev.telar.workloads.bench.remote.RemoteFigure;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code telar bench remote [--clients N] [--ops N] [--embedded] [--json]}: the remote manager's
 * dict, lock and barrier timed from N client JVMs ({@link RemoteBench}), against the configured
 * manager or, with {@code --embedded}, one it starts on loopback and removes afterwards.
 */
@Command(name = "remote", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true) // descriptions: "telar.bench.remote.*" in the usage bundles
public final class BenchRemoteCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The most operations per client accepted: some minutes against a manager on loopback. */
    static final int MAX_OPS = 1_000_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "2")
    private int clients;

    @Option(names = "--ops", paramLabel = "N", defaultValue = "500")
    private int ops;

    @Option(names = "--embedded")
    private boolean embedded;

    @Option(names = "--json")
    private boolean json;

    @Mixin
    private ManagerOptions manager = new ManagerOptions();

    /** The language asked for when the command was made, or null: the main command's. */
    private final Supplier<Language> language;

    /** A command that prints in the language the main command's options and settings choose. */
    public BenchRemoteCommand() {
        this(null);
    }

    /** @param language the language of the table and messages, asked when the command runs; null for the main command's */
    public BenchRemoteCommand(Supplier<Language> language) {
        this.language = language;
    }

    @Override
    public Integer call() throws InterruptedException {
        Texts texts = CommandTexts.of(spec, language);
        if (clients < 1 || clients > RemoteBench.MAX_CLIENTS) {
            throw new ParameterException(spec.commandLine(), texts.format("cli.bench.remote.clients", RemoteBench.MAX_CLIENTS, clients));
        }
        if (ops < 1 || ops > MAX_OPS) {
            throw new ParameterException(spec.commandLine(), texts.format("cli.bench.remote.ops", MAX_OPS, ops));
        }
        // Checked before any child starts: no manager named, or an unreadable key, is a usage error.
        ManagerTarget target = embedded ? null : manager.target(spec, texts);
        OptionalInt refused = ManagerConnection.failure(Optional.ofNullable(target), spec, texts);
        if (refused.isPresent()) {
            return refused.getAsInt();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.println(String.format(Locale.ROOT, "%-30s %8s %12s %11s %9s %9s", texts.get("cli.bench.col.figure"),
                    texts.get("cli.bench.col.clients"), texts.get("cli.bench.col.rate"), texts.get("cli.bench.col.operations"),
                    texts.get("cli.bench.col.seconds"), texts.get("cli.bench.col.retries")));
            out.flush();
        }
        Consumer<RemoteFigure> line = f -> {
            if (!json) {
                out.println(String.format(Locale.ROOT, "%-30s %8d %,12.0f %,11d %9.3f %,9d", f.name(), f.clients(),
                        f.opsPerSecond(), f.operations(), f.seconds(), f.retries()));
                out.flush();
            }
        };
        List<RemoteFigure> figures;
        try {
            figures = embedded ? RemoteBench.runEmbedded(clients, ops, line) : RemoteBench.run(target, clients, ops, line);
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            String why = Problems.carried(e, texts).orElse(e.getMessage());
            spec.commandLine().getErr().println(texts.format("cli.bench.remote.failed", Errors.oneLine(why)));
            return Cli.FAILURE;
        }
        if (json) {
            out.println(toJson(clients, ops, embedded, figures));
        }
        out.flush();
        return 0;
    }

    /** The figures as bench/remote-vs-python reads them: a name and, first of the rates, ops_per_s. */
    static String toJson(int clients, int ops, boolean embedded, List<RemoteFigure> figures) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("bench", "remote");
        o.put("clients", clients);
        o.put("ops", ops);
        o.put("embedded", embedded);
        ArrayNode results = o.putArray("results");
        for (RemoteFigure f : figures) {
            ObjectNode n = results.addObject();
            n.put("name", f.name());
            n.put("ops_per_s", Math.round(f.opsPerSecond()));
            n.put("count", f.operations());
            n.put("seconds", f.seconds());
            n.put("clients", f.clients());
            n.put("retries", f.retries());
            n.put("verified", true);
        }
        return o.toString();
    }
}
