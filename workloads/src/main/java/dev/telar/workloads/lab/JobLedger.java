package dev.telar.workloads.lab;

import dev.telar.workloads.exchange.ChildReport;
import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.exchange.ExchangeProgress;
import dev.telar.workloads.exchange.ExchangeResult;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.race.RaceResult;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import dev.telar.workloads.sync.scenario.PrimitiveFigures;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSnapshot;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import dev.telar.workloads.sync.scenario.ScenarioStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the dashboard's side knows of the job in a lab JVM: the job commands it sent and not yet
 * seen answered, the job that holds the lab's slot, and how far that job got, all learnt from the
 * commands and events that crossed the channel. When the lab is lost, {@link #lost} gives the
 * events the lab's engine would have sent had the job failed there: the job's usual failed
 * ending (a failed run, a failed exchange run or race, a failed scenario), then its
 * {@link LabEvent.JobEnded}; so a view sees a lost lab as a failed job, with the reason.
 *
 * <p>Relies on the engine's order: each job command is answered by {@link LabEvent.JobStarted}
 * or {@link LabEvent.Refused}, in the order sent. Not thread-safe: the client's one thread uses it.
 */
final class JobLedger {
    private final ExchangeLimits limits;
    private final ArrayDeque<LabCommand.Job> unanswered = new ArrayDeque<>();
    private LabCommand.Job current;
    private long idleSince;
    // How far the current job got.
    private RunSpec openRun;
    private boolean runStarted;
    private ExchangeSpec openExchange;
    private int exchangeRunsEnded;
    private ExchangeProgress progress;
    private boolean raceStarted;
    private ScenarioSnapshot snapshot;
    private boolean runnerDone;
    private long jobStart;

    /**
     * @param limits the limits the lab's exchange runs get (they are part of an exchange spec)
     * @param now    {@link System#nanoTime()} at which the lab started: idle since then
     */
    JobLedger(ExchangeLimits limits, long now) {
        this.limits = limits;
        this.idleSince = now;
    }

    /** A job command went to the lab. */
    void sent(LabCommand.Job job) {
        unanswered.add(job);
    }

    /** True while a job runs in the lab or a job command awaits its answer. */
    boolean busy() {
        return current != null || !unanswered.isEmpty();
    }

    /** {@link System#nanoTime()} since which no job ran nor was asked for. */
    long idleSince() {
        return idleSince;
    }

    /** Counts the lab as idle from {@code now} (the dashboard said it will want the lab soon). */
    void touch(long now) {
        idleSince = now;
    }

    /** Learns from an event of the lab. */
    void observe(LabEvent event, long now) {
        if (event instanceof LabEvent.Ready) {
            idleSince = now; // a lab still starting is not idle yet
        } else if (event instanceof LabEvent.JobStarted) {
            current = unanswered.poll();
            forget();
            jobStart = now;
        } else if (event instanceof LabEvent.Refused) {
            unanswered.poll();
        } else if (event instanceof LabEvent.JobEnded) {
            current = null;
            forget();
            idleSince = now;
        } else if (event instanceof LabEvent.Experiment e) {
            observe(e.event());
        } else if (event instanceof LabEvent.Exchange e) {
            observe(e.event());
        } else if (event instanceof LabEvent.ExchangeProgressed p) {
            progress = p.progress();
        } else if (event instanceof LabEvent.ScenarioUpdated u) {
            snapshot = u.snapshot();
        } else if (event instanceof LabEvent.ScenarioEnded) {
            runnerDone = true;
        }
    }

    private void observe(ExperimentEvent event) {
        if (event instanceof ExperimentEvent.Started s) {
            openRun = s.spec();
            runStarted = true;
        } else if (event instanceof ExperimentEvent.Finished) {
            openRun = null;
        } else if (event instanceof ExperimentEvent.Idle) {
            runnerDone = true;
        }
    }

    private void observe(ExchangeEvent event) {
        if (event instanceof ExchangeEvent.RunStarted s) {
            openExchange = s.spec();
        } else if (event instanceof ExchangeEvent.RunFinished) {
            openExchange = null;
            exchangeRunsEnded++;
        } else if (event instanceof ExchangeEvent.RaceStarted) {
            raceStarted = true;
        } else if (event instanceof ExchangeEvent.Idle) {
            runnerDone = true;
        }
    }

    private void forget() {
        openRun = null;
        runStarted = false;
        openExchange = null;
        exchangeRunsEnded = 0;
        progress = null;
        raceStarted = false;
        snapshot = null;
        runnerDone = false;
    }

    /**
     * The lab is gone: the events that end, as failed with {@code message}, the job in progress
     * and then each job command it never answered; afterwards nothing is in progress.
     *
     * @param now {@link System#nanoTime()}, for the length of a scenario that never reported
     */
    List<LabEvent> lost(Problem message, long now) {
        List<LabEvent> out = new ArrayList<>();
        if (current != null) {
            endFailed(current, message, now, out);
        }
        for (LabCommand.Job job = unanswered.poll(); job != null; job = unanswered.poll()) {
            forget();
            jobStart = now;
            out.add(new LabEvent.JobStarted(job.kind()));
            endFailed(job, message, now, out);
        }
        current = null;
        forget();
        idleSince = now;
        return out;
    }

    private void endFailed(LabCommand.Job job, Problem message, long now, List<LabEvent> out) {
        if (!runnerDone) {
            if (job instanceof LabCommand.RunExperiment r) {
                failRun(r.spec(), openRun == null, message, out);
            } else if (job instanceof LabCommand.RunSweep s) {
                failRun(s.spec(), !runStarted, message, out); // a sweep announces itself once
            } else if (job instanceof LabCommand.CompareExchange c) {
                failExchange(c, message, out);
            } else if (job instanceof LabCommand.RunRace r) {
                failRace(r, message, out);
            } else if (job instanceof LabCommand.RunScenario s) {
                failScenario(s.spec(), message, now, out);
            }
        }
        out.add(new LabEvent.JobEnded(job.kind()));
    }

    /**
     * As the experiment runner reports a run that threw: Started (when {@code announce}), Finished
     * failed, Idle. The failed run is the one in progress, else the one asked for.
     */
    private void failRun(RunSpec asked, boolean announce, Problem message, List<LabEvent> out) {
        RunSpec spec = openRun != null ? openRun : asked;
        if (announce) {
            out.add(new LabEvent.Experiment(new ExperimentEvent.Started(spec)));
        }
        out.add(new LabEvent.Experiment(new ExperimentEvent.Finished(new RunResult(spec, RunResult.Status.FAILED,
                message, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0))));
        out.add(new LabEvent.Experiment(new ExperimentEvent.Idle()));
    }

    /** The run in progress (or the next the comparison would have run) ends failed, then the job. */
    private void failExchange(LabCommand.CompareExchange job, Problem message, List<LabEvent> out) {
        ExchangeSpec spec = openExchange;
        if (spec == null) {
            if (ExchangeSpec.problem(job.processes(), job.draws()).isPresent() || job.mechanisms().isEmpty()) {
                out.add(new LabEvent.Exchange(new ExchangeEvent.Idle()));
                return; // the lab would have rejected it: no run to fail
            }
            spec = nextRun(job);
            out.add(new LabEvent.Exchange(new ExchangeEvent.RunStarted(spec)));
        }
        List<ChildReport> children = new ArrayList<>();
        long bytes = 0;
        if (progress != null && progress.spec().equals(spec)) {
            for (ExchangeProgress.Child c : progress.children()) {
                children.add(new ChildReport(c.index(), c.pid(), c.exit(), -1, c.received(), Double.NaN));
            }
            bytes = progress.stats().bytesOnDisk();
        }
        ExchangeResult failed = new ExchangeResult(spec, RunResult.Status.FAILED, message, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, children, bytes);
        out.add(new LabEvent.Exchange(new ExchangeEvent.RunFinished(failed, Double.NaN)));
        out.add(new LabEvent.Exchange(new ExchangeEvent.Idle()));
    }

    /** The comparison's run after the {@code exchangeRunsEnded} that ended, in the runner's order. */
    private ExchangeSpec nextRun(LabCommand.CompareExchange job) {
        List<ExchangeSpec> order = new ArrayList<>();
        for (Mechanism m : job.mechanisms()) {
            if (job.withOne() && job.processes() > 1) {
                order.add(new ExchangeSpec(m, 1, job.draws(), RunSpec.SEED, limits));
            }
            order.add(new ExchangeSpec(m, job.processes(), job.draws(), RunSpec.SEED, limits));
        }
        return order.get(Math.min(exchangeRunsEnded, order.size() - 1));
    }

    private void failRace(LabCommand.RunRace job, Problem message, List<LabEvent> out) {
        if (!raceStarted) {
            out.add(new LabEvent.Exchange(new ExchangeEvent.RaceStarted(job.processes(), job.increments())));
        }
        out.add(new LabEvent.Exchange(new ExchangeEvent.RaceFinished(new RaceResult(job.processes(), job.increments(),
                RunResult.Status.FAILED, message, job.processes() * job.increments(), 0, 0, Double.NaN, Double.NaN))));
        out.add(new LabEvent.Exchange(new ExchangeEvent.Idle()));
    }

    /** As a scenario whose runner failed: a last snapshot marked failed (when one was seen), then its outcome. */
    private void failScenario(ScenarioSpec spec, Problem message, long now, List<LabEvent> out) {
        double seconds = (now - jobStart) / 1e9;
        Optional<PrimitiveFigures> figures = Optional.empty();
        if (snapshot != null) {
            seconds = Math.max(seconds, snapshot.elapsedSeconds());
            figures = snapshot.figures();
            out.add(new LabEvent.ScenarioUpdated(new ScenarioSnapshot(snapshot.primitive(), snapshot.mode(),
                    ScenarioStatus.FAILED, snapshot.state(), figures, snapshot.workers(), snapshot.recentEvents(),
                    seconds)));
        }
        out.add(new LabEvent.ScenarioEnded(new ScenarioOutcome(spec.primitive(), spec.mode(), ScenarioStatus.FAILED,
                figures, false, "failed", seconds, message)));
    }
}
