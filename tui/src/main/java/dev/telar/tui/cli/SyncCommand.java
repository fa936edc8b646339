package dev.telar.tui.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.RunningScenario;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import dev.telar.workloads.sync.scenario.ScenarioStatus;
import dev.telar.workloads.sync.scenario.SyncScenarioRunner;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code telar sync PRIMITIVE [--mode threads|processes] [--lock on|off] ...}: runs one lecture
 * scenario headless and prints its outcome (a line of text, or JSON). Exit code 0 when the run
 * completed as it should (with the lock off, lost updates are what it should show), 1 when the
 * primitive failed its job or the run failed, 130 when interrupted.
 */
@Command(name = "sync", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Runs the lecture's scenario for one synchronization primitive and prints the outcome.",
            "Primitives: lock, rlock, semaphore, condition, event, barrier.",
            "Example: telar sync lock --mode processes --lock off"})
public final class SyncCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRIMITIVE", description = "lock, rlock, semaphore, condition, event or barrier.")
    private String primitive;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "threads",
            description = "threads or processes (child JVMs) (default ${DEFAULT-VALUE}).")
    private String mode;

    @Option(names = "--slowdown", paramLabel = "X", defaultValue = "0",
            description = "0 = full speed, 1 = lecture pace, in between or above scales the pauses (default ${DEFAULT-VALUE}).")
    private double slowdown;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "0",
            description = "Workers (default: the scenario's own, e.g. 4 for lock, 8 for semaphore).")
    private int workers;

    @Option(names = "--size", paramLabel = "N", defaultValue = "0",
            description = "Amount of work: numbers per worker (lock), transfers (rlock), rounds (semaphore, barrier), "
                    + "items per producer (condition), signals (event). Default: the scenario's own.")
    private long size;

    @Option(names = "--lock", paramLabel = "on|off", defaultValue = "on",
            description = "Lock scenario: take the lock around each update, or not to show lost updates (default ${DEFAULT-VALUE}).")
    private String lock;

    @Option(names = "--json", description = "One JSON object instead of text.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        ScenarioSpec s;
        try {
            boolean lockOn = switch (lock.toLowerCase(Locale.ROOT)) {
                case "on" -> true;
                case "off" -> false;
                default -> throw new IllegalArgumentException("--lock must be on or off, not '" + lock + "'");
            };
            s = new ScenarioSpec(Primitive.parse(primitive), Mode.parse(mode), slowdown, workers, size, lockOn);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        RunningScenario run;
        try {
            run = SyncScenarioRunner.start(s, RunDirectory.defaultParent(System.getenv()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Thread stopper = new Thread(run::cancel, "telar-sync-cancel");
        Runtime.getRuntime().addShutdownHook(stopper);
        ScenarioOutcome o;
        try {
            o = run.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is cancelling the run
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? toJson(o, run.spec()) : String.format(Locale.ROOT, "%s (%s, %d workers, %.2f s): %s",
                o.primitive().label(), o.mode().label(), run.spec().workers(), o.seconds(), o.summary()));
        out.flush();
        if (o.status() == ScenarioStatus.CANCELLED) {
            return 130;
        }
        if (o.status() == ScenarioStatus.FAILED) {
            spec.commandLine().getErr().println("telar: the scenario failed: " + Errors.oneLine(o.summary()));
            return Cli.FAILURE;
        }
        return o.correct() || !run.spec().lockEnabled() ? 0 : Cli.FAILURE;
    }

    static String toJson(ScenarioOutcome o, ScenarioSpec used) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("primitive", o.primitive().label());
        n.put("mode", o.mode().label());
        n.put("workers", used.workers());
        n.put("size", used.size());
        n.put("slowdown", used.slowdown());
        n.put("status", o.status().name().toLowerCase(Locale.ROOT));
        n.put("correct", o.correct());
        n.put("summary", o.summary());
        n.put("seconds", o.seconds());
        ObjectNode r = n.putObject("results");
        for (Map.Entry<String, Long> e : o.results().entrySet()) {
            r.put(e.getKey(), e.getValue());
        }
        return n.toString();
    }
}
