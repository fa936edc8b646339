package dev.telar.tui.panel;

import com.googlecode.lanterna.input.KeyType;
import dev.telar.config.Settings;
import dev.telar.probe.ThreadInfo;
import dev.telar.tui.ExchangeFixtures;
import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Screens that between them draw every panel in every state that has words of its own: the
 * process list with an expanded process, filter and "Telar only" status, the filter input, an
 * empty match, the first frame before any sample, help in both views, the experiments form
 * (cpu, matmul, a model this JVM lacks), running worker threads, results with every status and
 * the verdict, a sweep with its bars, and the "enlarge" message. For tests that must hold on
 * every screen (no raw keys, only ASCII, no forbidden colours).
 */
final class EveryPanel {
    static final RunSpec CPU4 = new RunSpec(KernelKind.CPU, ModelKind.THREAD_TARGET, 4, 4, 80_000_000, 1, 2, 5,
            new int[0], RunSpec.SEED);

    private EveryPanel() {
    }

    /** Each screen by name, drawn at {@code columns}×{@code rows} with {@code settings}. */
    static Map<String, VirtualScreen> screens(Settings settings, int columns, int rows) {
        Map<String, Function<VirtualScreen, VirtualScreen>> steps = new LinkedHashMap<>();
        // the third row down is 4242, Telar itself, whose threads are listed
        steps.put("processes with threads", shown(KeyType.ArrowDown, KeyType.ArrowDown, KeyType.ArrowDown, KeyType.Enter));
        steps.put("filtered, Telar only", shown('/', "a", KeyType.Enter, 't'));
        steps.put("filter input", shown('/', "py"));
        steps.put("no match", shown('/', "zzz", KeyType.Enter));
        steps.put("expanded, threads not read yet", shown(KeyType.Enter));
        steps.put("before the first sample", VirtualScreen::draw);
        steps.put("help", shown('h'));
        steps.put("experiments help", shown('x', 'h'));
        steps.put("experiments form", shown('x'));
        // left wraps to matmul, up goes to the last field
        steps.put("matmul form", shown('x', KeyType.ArrowLeft, KeyType.ArrowUp, KeyType.ArrowUp));
        steps.put("io form, pinned", vs -> {
            show(vs);
            vs.press('x');
            vs.press(KeyType.ArrowRight);
            for (int i = 0; i < 5; i++) {
                vs.press(KeyType.ArrowDown);
            }
            vs.press(KeyType.ArrowRight);
            vs.press(KeyType.ArrowRight); // spread over all cores
            return vs;
        });
        // the model two to the left is virtual
        steps.put("model this JVM may lack", shown('x', KeyType.ArrowDown, KeyType.ArrowLeft, KeyType.ArrowLeft, KeyType.Enter));
        steps.put("running, worker threads", vs -> {
            vs.show(withWorkers());
            vs.press('x');
            vs.event(new ExperimentEvent.Started(CPU4));
            vs.press(KeyType.Enter); // refused while busy: a note
            return vs;
        });
        steps.put("cancelling", vs -> {
            vs.show(withWorkers());
            vs.press('x');
            vs.event(new ExperimentEvent.Started(CPU4));
            vs.press('c');
            return vs;
        });
        steps.put("results with every status", vs -> {
            show(vs);
            vs.press('x');
            for (RunResult r : everyStatus()) {
                vs.event(new ExperimentEvent.Finished(r));
            }
            vs.event(new ExperimentEvent.Idle());
            return vs;
        });
        steps.put("sweep", vs -> {
            show(vs);
            vs.press('x');
            List<RunResult> all = sweep();
            vs.lab.report(new ExperimentEvent.Started(CPU4));
            all.forEach(r -> vs.lab.report(new ExperimentEvent.Finished(r)));
            vs.lab.report(new ExperimentEvent.SweepFinished(all));
            vs.event(new ExperimentEvent.Idle());
            return vs;
        });
        steps.put("matmul sweep with a failure", vs -> {
            show(vs);
            vs.press('x');
            RunSpec mm = new RunSpec(KernelKind.MATMUL, ModelKind.SEQUENTIAL, 2, 1, 300, 1, 2, 5, new int[0],
                    RunSpec.SEED);
            List<RunResult> all = List.of(done(mm, 4.0, 4.0, 4.0), done(mm.withKernelThreads(2), 2.1, 4.1, 4.0),
                    new RunResult(mm.withKernelThreads(4), RunResult.Status.FAILED, Problem.of(ProblemCode.ERROR, "out of memory"), 0.1, Double.NaN,
                            Double.NaN, 4.0, 0),
                    new RunResult(mm.withKernelThreads(8), RunResult.Status.CANCELLED, Problem.CANCELLED, 0.1, 0.1,
                            Double.NaN, 4.0, 0));
            all.forEach(r -> vs.lab.report(new ExperimentEvent.Finished(r)));
            vs.lab.report(new ExperimentEvent.SweepFinished(all));
            vs.event(new ExperimentEvent.Idle());
            return vs;
        });
        steps.put("exchange form", shown('X'));
        steps.put("exchange help", shown('X', 'h'));
        steps.put("exchange running, a child killed", EveryPanel::exchangeRunning);
        steps.put("exchange cancelling", vs -> {
            exchangeRunning(vs);
            vs.press(KeyType.Enter); // refused while busy: a note
            vs.press('c');
            return vs;
        });
        steps.put("exchange refused while busy", vs -> {
            exchangeRunning(vs);
            vs.press('r');
            return vs;
        });
        steps.put("exchange results with every status", EveryPanel::exchangeResults);
        steps.put("experiments refused during an exchange", vs -> {
            exchangeRunning(vs);
            vs.press('x');
            vs.press(KeyType.Enter);
            return vs;
        });
        steps.put("exchange refused during an experiment", vs -> {
            vs.show(withWorkers());
            vs.press('x');
            vs.event(new ExperimentEvent.Started(CPU4));
            vs.press('X');
            vs.press(KeyType.Enter);
            return vs;
        });
        steps.put("race running", EveryPanel::raceRunning);
        steps.put("race done", vs -> {
            raceRunning(vs);
            vs.event(new ExchangeEvent.RaceFinished(ExchangeFixtures.raceDone()));
            vs.event(new ExchangeEvent.Idle());
            return vs;
        });
        steps.put("race failed", vs -> {
            raceRunning(vs);
            vs.event(new ExchangeEvent.RaceFinished(ExchangeFixtures.raceFailed()));
            vs.event(new ExchangeEvent.Idle());
            return vs;
        });
        steps.putAll(SyncScreens.all());
        steps.putAll(LessonScreens.all());
        steps.put("fleet without a manager", shown('f'));
        steps.put("fleet list", vs -> fleet(vs, false));
        steps.put("fleet host", vs -> fleet(vs, true));
        steps.put("fleet refused", vs -> {
            show(vs);
            vs.fleet.configured = true;
            vs.press('f');
            return vs.fleet(dev.telar.tui.view.FleetNews.failed(Problem.of(ProblemCode.MANAGER_REFUSED, "10.0.0.5:2181")));
        });
        steps.put("fleet retrying", vs -> {
            show(vs);
            vs.fleet.configured = true;
            vs.press('f');
            return vs.fleet(dev.telar.tui.view.FleetNews.retrying(Problem.of(ProblemCode.MANAGER_UNREACHABLE, "10.0.0.5:2181", "10")));
        });
        steps.put("too small", vs -> {
            vs.terminal.setTerminalSize(new com.googlecode.lanterna.TerminalSize(50, 12));
            return show(vs);
        });
        Map<String, VirtualScreen> out = new LinkedHashMap<>();
        steps.forEach((name, step) -> out.put(name, step.apply(new VirtualScreen(columns, rows, settings))));
        return out;
    }

