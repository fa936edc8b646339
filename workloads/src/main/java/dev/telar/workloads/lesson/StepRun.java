package dev.telar.workloads.lesson;

import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.race.RaceResult;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * One step's run, as a plain state machine with no thread of its own: {@link #start} gives the
 * first job to send to the lab, {@link #accept} takes every lab event and gives the next job when
 * one ended and more remain, {@link #done} says when it is over, and {@link #figures} reads what
 * was seen. A run that failed, was refused or cancelled stops there (no later job is sent).
 * Not thread-safe: one thread feeds it.
 */
public final class StepRun {
    private final LessonStep step;
    private final LessonSizes sizes;
    private final Deque<LabCommand.Job> pending;
    private final Seen seen = new Seen();
    private boolean started;
    private boolean inJob;
    private boolean done;
    private StepFigures.Outcome stopped;
    private Problem problem = Problem.NONE;

    /** Everything the step's jobs reported that its figures are read from. */
    static final class Seen {
        final List<RunResult> runs = new ArrayList<>();
        final List<RunResult> sweep = new ArrayList<>();
        final List<ExchangeEvent.RunFinished> exchanges = new ArrayList<>();
        final List<RaceResult> races = new ArrayList<>();
        final List<ScenarioOutcome> scenarios = new ArrayList<>();
        final List<ScenarioSpec> scenarioSpecs = new ArrayList<>();
    }

    public StepRun(LessonStep step, LessonSizes sizes) {
        this.step = step;
        this.sizes = sizes;
        this.pending = new ArrayDeque<>(step.jobs(sizes));
    }

    public LessonStep step() {
        return step;
    }

    public LessonSizes sizes() {
        return sizes;
    }

    /** The first job to send. */
    public LabCommand.Job start() {
        if (started) {
            throw new IllegalStateException("step already started");
        }
        started = true;
        inJob = true;
        return pending.removeFirst();
    }

    /**
     * Takes one lab event.
     *
     * @return the next job to send, when the job in progress just ended and the step has more
     */
    public Optional<LabCommand.Job> accept(LabEvent event) {
        if (!started || done) {
            return Optional.empty();
        }
        if (event instanceof LabEvent.Experiment e) {
            onExperiment(e.event());
        } else if (event instanceof LabEvent.Exchange e) {
            onExchange(e.event());
        } else if (event instanceof LabEvent.ScenarioStarted s) {
            seen.scenarioSpecs.add(s.spec());
        } else if (event instanceof LabEvent.ScenarioEnded s) {
            seen.scenarios.add(s.outcome());
            noteStatus(switch (s.outcome().status()) {
                case CANCELLED -> RunResult.Status.CANCELLED;
                case FAILED -> RunResult.Status.FAILED;
                default -> RunResult.Status.COMPLETED;
            }, s.outcome().failure());
        } else if (event instanceof LabEvent.Refused r) {
            stop(StepFigures.Outcome.FAILED, Problem.of(ProblemCode.LAB_BUSY, r.running().name().toLowerCase()));
            done = true;
        } else if (event instanceof LabEvent.Rejected r) {
            boolean unavailable = r.reason().code() == ProblemCode.RUN_VIRTUAL;
            stop(unavailable ? StepFigures.Outcome.UNAVAILABLE : StepFigures.Outcome.FAILED, r.reason());
            done = true;
        } else if (event instanceof LabEvent.LabLost l) {
            stop(StepFigures.Outcome.FAILED, l.reason());
        } else if (event instanceof LabEvent.JobEnded && inJob) {
            inJob = false;
            if (stopped != null || pending.isEmpty()) {
                done = true;
                return Optional.empty();
            }
            inJob = true;
            return Optional.of(pending.removeFirst());
        }
        return Optional.empty();
    }

    /**
     * Ends the step as cancelled or failed from outside (the lesson moved on, a deadline passed);
     * the caller cancels the lab's job itself. Figures read afterwards say so.
     */
    public void abandon(StepFigures.Outcome outcome, Problem why) {
        stop(outcome, why);
        done = true;
    }

    /** True once the step's last job ended, or it stopped early. */
    public boolean done() {
        return done;
    }

    /** True while a job of this step may be running in the lab. */
    public boolean inJob() {
        return inJob && !done;
    }

    /** What the step measured; only meaningful once {@link #done}. */
    public StepFigures figures() {
        if (stopped != null) {
            return StepFigures.notMeasured(step, stopped, problem, sizes.cores());
        }
        return StepReadings.read(step, sizes, seen);
    }

    private void onExperiment(ExperimentEvent event) {
        if (event instanceof ExperimentEvent.Finished f) {
            seen.runs.add(f.result());
            noteStatus(f.result().status(), f.result().problem());
        } else if (event instanceof ExperimentEvent.SweepFinished s) {
            seen.sweep.addAll(s.results());
        }
    }

    private void onExchange(ExchangeEvent event) {
        if (event instanceof ExchangeEvent.RunFinished f) {
            seen.exchanges.add(f);
            noteStatus(f.result().status(), f.result().problem());
        } else if (event instanceof ExchangeEvent.RaceFinished r) {
            seen.races.add(r.result());
            noteStatus(r.result().status(), r.result().problem());
        }
    }

    private void noteStatus(RunResult.Status status, Problem why) {
        if (status == RunResult.Status.CANCELLED) {
            stop(StepFigures.Outcome.CANCELLED, why);
        } else if (status == RunResult.Status.FAILED) {
            boolean unavailable = why != null && why.code() == ProblemCode.RUN_VIRTUAL;
            stop(unavailable ? StepFigures.Outcome.UNAVAILABLE : StepFigures.Outcome.FAILED, why);
        }
    }

    private void stop(StepFigures.Outcome outcome, Problem why) {
        if (stopped == null) {
            stopped = outcome;
            problem = why == null ? Problem.NONE : why;
        }
    }
}
