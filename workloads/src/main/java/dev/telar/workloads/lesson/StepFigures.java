package dev.telar.workloads.lesson;

import dev.telar.workloads.problem.Problem;
import java.util.List;
import java.util.Objects;

/**
 * What one step measured, ready to show: immutable.
 *
 * @param step         the step
 * @param outcome      measured, or why not
 * @param problem      why the step could not measure ({@link Problem#NONE} when it did)
 * @param cores        logical cores of the machine it ran on
 * @param key          the step's one key figure, measured here (NaN when not measured)
 * @param lectureKey   the lecture's figure for the same thing (NaN when the lecture has none)
 * @param rows         the step's table, here beside the lecture
 * @param allExact     every total the step checked was exact (true when it checked none)
 * @param bestCount    the thread-limit step: the fastest limit (0 for other steps)
 * @param lostWithLock the race and lock steps: updates lost with the lock held (0 for other steps)
 * @param violations   the sync steps: times the primitive's rule was broken (0 for other steps)
 * @param takeaway     the step's one-line lesson, true for these figures
 */
public record StepFigures(LessonStep step, Outcome outcome, Problem problem, int cores, Figure key, Figure lectureKey,
                          List<FigureRow> rows, boolean allExact, int bestCount, long lostWithLock, long violations,
                          Takeaway takeaway) {
    /** How the step's runs ended. */
    public enum Outcome {
        /** Every run completed: the figures are this machine's. */
        MEASURED,
        /** A run failed (a child died, a file could not be made...): {@code problem} says why. */
        FAILED,
        /** The step cannot run on this JVM or machine (e.g. virtual threads before Java 21). */
        UNAVAILABLE,
        /** The step was cancelled (the lesson moved on or was quit). */
        CANCELLED
    }

    public StepFigures {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(outcome, "outcome");
        problem = problem == null ? Problem.NONE : problem;
        rows = List.copyOf(rows);
        Objects.requireNonNull(takeaway, "takeaway");
    }

    /** A step that measured nothing, and why. */
    public static StepFigures notMeasured(LessonStep step, Outcome outcome, Problem problem, int cores) {
        return new StepFigures(step, outcome, problem, cores, Figure.none(step.keyUnit()), step.lectureKey(), List.of(),
                true, 0, 0, 0, new Takeaway(Takeaway.Code.NOT_MEASURED, List.of()));
    }

    /** True when the step measured (all its runs completed). */
    public boolean measured() {
        return outcome == Outcome.MEASURED;
    }
}