    /**
     * The exchange view during the lecture's comparison of every mechanism with 4 processes: pipe
     * done, queue with 1 process done, queue with 4 running with child 5102 killed by SIGKILL.
     */
    static VirtualScreen exchangeRunning(VirtualScreen vs) {
        vs.show(ExchangeFixtures.withChildren());
        vs.press('X');
        vs.press(KeyType.Enter);
        vs.event(new ExchangeEvent.RunStarted(ExchangeFixtures.spec(Mechanism.PIPE, 1)));
        vs.event(ExchangeFixtures.completed(Mechanism.PIPE, 1, 1.02, true));
        vs.event(new ExchangeEvent.RunStarted(ExchangeFixtures.spec(Mechanism.PIPE, 4)));
        vs.event(ExchangeFixtures.completed(Mechanism.PIPE, 4, 0.31, true));
        vs.event(new ExchangeEvent.RunStarted(ExchangeFixtures.spec(Mechanism.QUEUE, 1)));
        vs.event(ExchangeFixtures.completed(Mechanism.QUEUE, 1, 1.01, true));
        vs.event(new ExchangeEvent.RunStarted(ExchangeFixtures.spec(Mechanism.QUEUE, 4)));
        vs.progress(ExchangeFixtures.queueProgress());
        return vs.show(ExchangeFixtures.withChildren());
    }

