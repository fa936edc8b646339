package dev.telar.tui.handout;

import dev.telar.workloads.lesson.LessonSizes;
import dev.telar.workloads.lesson.StepFigures;
import dev.telar.workloads.problem.Problem;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one headless run of the lesson measured, with no words: the handout is written from
 * it in any language without running anything again. Immutable.
 *
 * @param host             the machine
 * @param takenAt          when the run ended
 * @param sizes            the calibrated sizes the steps ran with
 * @param steps            every step's figures, in lesson order
 * @param threadSpeedups   the thread model's sweep: workers → speed-up over the sequential baseline
 * @param processSpeedups  the process model's sweep, the same way
 * @param sweepProblem     why a sweep stopped short, or {@link Problem#NONE}
 */
public record HandoutFigures(HostDescription host, Instant takenAt, LessonSizes sizes, List<StepFigures> steps,
                             SortedMap<Integer, Double> threadSpeedups, SortedMap<Integer, Double> processSpeedups,
                             Problem sweepProblem) {
    public HandoutFigures {
        steps = List.copyOf(steps);
        threadSpeedups = Collections.unmodifiableSortedMap(new TreeMap<>(threadSpeedups));
        processSpeedups = Collections.unmodifiableSortedMap(new TreeMap<>(processSpeedups));
        sweepProblem = sweepProblem == null ? Problem.NONE : sweepProblem;
    }

    /** The figures of {@code step}, when it was run. */
    public java.util.Optional<StepFigures> of(dev.telar.workloads.lesson.LessonStep step) {
        return steps.stream().filter(f -> f.step() == step).findFirst();
    }
}
