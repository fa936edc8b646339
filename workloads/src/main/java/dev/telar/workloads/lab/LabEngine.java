package dev.telar.workloads.lab;

import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.exchange.ExchangeRunner;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.remote.fleet.JobStatusFile;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.ExperimentRunner;
import dev.telar.workloads.sync.scenario.RunningScenario;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.SyncScenarioRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab engine, run in the JVM that hosts it: the experiment runner, the exchange runner and
 * the sync scenarios behind one {@link JobSlot}, reporting everything as {@link LabEvent}s.
 *
 * <p>Threads: each runner's own thread, plus one follower thread per exchange, race or scenario
 * job that pushes its progress every {@link #TICK} and sleeps when no such job runs; nothing
 * wakes while the engine is idle. Events go to the listeners one at a time, in order
 * ({@code emit} is serialized).
 *
 * <p>The job that runs is also published in a status file of this process ({@link JobStatusBoard},
 * {@link JobStatusFile}), for a {@code telar agent} on the host; it is removed when the job ends and
 * when the engine closes.
 */
public final class LabEngine implements Lab {
    /** How often a running exchange, race or scenario reports its progress. */
    public static final Duration TICK = Duration.ofMillis(200);
    /** Longest {@link #close()} waits for a cancelled scenario to end. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(LabEngine.class);

    private final Path runParent;
    private final JobSlot slot = new JobSlot();
    private final Subscribers subscribers = new Subscribers(new LabEvent.Ready(ProcessHandle.current().pid()));
    private final ExperimentRunner experiments = new ExperimentRunner();
    private final ExchangeRunner exchange;
    private final JobStatusBoard status;
    private volatile RunningScenario scenario;
    /** Orders a job's start, progress and end against each other (taken before the subscribers' lock). */
    private final Object emitLock = new Object();
    /** Jobs started so far; guarded by {@code emitLock}. */
    private long jobs;
    /** The job holding the slot (0: none); written under {@code emitLock}, so progress never follows JobEnded. */
    private volatile long jobId;
    private volatile boolean closed;

    /**
     * @param runParent where exchange runs and process scenarios make their run directories
     * @param limits    back-pressure and disk cap of every exchange run
     */
    public LabEngine(Path runParent, ExchangeLimits limits) {
        this(runParent, limits, Optional.empty());
    }

    /**
     * @param runParent where exchange runs and process scenarios make their run directories
     * @param limits    back-pressure and disk cap of every exchange run
     * @param manager   the manager of exchange mechanisms that need one (empty: they are refused)
     */
    public LabEngine(Path runParent, ExchangeLimits limits, Optional<ManagerTarget> manager) {
        this(runParent, limits, manager, Optional.of(JobStatusFile.defaultDirectory(System.getenv())));
    }

    /**
     * @param runParent where exchange runs and process scenarios make their run directories
     * @param limits    back-pressure and disk cap of every exchange run
     * @param manager   the manager of exchange mechanisms that need one (empty: they are refused)
     * @param statusDir where the running job's status file goes (empty: none is written)
     */
    public LabEngine(Path runParent, ExchangeLimits limits, Optional<ManagerTarget> manager, Optional<Path> statusDir) {
        this.runParent = runParent;
        this.status = JobStatusBoard.open(statusDir);
        subscribers.add(status);
        this.exchange = new ExchangeRunner(runParent, limits, manager);
        experiments.subscribe(this::onExperiment);
        exchange.subscribe(this::onExchange);
    }

    /** Adds a listener and tells it at once which process computes ({@link LabEvent.Ready}). */
    @Override
    public void subscribe(Consumer<LabEvent> listener) {
        subscribers.add(listener);
    }

    /** This engine's job status file, when it has one (written while a job runs). */
    public Optional<Path> statusFile() {
        return status.path();
    }

    /** The kind of job that runs now, if any. */
    public Optional<JobKind> running() {
        return slot.holder();
    }

    @Override
    public void send(LabCommand command) {
        if (closed) {
            return;
        }
        if (command instanceof LabCommand.Job job) {
            start(job);
        } else if (command instanceof LabCommand.Cancel) {
            cancel();
        } else if (command instanceof LabCommand.SetLock s) {
            RunningScenario run = scenario;
            if (run != null) {
                run.setLockEnabled(s.on());
            }
        }
    }

    private void start(LabCommand.Job job) {
        Optional<JobKind> busy = slot.take(job.kind());
        if (busy.isPresent()) {
            emit(new LabEvent.Refused(job.kind(), busy.get()));
            return;
        }
        long id;
        synchronized (emitLock) {
            id = ++jobs;
            jobId = id;
            emit(new LabEvent.JobStarted(job.kind()));
        }
        try {
            if (job instanceof LabCommand.RunExperiment r) {
                experiments.submit(r.spec(), r.baseline());
            } else if (job instanceof LabCommand.RunSweep s) {
                experiments.submitSweep(s.spec());
            } else if (job instanceof LabCommand.CompareExchange c) {
                exchange.submitComparison(c.mechanisms(), c.processes(), c.draws(), c.withOne(), c.check(), c.manager());
                follow(id);
            } else if (job instanceof LabCommand.RunRace r) {
                exchange.submitRace(r.processes(), r.increments());
                follow(id);
            } else if (job instanceof LabCommand.RunScenario s) {
                RunningScenario run = SyncScenarioRunner.start(s.spec(), runParent, s.manager());
                scenario = run;
                emit(new LabEvent.ScenarioStarted(run.spec()));
                Thread t = new Thread(() -> followScenario(run), "telar-lab-scenario");
                t.setDaemon(true);
                t.start();
            }
        } catch (IllegalArgumentException e) {
            // Before JobEnded: a job's events lie between its JobStarted and its JobEnded.
            emit(new LabEvent.Rejected(job.kind(), Problem.of(e)));
            end(job.kind());
        } catch (RuntimeException e) {
            // Not the spec's fault (e.g. a runner already closed): free the slot, tell the caller.
            end(job.kind());
            throw e;
        }
    }

    private void cancel() {
        experiments.cancel();
        exchange.cancel();
        RunningScenario run = scenario;
        if (run != null) {
            run.cancel();
        }
    }

    private void onExperiment(ExperimentEvent event) {
        emit(new LabEvent.Experiment(event));
        if (event instanceof ExperimentEvent.Idle) {
            slot.holder().filter(k -> k == JobKind.EXPERIMENT || k == JobKind.SWEEP).ifPresent(this::end);
        }
    }

    private void onExchange(ExchangeEvent event) {
        emit(new LabEvent.Exchange(event));
        if (event instanceof ExchangeEvent.Idle) {
            slot.holder().filter(k -> k == JobKind.EXCHANGE || k == JobKind.RACE).ifPresent(this::end);
        }
    }

    /** Pushes the exchange runner's progress while job {@code id} holds the slot, and never after its end. */
    private void follow(long id) {
        Thread t = new Thread(() -> {
            try {
                while (jobId == id && !closed) {
                    exchange.progress().ifPresent(p -> emitFor(id, new LabEvent.ExchangeProgressed(p)));
                    exchange.raceSample().ifPresent(s -> emitFor(id, new LabEvent.RaceSampled(s)));
                    Thread.sleep(TICK.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "telar-lab-progress");
        t.setDaemon(true);
        t.start();
    }

    private void followScenario(RunningScenario run) {
        try {
            Optional<ScenarioOutcome> outcome;
            while ((outcome = run.await(TICK)).isEmpty()) {
                emit(new LabEvent.ScenarioUpdated(run.snapshot()));
            }
            emit(new LabEvent.ScenarioUpdated(run.snapshot()));
            emit(new LabEvent.ScenarioEnded(outcome.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("scenario run ended with an error", e);
        } finally {
            scenario = null;
            end(JobKind.SCENARIO);
        }
    }

    private void end(JobKind kind) {
        synchronized (emitLock) {
            jobId = 0;
            slot.release(kind);
            emit(new LabEvent.JobEnded(kind));
        }
    }

    /** Emits a progress event of job {@code id} only while that job still holds the slot. */
    private void emitFor(long id, LabEvent event) {
        synchronized (emitLock) {
            if (jobId == id) {
                emit(event);
            }
        }
    }

    private void emit(LabEvent event) {
        subscribers.emit(event);
    }

    /** Cancels the job in progress and stops every runner, killing their children, within a few seconds. */
    @Override
    public void close() {
        closed = true;
        cancel();
        exchange.close();
        experiments.close();
        RunningScenario run = scenario;
        if (run != null) {
            try {
                if (run.await(CLOSE_WAIT).isEmpty()) {
                    LOG.warn("a cancelled scenario did not end within {} s", CLOSE_WAIT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        status.close();
    }
}