    /** After {@link #exchangeRunning}: queue failed, value's total wrong, array cancelled, dict never ran. */
    static VirtualScreen exchangeResults(VirtualScreen vs) {
        exchangeRunning(vs);
        vs.event(ExchangeFixtures.queueKilled());
        vs.event(new ExchangeEvent.RunStarted(ExchangeFixtures.spec(Mechanism.VALUE, 1)));
        vs.event(ExchangeFixtures.completed(Mechanism.VALUE, 1, 1.0, true));
        vs.event(new ExchangeEvent.RunStarted(ExchangeFixtures.spec(Mechanism.VALUE, 4)));
        vs.event(ExchangeFixtures.completed(Mechanism.VALUE, 4, 0.3, false));
        vs.event(new ExchangeEvent.RunStarted(ExchangeFixtures.spec(Mechanism.ARRAY, 1)));
        vs.event(ExchangeFixtures.cancelled(Mechanism.ARRAY, 1));
        return vs.event(new ExchangeEvent.Idle());
    }

    /** The race demo with 4 processes in its phase with the lock. */
    static VirtualScreen raceRunning(VirtualScreen vs) {
        show(vs);
        vs.press('X');
        vs.press('r');
        vs.event(new ExchangeEvent.RaceStarted(4, 1_000_000));
        vs.sample(ExchangeFixtures.unlockedSample());
        return vs.sample(ExchangeFixtures.lockedSample());
    }

    /**
     * A step that shows the lab machine, then presses {@code keys} in order: a {@code char} or a
     * {@link KeyType} is one key, a {@code String} is typed.
     */
    private static Function<VirtualScreen, VirtualScreen> shown(Object... keys) {
        return vs -> {
            show(vs);
            for (Object key : keys) {
                if (key instanceof Character c) {
                    vs.press(c);
                } else if (key instanceof KeyType t) {
                    vs.press(t);
                } else {
                    vs.type((String) key);
                }
            }
            return vs;
        };
    }

    /** The fleet view with two hosts, one gone; {@code host}: the first host's own view. */
    private static VirtualScreen fleet(VirtualScreen vs, boolean host) {
        show(vs);
        vs.fleet.configured = true;
        vs.press('f');
        vs.fleet(dev.telar.tui.view.FleetNews.watching(FleetRenderTest.twoHosts()));
        if (host) {
            vs.press(KeyType.Enter);
        }
        return vs.draw();
    }

    private static VirtualScreen show(VirtualScreen vs) {
        return vs.show(Snapshots.lab().build());
    }

    static RunResult done(RunSpec spec, double wall, double cpu, double baseline) {
        return new RunResult(spec, RunResult.Status.COMPLETED, Problem.NONE, wall, cpu, 42, baseline, 0);
    }

