package dev.telar.tui.view;

import dev.telar.workloads.lesson.LessonPart;
import dev.telar.workloads.lesson.LessonSizes;

/**
 * How the lesson view runs: what {@code telar lesson} was asked for, or the defaults when the
 * lesson is opened from the dashboard with its key. Immutable.
 *
 * @param autoplaySeconds seconds a finished step stays on screen before the next one (a projector
 *                        loop that starts again after the last step); 0: steps change only by key
 * @param readonly        only the step keys work; quitting asks first (a visitor at the keyboard)
 * @param budgetSeconds   what a step's one-worker run should take on this machine, seconds
 *                        ({@link LessonSizes#MIN_BUDGET} to {@link LessonSizes#MAX_BUDGET})
 * @param startPart       the part whose first step is shown first
 */
public record LessonOptions(double autoplaySeconds, boolean readonly, double budgetSeconds, LessonPart startPart) {
    /** Longest wait autoplay accepts, seconds. */
    public static final double MAX_AUTOPLAY = 3600;
    /** The calibration budget when none is given, seconds. */
    public static final double DEFAULT_BUDGET = 2;
    /** The lesson opened with its dashboard key: by hand, from the first part. */
    public static final LessonOptions DEFAULTS = new LessonOptions(0, false, DEFAULT_BUDGET,
            LessonPart.PROCESSES_AND_THREADS);

    public LessonOptions {
        if (!(autoplaySeconds == 0 || autoplaySeconds > 0 && autoplaySeconds <= MAX_AUTOPLAY)) {
            throw new IllegalArgumentException("autoplay seconds out of range: " + autoplaySeconds);
        }
        if (!(budgetSeconds >= LessonSizes.MIN_BUDGET && budgetSeconds <= LessonSizes.MAX_BUDGET)) {
            throw new IllegalArgumentException("budget seconds out of range: " + budgetSeconds);
        }
        if (startPart == null) {
            throw new IllegalArgumentException("no start part");
        }
    }

    /** True when steps follow one another without a key. */
    public boolean autoplay() {
        return autoplaySeconds > 0;
    }
}
