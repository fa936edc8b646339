package dev.telar.tui.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telar.config.IpcSettings;
import dev.telar.config.Language;
import dev.telar.tui.IpcPlace;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.exchange.ChildReport;
import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.exchange.ExchangeResult;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.exchange.TotalCheck;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.proc.ChildExit;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.run.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code telar run exchange --via MECHANISM --processes P [--draws N] [--baseline] [--json]}: the
 * lecture's exchange experiment with child JVMs. Prints one line: the fields of a thread run plus
 * the mechanism; a run whose child died prints which child and how, and no total. The run (and the
 * sequential baseline before it) is one job of a lab engine in this JVM ({@link LabJob}).
 */
@Command(name = "exchange", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true)
public final class ExchangeCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    // Descriptions: "telar.run.exchange.*" in the usage bundles.
    @Option(names = "--via", required = true, paramLabel = "${bundle:label.mechanism:-MECHANISM}")
    private String via;

    @Option(names = "--processes", paramLabel = "P", defaultValue = "4")
    private int processes;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "320000000")
    private long draws;

    @Option(names = "--baseline")
    private boolean baseline;

    @Option(names = "--json")
    private boolean json;

    /** The manager of {@code --via manager-dict} and {@code manager-value}; the other mechanisms ignore it. */
    @Mixin
    private ManagerOptions manager = new ManagerOptions();

    /** The language asked for when the command was made, or null: the main command's. */
    private final Supplier<Language> language;

    /** A command that prints in the language the main command's options and settings choose. */
    public ExchangeCommand() {
        this(null);
    }

    /** @param language the language of lines and messages, asked when the command runs; null for the main command's */
    public ExchangeCommand(Supplier<Language> language) {
        this.language = language;
    }

    @Override
    public Integer call() throws InterruptedException {
        Texts texts = CommandTexts.of(spec, language);
        Mechanism mechanism = Mechanism.byName(via).orElseThrow(() -> new ParameterException(spec.commandLine(),
                texts.format("cli.exchange.mechanism.unknown", via, String.join(", ", Mechanism.NAMES))));
        problem(processes, draws, texts).ifPresent(p -> {
            throw new ParameterException(spec.commandLine(), p);
        });
        // Checked before anything starts: no manager named, or a key that cannot be read, is a usage error.
        Optional<ManagerTarget> target = mechanism.needsManager() ? Optional.of(manager.target(spec, texts)) : Optional.empty();
        OptionalInt refused = ManagerConnection.failure(target, spec, texts); // a wrong key: one line now, not a failed run
        if (refused.isPresent()) {
            return refused.getAsInt();
        }
        Path parent = IpcPlace.prepared(ipcSettings(spec), System.getenv());
        // With --baseline the lab first sums the draws in one thread of this process, timed.
        double[] sequential = {Double.NaN, Double.NaN};
        ExchangeResult[] result = new ExchangeResult[1];
        boolean signalled = LabJob.run(spec, parent, target, new LabCommand.CompareExchange(List.of(mechanism), processes, draws, false,
                baseline ? TotalCheck.BASELINE_FIRST : TotalCheck.NONE), texts, e -> {
            if (e instanceof LabEvent.Exchange x && x.event() instanceof ExchangeEvent.SequentialMeasured m) {
                sequential[0] = m.sum();
                sequential[1] = m.seconds();
            } else if (e instanceof LabEvent.Exchange x && x.event() instanceof ExchangeEvent.RunFinished f) {
                result[0] = f.result();
            }
        });
        ExchangeResult r = result[0];
        if (r == null) {
            // Stopped before the run began (e.g. while summing the baseline): nothing to report.
            if (signalled) {
                return 130;
            }
            throw new IllegalStateException("the lab ended the exchange run without a result");
        }
        double expected = sequential[0];
        double baselineSeconds = sequential[1];
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? toJson(r, expected, baselineSeconds) : text(r, expected, baselineSeconds, texts));
        out.flush();
        if (r.status() == RunResult.Status.FAILED) {
            spec.commandLine().getErr().println(texts.format("cli.run.failed", Errors.oneLine(failure(r, texts))));
            return Cli.FAILURE;
        }
        if (r.status() == RunResult.Status.COMPLETED && baseline && r.result() != expected) {
            spec.commandLine().getErr().println(texts.format("cli.exchange.mismatch", r.result(), expected));
            return Cli.FAILURE;
        }
        return r.status() == RunResult.Status.CANCELLED ? 130 : 0;
    }

    /** The settings' ipc block (directory, disk cap); the defaults when run without the root command. */
    static IpcSettings ipcSettings(CommandSpec command) {
        return command.root().userObject() instanceof TelarCommand root ? root.settings().ipc() : IpcSettings.DEFAULTS;
    }

    /** The run as the same fields as a thread run ({@link ResultJson}) plus the mechanism and its figures. */
    static String toJson(ExchangeResult r, double expected, double baselineSeconds) {
        ExchangeSpec s = r.spec();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kernel", "cpu");
        o.put("model", "processes");
        o.put("mechanism", s.mechanism().cliName());
        o.put("workers", s.processes());
        o.put("tasks", s.processes());
        o.put("size", s.drawsOf(0));
        o.put("draws", s.draws());
        o.putArray("cores");
        o.put("status", r.status().name().toLowerCase(Locale.ROOT));
        if (!r.problem().isNone()) {
            o.put("message", Problems.english(r.problem()));
        }
        o.put("wall_seconds", r.wallSeconds());
        if (Double.isNaN(r.cpuSeconds())) {
            o.putNull("cpu_seconds");
        } else {
            o.put("cpu_seconds", r.cpuSeconds());
        }
        boolean completed = r.status() == RunResult.Status.COMPLETED;
        if (completed) {
            o.put("result", r.result());
        } else {
            o.putNull("result");
        }
        if (!Double.isNaN(expected)) {
            o.put("sequential_result", expected);
            o.put("baseline_wall_seconds", baselineSeconds);
            if (completed) {
                o.put("matches_sequential", r.result() == expected);
                double speedup = baselineSeconds / r.wallSeconds();
                o.put("speedup", speedup);
                o.put("efficiency", speedup / s.processes());
            }
        }
        o.put("jvm_start_seconds", r.jvmStartSeconds());
        o.put("bytes_on_disk", r.bytesOnDisk());
        ArrayNode children = o.putArray("children");
        for (ChildReport c : r.children()) {
            ObjectNode n = children.addObject();
            n.put("index", c.index());
            n.put("pid", c.pid());
            n.put("exit", c.exit().map(ChildExit::describe).orElse("running"));
            c.exit().ifPresent(e -> n.put("signal", e.signal()));
            if (c.sent() >= 0) {
                n.put("sent", c.sent());
            }
            n.put("received", c.received());
        }
        o.put("verdict", verdict(r, expected));
        return o.toString();
    }

    /** The verdict in English, for the JSON output (machine-readable). */
    static String verdict(ExchangeResult r, double expected) {
        String who = r.spec().processes() + " processes via " + r.spec().mechanism().cliName();
        return switch (r.status()) {
            case CANCELLED -> who + ": cancelled, no result";
            case FAILED -> who + ": failed: " + Problems.english(r.problem());
            default -> Double.isNaN(expected)
                    ? String.format(Locale.ROOT, "%s: %.2f s (run with --baseline to check the total)", who,
                            r.wallSeconds())
                    : r.result() == expected
                    ? String.format(Locale.ROOT, "%s: %.2f s, total equals the sequential sum", who, r.wallSeconds())
                    : who + ": total differs from the sequential sum";
        };
    }

    /** The verdict line in the language of {@code t} (the JSON keeps {@link #verdict}, in English). */
    static String verdict(ExchangeResult r, double expected, Texts t) {
        String who = t.count("cli.exchange.who", r.spec().processes(), r.spec().mechanism().cliName());
        return switch (r.status()) {
            case CANCELLED -> t.format("cli.exchange.verdict.cancelled", who);
            case FAILED -> t.format("cli.exchange.verdict.failed", who, failure(r, t));
            default -> Double.isNaN(expected) ? t.format("cli.exchange.verdict.unchecked", who, r.wallSeconds())
                    : r.result() == expected ? t.format("cli.exchange.verdict.equal", who, r.wallSeconds())
                    : t.format("cli.exchange.verdict.differs", who);
        };
    }

    /**
     * Why a failed run failed, in the language of {@code t}: e.g. the first child that did not exit
     * cleanly, how it ended and what of its messages arrived, with its own last words.
     */
    static String failure(ExchangeResult r, Texts t) {
        return Problems.text(r.problem(), t);
    }

    /** What is wrong with these sizes, in the language of {@code t} and the options' names, or empty. */
    static Optional<String> problem(int processes, long draws, Texts t) {
        if (processes < 1 || processes > ExchangeSpec.MAX_PROCESSES) {
            return Optional.of(t.format("cli.exchange.processes", ExchangeSpec.MAX_PROCESSES, processes));
        }
        if (draws < processes || draws > ExchangeSpec.MAX_DRAWS) {
            return Optional.of(t.format("cli.exchange.draws", processes, ExchangeSpec.MAX_DRAWS, draws));
        }
        return ExchangeSpec.problem(processes, draws).map(p -> Problems.text(p, t));
    }

    static String text(ExchangeResult r, double expected, double baselineSeconds, Texts t) {
        StringBuilder b = new StringBuilder();
        b.append(t.format("cli.exchange.line", r.spec().mechanism().cliName(), r.spec().processes(),
                t.get("cli.exchange.status." + r.status().name().toLowerCase(Locale.ROOT)), r.wallSeconds(),
                r.jvmStartSeconds()));
        if (r.status() == RunResult.Status.COMPLETED) {
            b.append("  ").append(t.format("cli.exchange.total", r.result()));
            if (!Double.isNaN(expected)) {
                b.append("  ").append(t.format("cli.exchange.sequential", baselineSeconds,
                        baselineSeconds / r.wallSeconds()));
            }
        }
        b.append(System.lineSeparator()).append(verdict(r, expected, t));
        return b.toString();
    }
}
