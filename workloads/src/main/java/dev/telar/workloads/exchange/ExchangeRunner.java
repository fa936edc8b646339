package dev.telar.workloads.exchange;

import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.race.RaceDemo;
import dev.telar.workloads.race.RaceResult;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the exchange experiment and the race demo one job at a time on a single background thread,
 * for a user interface.
 *
 * <p>A comparison job runs, for each mechanism in turn, the lecture's pair: the draws in 1 child
 * process, then in P child processes. The parent computes the sequential sum of the same draws
 * (once per process count and draw count: the mechanism does not change it) after each completed
 * run, or first as a timed baseline, or not at all ({@link TotalCheck}), so the listener learns
 * whether the total is exact. A run whose child dies ends as
 * failed and the job goes on with the next run; a cancelled run ends the job.
 *
 * <p>Progress is not pushed: a user interface asks {@link #progress()} and {@link #raceSample()}
 * at its own pace, and gets immutable values. Thread-safe. Listeners are called on the runner's
 * thread and must hand events over quickly. {@link #close()} kills every child of the job in
 * progress.
 */
public final class ExchangeRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeRunner.class);

    /** Longest {@link #close()} waits for a cancelled run to remove its directory. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final Path parentDir;
    private final ExchangeLimits limits;
    private final Optional<ManagerTarget> manager;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "telar-exchange-runner");
        t.setDaemon(true);
        return t;
    });
    private final List<Consumer<ExchangeEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong submitted = new AtomicLong();
    /** Jobs queued or running. */
    private final AtomicInteger pending = new AtomicInteger();
    /** Jobs with an id up to this one are cancelled (also those not begun yet). */
    private volatile long cancelledUpTo;
    private volatile Running running;
    private volatile RaceDemo.Sample raceSample;
    /** Sequential sums by process count and draws; runner thread only. */
    private final Map<List<Long>, Double> sums = new HashMap<>();

    private record Running(ExchangeSpec spec, ExchangeRun run) {
    }

    /**
     * @param parentDir where each run's directory is made (see {@link dev.telar.workloads.ipc.RunDirectory})
     * @param limits    back-pressure and disk cap of every run
     */
    public ExchangeRunner(Path parentDir, ExchangeLimits limits) {
        this(parentDir, limits, Optional.empty());
    }

    /**
     * @param parentDir where each run's directory is made (see {@link dev.telar.workloads.ipc.RunDirectory})
     * @param limits    back-pressure and disk cap of every run
     * @param manager   the manager of the mechanisms that need one ({@link Mechanism#needsManager()});
     *                  empty: comparisons with such a mechanism are refused
     */
    public ExchangeRunner(Path parentDir, ExchangeLimits limits, Optional<ManagerTarget> manager) {
        this.parentDir = parentDir;
        this.limits = limits;
        this.manager = manager;
    }

    /** Where the runs' directories go. */
    public Path parentDir() {
        return parentDir;
    }

    /** The limits every run gets. */
    public ExchangeLimits limits() {
        return limits;
    }

    /** Adds a listener for every event. */
    public void subscribe(Consumer<ExchangeEvent> listener) {
        listeners.add(listener);
    }

    /**
     * Queues a comparison: for each of {@code mechanisms}, the draws summed by 1 process (when
     * {@code withOneProcess} and {@code processes > 1}) and then by {@code processes} processes;
     * each completed run's total is checked after it ({@link TotalCheck#AFTER_RUN}).
     *
     * @throws IllegalArgumentException when the sizes are out of range ({@link ExchangeSpec#problem})
     */
    public void submitComparison(List<Mechanism> mechanisms, int processes, long draws, boolean withOneProcess) {
        submitComparison(mechanisms, processes, draws, withOneProcess, TotalCheck.AFTER_RUN);
    }

    /**
     * Queues a comparison as {@link #submitComparison(List, int, long, boolean)} does, with the
     * totals checked as {@code check} says.
     *
     * @throws IllegalArgumentException when the sizes are out of range ({@link ExchangeSpec#problem}),
     *                                  or a mechanism needs a manager and this runner has none
     */
    public void submitComparison(List<Mechanism> mechanisms, int processes, long draws, boolean withOneProcess,
                                 TotalCheck check) {
        submitComparison(mechanisms, processes, draws, withOneProcess, check, Optional.empty());
    }

    /**
     * As {@link #submitComparison(List, int, long, boolean, TotalCheck)}, with the manager that this
     * comparison's remote mechanisms run through (the dashboard names it per job); empty: this
     * runner's own.
     */
    public void submitComparison(List<Mechanism> mechanisms, int processes, long draws, boolean withOneProcess,
                                 TotalCheck check, Optional<ManagerTarget> jobManager) {
        ExchangeSpec.problem(processes, draws).ifPresent(p -> {
            throw new ProblemException(p);
        });
        Optional<ManagerTarget> manager = jobManager.isPresent() ? jobManager : this.manager;
        if (manager.isEmpty()) {
            mechanisms.stream().filter(Mechanism::needsManager).findFirst().ifPresent(m -> {
                throw new ProblemException(Problem.of(ProblemCode.EXCHANGE_NO_MANAGER, m.cliName()));
            });
        }
        List<Mechanism> all = List.copyOf(mechanisms);
        long id = submitted.incrementAndGet();
        pending.incrementAndGet();
        thread.execute(() -> {
            try {
                if (check == TotalCheck.BASELINE_FIRST && !all.isEmpty()) {
                    if (cancelled(id)) {
                        return;
                    }
                    measureSequential(new ExchangeSpec(all.get(0), processes, draws, RunSpec.SEED, limits));
                }
                for (Mechanism m : all) {
                    if (withOneProcess && processes > 1
                            && !step(id, new ExchangeSpec(m, 1, draws, RunSpec.SEED, limits), check, manager)) {
                        return;
                    }
                    if (!step(id, new ExchangeSpec(m, processes, draws, RunSpec.SEED, limits), check, manager)) {
                        return;
                    }
                }
            } finally {
                pending.decrementAndGet();
                emit(new ExchangeEvent.Idle());
            }
        });
    }

    /** Computes and times the spec's sequential sum, keeps it for the runs' checks, and reports it. */
    private void measureSequential(ExchangeSpec spec) {
        long t0 = System.nanoTime();
        double sum = spec.sequentialSum();
        double seconds = (System.nanoTime() - t0) / 1e9;
        sums.put(sumKey(spec), sum);
        emit(new ExchangeEvent.SequentialMeasured(spec.processes(), spec.draws(), sum, seconds));
    }

    /** The sequential sum depends on the process count and the draws only, not on the mechanism. */
    private static List<Long> sumKey(ExchangeSpec spec) {
        return List.of((long) spec.processes(), spec.draws());
    }

    /**
     * Queues the race demo: {@code processes} processes add 1 to a shared value
     * {@code increments} times each without its lock, then with it.
     *
     * @throws ProblemException when the sizes are out of range ({@link ProblemCode#RACE_SIZE})
     */
    public void submitRace(int processes, long increments) {
        if (processes < 1 || processes > ExchangeSpec.MAX_PROCESSES || increments < 1) {
            throw new ProblemException(Problem.of(ProblemCode.RACE_SIZE, ExchangeSpec.MAX_PROCESSES, processes,
                    increments));
        }
        long id = submitted.incrementAndGet();
        pending.incrementAndGet();
        thread.execute(() -> {
            try {
                if (cancelled(id)) {
                    return;
                }
                emit(new ExchangeEvent.RaceStarted(processes, increments));
                RaceResult result;
                try {
                    result = RaceDemo.run(parentDir, processes, increments, s -> raceSample = s, () -> cancelled(id));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    result = RaceDemo.cancelled(processes, increments);
                } catch (RuntimeException | InternalError e) {
                    Problem why = Problem.of(e);
                    if (why.code().diskFull()) {
                        LOG.warn("race demo failed: {}", why);
                    } else {
                        LOG.warn("race demo failed", e);
                    }
                    result = new RaceResult(processes, increments, RunResult.Status.FAILED, why,
                            processes * increments, 0, 0, Double.NaN, Double.NaN);
                }
                raceSample = null;
                emit(new ExchangeEvent.RaceFinished(result));
            } finally {
                raceSample = null;
                pending.decrementAndGet();
                emit(new ExchangeEvent.Idle());
            }
        });
    }

    /** True while a job is queued or running. */
    public boolean busy() {
        return pending.get() > 0;
    }

    /** The run in progress: its latest statistics and its children; empty between runs. */
    public Optional<ExchangeProgress> progress() {
        Running r = running;
        if (r == null) {
            return Optional.empty();
        }
        List<Child> children = r.run().children();
        List<ExchangeProgress.Child> states = new ArrayList<>(children.size());
        for (int i = 0; i < children.size(); i++) {
            Child c = children.get(i);
            boolean alive = c.isAlive();
            states.add(new ExchangeProgress.Child(i, c.pid(), alive,
                    alive ? Optional.empty() : Optional.ofNullable(c.onExit().getNow(null)), r.run().received(i)));
        }
        return Optional.of(new ExchangeProgress(r.spec(), r.run().stats(), states));
    }

    /** The race demo's latest sample; empty when no race runs. */
    public Optional<RaceDemo.Sample> raceSample() {
        return Optional.ofNullable(raceSample);
    }

    /** Cancels the job in progress and every job queued so far. */
    public void cancel() {
        cancelledUpTo = submitted.get();
        Running r = running;
        if (r != null) {
            r.run().cancel();
        }
    }

    /**
     * Cancels, kills the children of the job in progress and stops the runner thread, waiting up
     * to {@link #CLOSE_WAIT} for the run in progress to end (its run directory removed).
     */
    @Override
    public void close() {
        cancel();
        thread.shutdownNow();
        try {
            thread.awaitTermination(CLOSE_WAIT.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean cancelled(long id) {
        return id <= cancelledUpTo;
    }

    /** Runs one spec; false when the job must stop (cancelled). */
    private boolean step(long id, ExchangeSpec spec, TotalCheck check, Optional<ManagerTarget> manager) {
        if (cancelled(id)) {
            return false;
        }
        emit(new ExchangeEvent.RunStarted(spec));
        ExchangeResult result;
        ExchangeRun run = ExchangeExperiment.start(spec, parentDir, manager, s -> { });
        running = new Running(spec, run);
        try {
            if (cancelled(id)) {
                run.cancel(); // cancel() may have looked before the run was published
            }
            result = run.await();
        } catch (InterruptedException e) {
            // close(): the runner is going away. The run's own thread removes its directory once
            // its children are dead; wait for that (bounded), or the JVM could halt before it.
            run.cancel();
            try {
                run.await(CLOSE_WAIT);
            } catch (InterruptedException again) {
                // a second interrupt: give up waiting
            }
            Thread.currentThread().interrupt();
            return false;
        } finally {
            running = null;
        }
        double expected = Double.NaN;
        if (result.status() == RunResult.Status.COMPLETED && check != TotalCheck.NONE) {
            // After the run, so the check never competes with the children for the cores.
            expected = sums.computeIfAbsent(sumKey(spec), k -> spec.sequentialSum());
        }
        emit(new ExchangeEvent.RunFinished(result, expected));
        return result.status() != RunResult.Status.CANCELLED;
    }

    private void emit(ExchangeEvent event) {
        for (Consumer<ExchangeEvent> l : listeners) {
            l.accept(event);
        }
    }
}
