package dev.telar.workloads.lesson;

import dev.telar.workloads.lab.Lab;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the lesson headless on a {@link Lab}: the calibration, then any step, one at a time, each
 * with a deadline (a step that overruns it is cancelled and reported as failed). Used by the
 * handout and the tests; the dashboard drives {@link StepRun} from its own event loop instead.
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
        events.clear();
        lab.send(c.start());
        long end = System.nanoTime() + deadline.toNanos();
        while (!c.done()) {
            LabEvent e = events.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                cancelAndDrain();
                return new Calibrated(Optional.empty(), Problem.of(ProblemCode.LESSON_STEP_TIMEOUT, deadline.toSeconds()));
            }
            c.accept(e).ifPresent(lab::send);
        }
        return new Calibrated(c.sizes(), c.problem());
    }

    /** The calibration's answer: sizes, or the problem that prevented them. */
    public record Calibrated(Optional<LessonSizes> sizes, Problem problem) {
    }

    /** Runs one step to its end (or its deadline) and reads its figures. */
    public StepFigures run(LessonStep step, LessonSizes sizes, Duration deadline) throws InterruptedException {
        StepRun run = new StepRun(step, sizes);
        events.clear();
        lab.send(run.start());
        long end = System.nanoTime() + deadline.toNanos();
        while (!run.done()) {
            LabEvent e = events.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                run.abandon(StepFigures.Outcome.FAILED, Problem.of(ProblemCode.LESSON_STEP_TIMEOUT, deadline.toSeconds()));
                cancelAndDrain();
                break;
            }
            run.accept(e).ifPresent(lab::send);
        }
        return run.figures();
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
