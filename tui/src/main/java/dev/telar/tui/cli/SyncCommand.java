package dev.telar.tui.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telar.config.Language;
import dev.telar.tui.IpcPlace;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.problem.ProblemException;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.scenario.LockFigures;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.PrimitiveFigures;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import dev.telar.workloads.sync.scenario.ScenarioStatus;
import dev.telar.workloads.sync.scenario.SemaphoreFigures;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code telar sync PRIMITIVE [--mode threads|processes|remote] [--lock on|off] ...}: runs one lecture
 * scenario headless and prints its outcome (a line of text, or JSON). Exit code 0 when the run
 * completed as it should (with the lock off, lost updates are what it should show), 1 when the
 * primitive failed its job or the run failed, 130 when interrupted. The scenario is one job of a
 * lab engine in this JVM ({@link LabJob}).
 */
@Command(name = "sync", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true)
public final class SyncCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    // Descriptions: "telar.sync.*" in the usage bundles.
    @Parameters(index = "0", paramLabel = "${bundle:label.primitive:-PRIMITIVE}", descriptionKey = "telar.sync.primitive")
    private String primitive;

    @Option(names = "--mode", paramLabel = "${bundle:label.mode:-MODE}", defaultValue = "threads")
    private String mode;

    @Option(names = "--slowdown", paramLabel = "X", defaultValue = "0")
    private double slowdown;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "0")
    private int workers;

    @Option(names = "--size", paramLabel = "N", defaultValue = "0")
    private long size;

    @Option(names = "--lock", paramLabel = "on|off", defaultValue = "on")
    private String lock;

    @Option(names = "--json")
    private boolean json;

    /** The manager of {@code --mode remote}; the other modes ignore it. */
    @Mixin
    private ManagerOptions manager = new ManagerOptions();

    /** The language asked for when the command was made, or null: the main command's. */
    private final Supplier<Language> language;

    /** A command that prints in the language the main command's options and settings choose. */
    public SyncCommand() {
        this(null);
    }

    /** @param language the language of lines and messages, asked when the command runs; null for the main command's */
    public SyncCommand(Supplier<Language> language) {
        this.language = language;
    }

    @Override
    public Integer call() throws InterruptedException {
        Texts texts = CommandTexts.of(spec, language);
        ScenarioSpec s;
        try {
            checkNumbers(texts);
            s = new ScenarioSpec(primitive(texts), mode(texts), slowdown, workers, size, lockOn(texts));
        } catch (ProblemException e) {
            throw new ParameterException(spec.commandLine(), Problems.text(e.problem(), texts));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage()); // already in the user's words
        }
        // A run in processes keeps its shared files where the settings' ipc.dir says. A spec the
        // scenario refuses (e.g. an odd number of workers for the Condition) is a usage error.
        Optional<ManagerTarget> target = s.mode() == Mode.REMOTE ? Optional.of(manager.target(spec, texts)) : Optional.empty();
        OptionalInt refused = ManagerConnection.failure(target, spec, texts); // a wrong key: one line now, not a failed run
        if (refused.isPresent()) {
            return refused.getAsInt();
        }
        ScenarioSpec[] used = new ScenarioSpec[1];
        ScenarioOutcome[] outcome = new ScenarioOutcome[1];
        boolean signalled = LabJob.run(spec, IpcPlace.prepared(ExchangeCommand.ipcSettings(spec), System.getenv()),
                new LabCommand.RunScenario(s, target), texts, e -> {
                    if (e instanceof LabEvent.ScenarioStarted started) {
                        used[0] = started.spec();
                    } else if (e instanceof LabEvent.ScenarioEnded ended) {
                        outcome[0] = ended.outcome();
                    }
                });
        ScenarioOutcome o = outcome[0];
        if (o == null || used[0] == null) {
            if (signalled) {
                return 130;
            }
            throw new IllegalStateException("the lab ended the scenario without an outcome");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? toJson(o, used[0]) : line(o, used[0], texts));
        out.flush();
        if (o.status() == ScenarioStatus.CANCELLED) {
            return 130;
        }
        if (o.status() == ScenarioStatus.FAILED) {
            spec.commandLine().getErr().println(texts.format("cli.sync.failed",
                    Errors.oneLine(Problems.text(o.failure(), texts))));
            return Cli.FAILURE;
        }
        return o.correct() || !used[0].lockEnabled() ? 0 : Cli.FAILURE;
    }

    /** The primitive named, or a usage error in the language of {@code t}. */
    private Primitive primitive(Texts t) {
        for (Primitive p : Primitive.values()) {
            if (p.label().equalsIgnoreCase(primitive)) {
                return p;
            }
        }
        throw new IllegalArgumentException(t.format("cli.sync.primitive.unknown", primitive, Primitive.labels()));
    }

    private Mode mode(Texts t) {
        try {
            return Mode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(t.format("cli.sync.mode.unknown", mode));
        }
    }

    private boolean lockOn(Texts t) {
        return switch (lock.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(t.format("cli.sync.lock.bad", lock));
        };
    }

    /** The checks of {@link ScenarioSpec}, told in the language of {@code t} before it states them in English. */
    private void checkNumbers(Texts t) {
        if (!(slowdown >= 0) || slowdown > 1000) {
            // as typed: -1, not -1.0
            String typed = Double.isFinite(slowdown) ? java.math.BigDecimal.valueOf(slowdown).stripTrailingZeros().toPlainString()
                    : Double.toString(slowdown);
            throw new IllegalArgumentException(t.format("cli.sync.slowdown", typed));
        }
        if (workers < 0 || workers > ScenarioSpec.MAX_WORKERS) {
            throw new IllegalArgumentException(t.format("cli.sync.workers", ScenarioSpec.MAX_WORKERS, workers));
        }
        if (size < 0) {
            throw new IllegalArgumentException(t.format("cli.sync.size", size));
        }
    }

    /** The outcome as one line of text in the language of {@code t}. */
    static String line(ScenarioOutcome o, ScenarioSpec used, Texts t) {
        return t.count("cli.sync.line", used.workers(), o.primitive().label(),
                t.get("cli.sync.mode." + o.mode().label()), o.seconds(), summary(o, t));
    }

    /**
     * The outcome's summary in the language of {@code t}, rebuilt from its figures for completed
     * runs (lock and semaphore with their own wording, the others as the sync view words them); a
     * cancelled run gives its figures so far, a failed one its reason (e.g. a child's end).
     */
    static String summary(ScenarioOutcome o, Texts t) {
        if (o.status() == ScenarioStatus.FAILED) {
            return t.format("cli.sync.summary.failed", Problems.message(o.failure()));
        }
        if (o.status() == ScenarioStatus.CANCELLED && o.figures().isEmpty()) {
            return t.get("cli.sync.summary.cancelled.early");
        }
        if (o.status() == ScenarioStatus.CANCELLED) {
            return t.format("cli.sync.summary.cancelled", dev.telar.tui.panel.SyncPanel.figures(t, o));
        }
        Optional<LockFigures> lock = o.figures(LockFigures.class);
        if (lock.isPresent()) {
            LockFigures l = lock.get();
            String lockWord = t.get(l.lockOn() ? "cli.sync.lock.on" : "cli.sync.lock.off");
            return l.total() == l.expected()
                    ? t.format("cli.sync.summary.lock.exact", lockWord, l.total())
                    : t.format("cli.sync.summary.lock.lost", lockWord, l.total(), l.expected(), l.lostUpdates());
        }
        Optional<SemaphoreFigures> semaphore = o.figures(SemaphoreFigures.class);
        if (semaphore.isPresent()) {
            long permits = semaphore.get().permits();
            long most = semaphore.get().mostInside();
            return t.format("cli.sync.summary.semaphore", permits, semaphore.get().uses(), most)
                    + (most <= permits ? "" : " " + t.get("cli.sync.summary.semaphore.over"));
        }
        return dev.telar.tui.panel.SyncPanel.figures(t, o);
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
        // A failure's reason in English, as the other fields are for programs to read.
        n.put("summary", o.status() == ScenarioStatus.FAILED ? summary(o, Texts.of(Language.EN)) : o.summary());
        n.put("seconds", o.seconds());
        ObjectNode r = n.putObject("results");
        for (Map.Entry<String, Long> e : o.figures().map(PrimitiveFigures::named).orElse(Map.of()).entrySet()) {
            r.put(e.getKey(), e.getValue());
        }
        return n.toString();
    }
}