    /** The lab machine with Telar's own process (9000) running four worker threads. */
    static dev.telar.probe.SystemSnapshot withWorkers() {
        List<ThreadInfo> threads = List.of(new ThreadInfo(9000, "main", 'S', 0.5, 1, 1.0),
                new ThreadInfo(5000, "telar-target-0", 'R', 99.0, 0, 3.0),
                new ThreadInfo(5001, "telar-target-1", 'R', 98.5, 1, 3.0),
                new ThreadInfo(5002, "telar-target-2", 'S', 12.0, 2, 3.0),
                new ThreadInfo(5003, "telar-target-3", 'R', 97.0, 3, 3.0));
        return Snapshots.lab().selfPid(9000).process(9000, 1, "alice", 310, 100L << 20, "java -jar telar.jar", threads)
                .build();
    }

    /** Runs that between them reach every verdict and every row form of the results table. */
    static List<RunResult> everyStatus() {
        RunSpec base = CPU4.with(ModelKind.SEQUENTIAL, 1);
        RunSpec pinned = new RunSpec(KernelKind.CPU, ModelKind.THREAD_TARGET, 4, 4, CPU4.size(), 1, 1, 5,
                new int[] {0}, CPU4.seed());
        RunSpec io = new RunSpec(KernelKind.IO, ModelKind.THREAD_TARGET, 4, 4, 50, 1, 2, 5, new int[0], RunSpec.SEED);
        RunSpec mm = new RunSpec(KernelKind.MATMUL, ModelKind.SEQUENTIAL, 2, 1, 300, 4, 2, 5, new int[0], RunSpec.SEED);
        return List.of(done(base, 10.24, 10.2, 10.24), done(CPU4, 2.81, 11.02, 10.24),
                done(CPU4.with(ModelKind.GIL, 4), 10.3, 10.1, Double.NaN),
                done(CPU4.with(ModelKind.GIL, 4), 10.3, 10.1, 10.24),
                done(io.with(ModelKind.GIL, 4), 0.6, 0.01, 2.0),
                done(CPU4.with(ModelKind.SUBINTERPRETERS, 4), 5.2, 10.1, 10.24),
                done(io, 0.6, 0.01, 2.0), done(CPU4.with(ModelKind.THREAD_TARGET, 8), 14.0, 10.1, 10.24),
                done(CPU4.with(ModelKind.THREAD_TARGET, 8), 2.9, 11.0, 10.24),
                done(CPU4.with(ModelKind.POOL_MAP, 2), 6.0, 10.3, 10.24),
                done(CPU4.with(ModelKind.VIRTUAL, 1), 10.3, 10.2, 10.24), done(pinned, 10.2, 10.1, 10.24),
                done(mm, 1.1, 4.2, 4.0),
                new RunResult(CPU4, RunResult.Status.CANCELLED, Problem.CANCELLED, 1.5, 0.7, Double.NaN, 10.0, 0),
                new RunResult(CPU4.with(ModelKind.POOL_SUBMIT, 1), RunResult.Status.FAILED, Problem.of(ProblemCode.ERROR, "out of memory"), 0.2,
                        Double.NaN, Double.NaN, Double.NaN, 0));
    }

    /** A cpu sweep on the 4-core lab machine: 8 workers are slower than 4. */
    static List<RunResult> sweep() {
        RunSpec base = CPU4.with(ModelKind.SEQUENTIAL, 1);
        return List.of(done(base, 10.0, 10, 10.0), done(CPU4.with(ModelKind.THREAD_TARGET, 1), 10.1, 10, 10.0),
                done(CPU4.with(ModelKind.THREAD_TARGET, 2), 5.2, 10, 10.0),
                done(CPU4.with(ModelKind.THREAD_TARGET, 4), 2.7, 10, 10.0),
                done(CPU4.with(ModelKind.THREAD_TARGET, 8), 2.9, 10, 10.0));
    }
}
