package dev.telar.workloads.race;

import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.mechanism.NumberType;
import dev.telar.workloads.mechanism.SharedValue;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildExit;
import dev.telar.workloads.proc.QuietChildren;
import dev.telar.workloads.proc.StartGate;
import dev.telar.workloads.run.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The race demo: {@code processes} child JVMs each add 1 to a shared {@link SharedValue}
 * {@code increments} times without its lock (read, then write: updates get lost when processes
 * interleave), then as many times with the lock (none lost). Reports expected and actual totals
 * and the lost updates; a listener sees the value grow ({@link Sample}) for a live panel.
 */
public final class RaceDemo {
    /** How often the listener gets a sample, ms. */
    public static final long SAMPLE_PERIOD_MS = 50;
    /**
     * Most processes one demo starts. The race needs no slot per process (they share one value),
     * so only the machine bounds it; the same 64 as the exchange experiment keeps both forms alike.
     */
    public static final int MAX_PROCESSES = 64;

    /**
     * One look at the demo while it runs.
     *
     * @param locked         false during the phase without the lock, true during the one with it
     * @param elapsedSeconds since the phase started
     * @param value          the shared value now
     * @param expected       what it must reach at the end of the phase
     */
    public record Sample(boolean locked, double elapsedSeconds, long value, long expected) {
    }

    private RaceDemo() {
    }

    static Path unlockedFile(Path dir) {
        return dir.resolve("unlocked.value");
    }

    static Path lockedFile(Path dir) {
        return dir.resolve("locked.value");
    }

    static Path gate(Path dir, int phase) {
        return dir.resolve("phase-" + phase + ".gate");
    }

    /** Runs the demo in a fresh run directory under {@code parentDir}; waits for the result. */
    public static RaceResult run(Path parentDir, int processes, long increments, Consumer<Sample> listener)
            throws InterruptedException {
        return run(parentDir, processes, increments, listener, () -> false);
    }

    /**
     * As {@link #run(Path, int, long, Consumer)}, stopping early when {@code stop} says so: the
     * children are killed and the result is {@link RunResult.Status#CANCELLED}. {@code stop} is
     * asked about every millisecond while the children start and every sample while they count.
     */
    public static RaceResult run(Path parentDir, int processes, long increments, Consumer<Sample> listener,
                                 BooleanSupplier stop) throws InterruptedException {
        if (processes < 1 || processes > MAX_PROCESSES || increments < 1) {
            throw new ProblemException(Problem.of(ProblemCode.RACE_SIZE, MAX_PROCESSES, processes, increments));
        }
        long expected = processes * increments;
        List<Child> children = new ArrayList<>();
        try (RunDirectory run = RunDirectory.create(parentDir);
             SharedValue unlocked = SharedValue.create(unlockedFile(run.path()), NumberType.LONG, 0);
             SharedValue locked = SharedValue.create(lockedFile(run.path()), NumberType.LONG, 0);
             StartGate first = StartGate.open(gate(run.path(), 1));
             StartGate second = StartGate.open(gate(run.path(), 2))) {
            for (int i = 0; i < processes; i++) {
                children.add(QuietChildren.start(RaceChild.class,
                        List.of(run.path().toString(), Long.toString(increments))));
            }
            if (!first.awaitReady(processes, StartGate.READY_TIMEOUT,
                    () -> !stop.getAsBoolean() && allAlive(children))) {
                return stop.getAsBoolean() ? cancelled(processes, increments) : failed(processes, increments, expected, children);
            }
            long t0 = first.openNow();
            if (!watch(second, processes, children, false, unlocked, expected, t0, listener, stop)) {
                return stop.getAsBoolean() ? cancelled(processes, increments) : failed(processes, increments, expected, children);
            }
            long t1 = System.nanoTime();
            long unlockedTotal = unlocked.getLong();
            long t2 = second.openNow();
            if (!watch(null, processes, children, true, locked, expected, t2, listener, stop)) {
                return stop.getAsBoolean() ? cancelled(processes, increments) : failed(processes, increments, expected, children);
            }
            long t3 = System.nanoTime();
            for (Child c : children) {
                Optional<ChildExit> exit = c.join(Duration.ofSeconds(10));
                if (exit.isEmpty() || !exit.get().ok()) {
                    return failed(processes, increments, expected, children);
                }
            }
            return new RaceResult(processes, increments, RunResult.Status.COMPLETED, Problem.NONE, expected, unlockedTotal,
                    locked.getLong(), (t1 - t0) / 1e9, (t3 - t2) / 1e9);
        } finally {
            children.forEach(Child::kill);
        }
    }

    /**
     * Samples {@code value} until the phase ends: all children ready at {@code next} (or, for the
     * last phase, all ended). False when a child died first, or when {@code stop} says so.
     */
    private static boolean watch(StartGate next, int processes, List<Child> children, boolean locked,
                                 SharedValue value, long expected, long since, Consumer<Sample> listener,
                                 BooleanSupplier stop) throws InterruptedException {
        while (true) {
            if (stop.getAsBoolean()) {
                return false;
            }
            boolean done = next != null ? next.readyCount() >= processes : children.stream().noneMatch(Child::isAlive);
            listener.accept(new Sample(locked, (System.nanoTime() - since) / 1e9, value.getLong(), expected));
            if (done) {
                return next != null || children.stream().allMatch(c -> c.onExit().join().ok());
            }
            if (next != null && !allAlive(children)) {
                return false;
            }
            Thread.sleep(next != null ? 1 : SAMPLE_PERIOD_MS);
        }
    }

    /** The result of a demo stopped before its end: no totals. */
    public static RaceResult cancelled(int processes, long increments) {
        return new RaceResult(processes, increments, RunResult.Status.CANCELLED, Problem.CANCELLED, processes * increments,
                0, 0, Double.NaN, Double.NaN);
    }

    private static boolean allAlive(List<Child> children) {
        return children.stream().allMatch(Child::isAlive);
    }

    private static RaceResult failed(int processes, long increments, long expected, List<Child> children)
            throws InterruptedException {
        Problem why = Problem.of(ProblemCode.RACE_UNFINISHED);
        for (int i = 0; i < children.size(); i++) {
            Child c = children.get(i);
            if (!c.isAlive()) {
                ChildExit exit = c.join();
                if (!exit.ok()) {
                    why = c.endedAs(ProblemCode.PROCESS_ENDED, ProblemCode.PROCESS_ENDED_SAYING, i, c.pid(), exit.code());
                    break;
                }
            }
        }
        return new RaceResult(processes, increments, RunResult.Status.FAILED, why, expected, 0, 0, Double.NaN,
                Double.NaN);
    }
}
