package dev.telar.tui.view;

import dev.telar.tui.text.Message;
import dev.telar.workloads.lesson.LessonSizes;
import dev.telar.workloads.lesson.LessonStep;
import dev.telar.workloads.lesson.StepFigures;
import dev.telar.workloads.lesson.StepRun;
import dev.telar.workloads.problem.Problem;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lesson view's state: which step is shown, how far its run has come, the figures of every
 * step seen so far, the sizes measured for this machine, and the keyboard's state (paused, a quit
 * waiting for its confirmation, the last refusal).
 *
 * <p>Owned by the UI thread; not thread-safe. Panels read it; only {@link LessonController}
 * changes it, from keys, the lab's events and the sampler's ticks.
 */
public final class LessonState {
    /** Where the shown step is. */
    public enum Phase {
        /** Nothing asked of the lab yet (the view was not opened, or was left). */
        IDLE,
        /** Another view's job holds the lab's one slot; the lesson starts when it ends. */
        WAITING,
        /** Measuring this machine before the first step. */
        CALIBRATING,
        /** The step's jobs run in the lab. */
        RUNNING,
        /** A job was cancelled (the lesson moved on); the next starts once the lab reported its end. */
        CANCELLING,
        /** The step's figures are in (or why there are none). */
        SHOWN
    }

    private final int cores;
    private LessonOptions options = LessonOptions.DEFAULTS;
    private int index;
    private Phase phase = Phase.IDLE;
    private StepRun run;
    private LessonSizes sizes;
    private Problem calibrationProblem = Problem.NONE;
    private final Map<LessonStep, StepFigures> figures = new EnumMap<>(LessonStep.class);
    private boolean paused;
    private boolean quitAsked;
    private Message notice = Message.NONE;
    private long phaseSince;
    private double autoplayLeft = Double.NaN;
    private int rounds;

    /** @param cores logical cores of this machine (what the calibration sizes for) */
    LessonState(int cores) {
        this.cores = Math.max(1, cores);
    }

    /** Logical cores of this machine. */
    public int cores() {
        return cores;
    }

    /** How the lesson runs. */
    public LessonOptions options() {
        return options;
    }

    void setOptions(LessonOptions options) {
        this.options = options;
        this.index = LessonStep.of(options.startPart()).get(0).ordinal();
    }

    /** True when only the step keys work. */
    public boolean readonly() {
        return options.readonly();
    }

    /** The step shown. */
    public LessonStep step() {
        return LessonStep.values()[index];
    }

    /** Its place, 0 to 16. */
    public int index() {
        return index;
    }

    void setIndex(int index) {
        this.index = Math.floorMod(index, LessonStep.values().length);
    }

    public Phase phase() {
        return phase;
    }

    /** Since when (System.nanoTime) the phase holds. */
    long phaseSince() {
        return phaseSince;
    }

    void setPhase(Phase phase, long nanos) {
        this.phase = phase;
        this.phaseSince = nanos;
    }

    /** The shown step's run, while it goes on or was just abandoned. */
    Optional<StepRun> run() {
        return Optional.ofNullable(run);
    }

    void setRun(StepRun run) {
        this.run = run;
    }

    /** The sizes the steps run with, once measured (or the fallback after a failed measurement). */
    public Optional<LessonSizes> sizes() {
        return Optional.ofNullable(sizes);
    }

    void setSizes(LessonSizes sizes, Problem problem) {
        this.sizes = sizes;
        this.calibrationProblem = problem;
    }

    /** Why the measurement of this machine failed ({@link Problem#NONE} when it did not). */
    public Problem calibrationProblem() {
        return calibrationProblem;
    }

    /** The figures last measured for {@code step}, if it ran before. */
    public Optional<StepFigures> figures(LessonStep step) {
        return Optional.ofNullable(figures.get(step));
    }

    void putFigures(StepFigures f) {
        figures.put(f.step(), f);
    }

    /** True while autoplay holds on the shown step. */
    public boolean paused() {
        return paused;
    }

    void setPaused(boolean paused) {
        this.paused = paused;
    }

    /** True while a quit waits for y or n. */
    public boolean quitAsked() {
        return quitAsked;
    }

    void setQuitAsked(boolean asked) {
        this.quitAsked = asked;
    }

    /** A one-line notice for the footer (a refused key), or {@link Message#NONE}. */
    public Message notice() {
        return notice;
    }

    void setNotice(Message notice) {
        this.notice = notice;
    }

    /** Seconds until autoplay moves on, as of the last tick; NaN when it is not counting. */
    public double autoplayLeft() {
        return autoplayLeft;
    }

    void setAutoplayLeft(double seconds) {
        this.autoplayLeft = seconds;
    }

    /** How many times autoplay went from the last step back to the first. */
    public int rounds() {
        return rounds;
    }

    void addRound() {
        rounds++;
    }
}
