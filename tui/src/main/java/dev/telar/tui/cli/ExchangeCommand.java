package dev.telar.tui.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telar.config.IpcSettings;
import dev.telar.tui.IpcPlace;
import dev.telar.workloads.exchange.ChildReport;
import dev.telar.workloads.exchange.ExchangeExperiment;
import dev.telar.workloads.exchange.ExchangeResult;
import dev.telar.workloads.exchange.ExchangeRun;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.exchange.Mechanism;
import dev.telar.workloads.proc.ChildExit;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code telar run exchange --via MECHANISM --processes P [--draws N] [--baseline] [--json]}: the
 * lecture's exchange experiment with child JVMs. Prints one line: the fields of a thread run plus
 * the mechanism; a run whose child died prints which child and how, and no total.
 */
@Command(name = "exchange", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Sums random draws in child processes and returns the partial sums through a pipe, a queue, "
                + "a shared value, a shared array or a shared dict.",
            "Example (the lecture's experiment): telar run exchange --via queue --processes 4 --json"})
public final class ExchangeCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(names = "--via", required = true, paramLabel = "MECHANISM",
            description = "pipe, queue, value, array or dict.")
    private String via;

    @Option(names = "--processes", paramLabel = "P", defaultValue = "4",
            description = "Child processes (default ${DEFAULT-VALUE}).")
    private int processes;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "320000000",
            description = "Random draws in all, split over the processes (default ${DEFAULT-VALUE}, the lecture's).")
    private long draws;

    @Option(names = "--baseline", description = "Also sum the same draws in this process first, to check the total "
            + "and report the speedup.")
    private boolean baseline;

    @Option(names = "--json", description = "One JSON object instead of text.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        Mechanism mechanism = Mechanism.byName(via).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown mechanism '" + via + "'; choose one of " + String.join(", ", Mechanism.NAMES)));
        ExchangeSpec.problem(processes, draws).ifPresent(p -> {
            throw new ParameterException(spec.commandLine(), p);
        });
        IpcSettings ipc = ipcSettings(spec);
        ExchangeSpec exchange = new ExchangeSpec(mechanism, processes, draws, RunSpec.SEED, IpcPlace.limits(ipc));
        double expected = Double.NaN;
        double baselineSeconds = Double.NaN;
        if (baseline) {
            long t0 = System.nanoTime();
            expected = exchange.sequentialSum();
            baselineSeconds = (System.nanoTime() - t0) / 1e9;
        }
        Path parent = IpcPlace.parentDir(ipc, System.getenv());
        ExchangeRun run = ExchangeExperiment.start(exchange, parent, s -> { });
        Thread stopper = new Thread(run::cancel, "telar-exchange-cancel");
        Runtime.getRuntime().addShutdownHook(stopper);
        ExchangeResult r;
        try {
            r = run.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is already stopping the run.
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? toJson(r, expected, baselineSeconds) : text(r, expected, baselineSeconds));
        out.flush();
        if (r.status() == RunResult.Status.FAILED) {
            spec.commandLine().getErr().println("telar: the run failed: " + r.message());
            return Cli.FAILURE;
        }
        if (r.status() == RunResult.Status.COMPLETED && baseline && r.result() != expected) {
            spec.commandLine().getErr().println("telar: the total " + r.result()
                    + " differs from the sequential sum " + expected);
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
        if (!r.message().isEmpty()) {
            o.put("message", r.message());
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

    static String verdict(ExchangeResult r, double expected) {
        String who = r.spec().processes() + " processes via " + r.spec().mechanism().cliName();
        return switch (r.status()) {
            case CANCELLED -> who + ": cancelled, no result";
            case FAILED -> who + ": failed: " + r.message();
            default -> Double.isNaN(expected)
                    ? String.format(Locale.ROOT, "%s: %.2f s (run with --baseline to check the total)", who,
                            r.wallSeconds())
                    : r.result() == expected
                    ? String.format(Locale.ROOT, "%s: %.2f s, total equals the sequential sum", who, r.wallSeconds())
                    : who + ": total differs from the sequential sum";
        };
    }

    private static String text(ExchangeResult r, double expected, double baselineSeconds) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-8s %3d processes  %-9s  wall %.3f s  JVM start %.2f s", 
                r.spec().mechanism().cliName(), r.spec().processes(), r.status().name().toLowerCase(Locale.ROOT),
                r.wallSeconds(), r.jvmStartSeconds()));
        if (r.status() == RunResult.Status.COMPLETED) {
            b.append(String.format(Locale.ROOT, "  total %.6f", r.result()));
            if (!Double.isNaN(expected)) {
                b.append(String.format(Locale.ROOT, "  sequential %.2f s, ×%.2f", baselineSeconds,
                        baselineSeconds / r.wallSeconds()));
            }
        }
        b.append(System.lineSeparator()).append(verdict(r, expected));
        return b.toString();
    }
}
