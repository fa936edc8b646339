package dev.telar.workloads.lesson;

import dev.telar.workloads.lab.Lab;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the lesson headless on a {@link Lab}: the calibration, then any step, one at a time, each
 * with a deadline (a step that overruns it is cancelled and reported as failed). Used by the
 * handout (with the sweeps its charts need) and the tests; the dashboard drives {@link StepRun} from its own event loop instead.
 * One caller at a time.
 */
public final class LessonRunner {
    private final Lab lab;
    private final BlockingQueue<LabEvent> events = new LinkedBlockingQueue<>();

    /** Subscribes to {@code lab}; the lab must not be running another job. */
    public LessonRunner(Lab lab) {
        this.lab = lab;
        lab.subscribe(events::add);
    }

    /** Measures this machine; empty with the problem when the probes failed. */
    public Calibrated calibrate(double budgetSeconds, int cores, Duration deadline) throws InterruptedException {
        Calibration c = new Calibration(budgetSeconds, cores);
        if (!drive(c.start(), c::accept, c::done, deadline)) {
            return new Calibrated(Optional.empty(), timeout(deadline));
        }
        return new Calibrated(c.sizes(), c.problem());
    }

    /** The calibration's answer: sizes, or the problem that prevented them. */
    public record Calibrated(Optional<LessonSizes> sizes, Problem problem) {
    }

    /** Runs one step to its end (or its deadline) and reads its figures. */
    public StepFigures run(LessonStep step, LessonSizes sizes, Duration deadline) throws InterruptedException {
        StepRun run = new StepRun(step, sizes);
        if (!drive(run.start(), run::accept, run::done, deadline)) {
            run.abandon(StepFigures.Outcome.FAILED, timeout(deadline));
        }
        return run.figures();
    }

    /**
     * Runs one sweep of {@code spec} (the experiments view's sweep job: a sequential baseline, then
     * the counts {@link dev.telar.workloads.run.Sweep} picks) to its end or its deadline. The
     * handout's speed-up charts are drawn from it.
     */
    public Swept sweep(RunSpec spec, Duration deadline) throws InterruptedException {
        SweepRun sweep = new SweepRun();
        if (!drive(new LabCommand.RunSweep(spec), sweep::accept, () -> sweep.ended, deadline)) {
            return new Swept(sweep.results, timeout(deadline));
        }
        return new Swept(sweep.results, sweep.problem);
    }

    /** What a sweep job reported, gathered event by event. */
    private static final class SweepRun {
        final List<RunResult> results = new ArrayList<>();
        Problem problem = Problem.NONE;
        boolean ended;

        Optional<LabCommand.Job> accept(LabEvent e) {
            if (e instanceof LabEvent.Experiment x && x.event() instanceof ExperimentEvent.Finished f) {
                results.add(f.result());
                if (f.result().status() != RunResult.Status.COMPLETED && problem.equals(Problem.NONE)) {
                    problem = f.result().problem() == null ? Problem.of(ProblemCode.ERROR, "run "
                            + f.result().status().name().toLowerCase(Locale.ROOT)) : f.result().problem();
                }
            } else if (e instanceof LabEvent.Rejected r) {
                problem = r.reason();
            } else if (e instanceof LabEvent.Refused r) {
                problem = Problem.of(ProblemCode.LAB_BUSY, r.running().name().toLowerCase(Locale.ROOT));
                ended = true;
            } else if (e instanceof LabEvent.LabLost l) {
                problem = l.reason();
                ended = true;
            } else if (e instanceof LabEvent.JobEnded) {
                ended = true;
            }
            return Optional.empty();
        }
    }

    /**
     * Sends {@code first}, then hands every lab event to {@code accept} and sends the job it
     * returns, until {@code done}.
     *
     * @return false when the deadline came first: the lab's job was then cancelled and has ended
     */
    private boolean drive(LabCommand.Job first, Function<LabEvent, Optional<LabCommand.Job>> accept, BooleanSupplier done,
                          Duration deadline) throws InterruptedException {
        events.clear();
        lab.send(first);
        long end = System.nanoTime() + deadline.toNanos();
        while (!done.getAsBoolean()) {
            LabEvent e = events.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                cancelAndDrain();
                return false;
            }
            accept.apply(e).ifPresent(lab::send);
        }
        return true;
    }

    private static Problem timeout(Duration deadline) {
        return Problem.of(ProblemCode.LESSON_STEP_TIMEOUT, deadline.toSeconds());
    }

    /**
     * A sweep's runs, as they came: its baseline first, then one per count, each carrying its
     * speed-up over the baseline; shorter when it stopped early.
     *
     * @param results the runs
     * @param problem why it stopped early or a run failed ({@link Problem#NONE} when every run completed)
     */
    public record Swept(List<RunResult> results, Problem problem) {
        public Swept {
            results = List.copyOf(results);
        }

        /** True when every run completed. */
        public boolean complete() {
            return problem.equals(Problem.NONE) && !results.isEmpty();
        }
    }

    /** Cancels the lab's job and waits (bounded) for it to end, so the next step finds the slot free. */
    private void cancelAndDrain() throws InterruptedException {
        lab.send(new LabCommand.Cancel());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            LabEvent e = events.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null || e instanceof LabEvent.JobEnded) {
                return;
            }
        }
    }
}
