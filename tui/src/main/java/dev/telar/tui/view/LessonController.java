package dev.telar.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import dev.telar.tui.text.Message;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.lesson.Calibration;
import dev.telar.workloads.lesson.LessonPart;
import dev.telar.workloads.lesson.LessonSizes;
import dev.telar.workloads.lesson.LessonStep;
import dev.telar.workloads.lesson.StepFigures;
import dev.telar.workloads.lesson.StepRun;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import java.util.Optional;

/**
 * The lesson view's controller: steps through the lecture (next, previous, replay, pause, a part),
 * and drives each step's run from the event loop. Entering the lesson measures this machine first
 * ({@link Calibration}), then runs the shown step: its jobs go to the lab through {@link LabLink}
 * like every view's, every lab event is fed to the {@link StepRun}, and its next job is sent when
 * it asks for one. The other views' controllers take the same events as ever, so their panels
 * (worker threads, exchange, race, sync primitive) move live under the lesson too.
 *
 * <p>The lab has one job slot: moving to another step while a job runs cancels it and starts the
 * next step only once the lab reported the job's end. The loop has no timer; the sampler's
 * snapshots are the clock ({@link #tick}) for autoplay and for a step that overruns its deadline.
 *
 * <p>Read-only ({@code --readonly}): only the step keys work, every other key is refused with a
 * note in the footer, and quitting asks for a confirmation ({@code q}, then {@code y}).
 * UI thread only.
 */
final class LessonController implements ViewController {
    /** Fallback rates when the measurement failed: a modest machine, so that no step runs long. */
    static final double FALLBACK_DRAWS_PER_SECOND = 30_000_000;
    static final double FALLBACK_MATMUL_SECONDS = 0.05;
    /** A step (or the measurement) that runs longer than this many budgets is cancelled and reported. */
    static final double DEADLINE_BUDGETS = 30;
    /** Shortest deadline, seconds: child JVMs start slowly on a busy machine. */
    static final double MIN_DEADLINE_SECONDS = 60;
    /** How long a refusal stays in the footer, seconds. */
    static final double NOTICE_SECONDS = 4;

    private final LessonState s;
    private final ViewState view;
    private final LabLink lab;
    private final KeyTable keys;
    private final KeyTable readonlyKeys;
    private Calibration calibration;
    /** After the cancelled job's end: show the step's figures (its deadline passed) instead of running it. */
    private boolean showAfterCancel;
    private long noticeSince;

    LessonController(LessonState s, ViewState view, LabLink lab) {
        this.s = s;
        this.view = view;
        this.lab = lab;
        Key[] parts = new Key[LessonPart.values().length];
        for (LessonPart p : LessonPart.values()) {
            parts[p.ordinal()] = Key.of((char) ('0' + p.number()));
        }
        Binding next = Binding.of("lesson.next", k -> goTo(s.index() + 1), Key.of(KeyType.ArrowRight), Key.of('n'),
                Key.of(KeyType.PageDown), Key.of(KeyType.Enter))
                .hint("→/n", "→", "footer.lesson.next", "footer.lesson.next", 9);
        Binding previous = Binding.of("lesson.previous", k -> goTo(s.index() - 1), Key.of(KeyType.ArrowLeft),
                Key.of('p'), Key.of(KeyType.PageUp), Key.of(KeyType.Backspace))
                .hint("←/p", "←", "footer.lesson.previous", "footer.lesson.previous", 8);
        Binding replay = Binding.of("lesson.replay", k -> goTo(s.index()), Key.of('r'))
                .hint("r", "r", "footer.lesson.replay", "footer.lesson.replay", 6);
        Binding pause = Binding.of("lesson.pause", k -> pause(), Key.of(' '), Key.of('.'))
                .hint("Space", "Spc", "footer.lesson.pause", "footer.lesson.pause", 5);
        Binding part = Binding.of("lesson.part", this::part, parts)
                .hint("1-5", "1-5", "footer.lesson.part", "footer.lesson.part.short", 4);
        this.keys = KeyTable.of(next, previous, replay, pause, part);
        Binding quit = Binding.of("lesson.quit", k -> askQuit(), Key.of('q'), Key.of(KeyType.F10), Key.ctrl('c'))
                .hint("q", "q", "footer.quit", "footer.quit", Hint.ALWAYS + 1);
        this.readonlyKeys = KeyTable.join(keys, KeyTable.of(quit));
    }

    @Override
    public KeyTable keys() {
        return keys;
    }

    /** The whole table of a read-only lesson: the step keys and a quit that asks first. */
    KeyTable readonlyKeys() {
        return readonlyKeys;
    }

    /** Starts the lesson with {@code options} on the lesson view ({@code telar lesson}). */
    void open(LessonOptions options) {
        s.setOptions(options);
        view.setMode(ViewState.Mode.LESSON);
        shown();
    }

    /**
     * Takes a key before every table while the lesson is shown and it must: a quit waiting for its
     * answer takes the next key, and a read-only lesson takes them all (also Ctrl-C and Ctrl-Z).
     *
     * @return the outcome, or null when the usual tables decide
     */
    Outcome intercept(KeyStroke key) {
        if (view.mode() != ViewState.Mode.LESSON || key instanceof MouseAction) {
            return null;
        }
        if (s.quitAsked()) {
            s.setQuitAsked(false);
            s.setNotice(Message.NONE);
            boolean yes = key.getKeyType() == KeyType.Character && !key.isCtrlDown()
                    && Character.toLowerCase(key.getCharacter()) == 'y';
            return yes ? Outcome.QUIT : Outcome.REDRAW;
        }
        if (!s.readonly()) {
            return null;
        }
        Optional<Binding> binding = readonlyKeys.find(key);
        if (binding.isPresent()) {
            return binding.get().run(key);
        }
        notice(new Message("lesson.view.readonly"));
        return Outcome.REDRAW;
    }

    private Outcome askQuit() {
        s.setQuitAsked(true);
        notice(new Message("lesson.view.quit"));
        return Outcome.REDRAW;
    }

    private void notice(Message note) {
        s.setNotice(note);
        noticeSince = System.nanoTime();
    }

    @Override
    public Outcome wheel(int step) {
        return Outcome.IGNORED;
    }

    private Outcome pause() {
        s.setPaused(!s.paused());
        s.setNotice(Message.NONE);
        return Outcome.REDRAW;
    }

    private Outcome part(KeyStroke key) {
        LessonPart part = LessonPart.values()[key.getCharacter() - '1'];
        return goTo(LessonStep.of(part).get(0).ordinal());
    }

    /**
     * Shows step {@code index} (wrapping around) and runs it: at once when the lab is free, after
     * the measurement when it goes on, after the end of the job in progress otherwise (cancelled
     * when it is the lesson's own).
     */
    private Outcome goTo(int index) {
        s.setNotice(Message.NONE);
        s.setIndex(index);
        s.setAutoplayLeft(Double.NaN);
        showAfterCancel = false;
        switch (s.phase()) {
            case CALIBRATING, CANCELLING, WAITING -> {
                // The new step starts when the measurement, or the job in the way, is over.
            }
            case RUNNING -> cancelRun(Problem.CANCELLED, StepFigures.Outcome.CANCELLED);
            default -> startCurrent();
        }
        return Outcome.REDRAW;
    }

    /** The lesson view is shown: the lesson goes on where it was. */
    void shown() {
        if (s.phase() == LessonState.Phase.IDLE) {
            startCurrent();
        } else if (s.phase() == LessonState.Phase.CANCELLING) {
            showAfterCancel = false;
        }
    }

    /** The lesson view was left: its job is cancelled, so that the lab is free for the other views. */
    void hidden() {
        s.setQuitAsked(false);
        s.setNotice(Message.NONE);
        switch (s.phase()) {
            case RUNNING -> cancelRun(Problem.CANCELLED, StepFigures.Outcome.CANCELLED);
            case CALIBRATING -> {
                lab.send(new LabCommand.Cancel());
                calibration = null;
                s.setPhase(LessonState.Phase.CANCELLING, System.nanoTime());
            }
            case WAITING, SHOWN -> s.setPhase(LessonState.Phase.IDLE, System.nanoTime());
            default -> {
            }
        }
    }

    /** Cancels the step's job in the lab; the step's figures say why it stopped. */
    private void cancelRun(Problem why, StepFigures.Outcome outcome) {
        StepRun run = s.run().orElseThrow();
        if (run.inJob()) {
            lab.send(new LabCommand.Cancel());
            run.abandon(outcome, why);
            s.setPhase(LessonState.Phase.CANCELLING, System.nanoTime());
        } else {
            run.abandon(outcome, why);
            startCurrent();
        }
    }

    /** Measures the machine if not yet done, else runs the shown step; waits while another job holds the lab. */
    private void startCurrent() {
        long now = System.nanoTime();
        if (view.mode() != ViewState.Mode.LESSON) {
            s.setPhase(LessonState.Phase.IDLE, now);
            return;
        }
        if (view.labJob().isPresent()) {
            s.setPhase(LessonState.Phase.WAITING, now);
            return;
        }
        if (s.sizes().isEmpty()) {
            calibration = new Calibration(s.options().budgetSeconds(), s.cores());
            s.setPhase(LessonState.Phase.CALIBRATING, now);
            lab.send(calibration.start());
            return;
        }
        StepRun run = new StepRun(s.step(), s.sizes().get());
        s.setRun(run);
        s.setPhase(LessonState.Phase.RUNNING, now);
        lab.send(run.start());
    }

    /** Takes an event of the lab, after the other views took it. */
    void onLab(LabEvent event) {
        switch (s.phase()) {
            case CALIBRATING -> {
                calibration.accept(event).ifPresent(lab::send);
                if (calibration.done()) {
                    measured(calibration.sizes(), calibration.problem());
                }
            }
            case RUNNING -> {
                StepRun run = s.run().orElseThrow();
                run.accept(event).ifPresent(lab::send);
                if (run.done()) {
                    shown(run.figures());
                }
            }
            case CANCELLING, WAITING -> {
                if (view.labJob().isEmpty() && (event instanceof LabEvent.JobEnded || event instanceof LabEvent.LabLost
                        || event instanceof LabEvent.Refused || event instanceof LabEvent.Rejected)) {
                    slotFree();
                }
            }
            default -> {
            }
        }
    }

    private void slotFree() {
        if (view.mode() != ViewState.Mode.LESSON) {
            s.setPhase(LessonState.Phase.IDLE, System.nanoTime());
        } else if (showAfterCancel) {
            showAfterCancel = false;
            s.setPhase(LessonState.Phase.SHOWN, System.nanoTime());
        } else {
            startCurrent();
        }
    }

    /** The measurement ended: its sizes, or the fallback ones with the reason kept for the screen. */
    private void measured(Optional<LessonSizes> sizes, Problem problem) {
        calibration = null;
        double budget = s.options().budgetSeconds();
        s.setSizes(sizes.orElseGet(() -> LessonSizes.of(budget, s.cores(), FALLBACK_DRAWS_PER_SECOND,
                FALLBACK_MATMUL_SECONDS)), sizes.isPresent() ? Problem.NONE : problem.isNone()
                ? Problem.of(ProblemCode.LESSON_STEP_TIMEOUT, (long) deadlineSeconds()) : problem);
        s.setPhase(LessonState.Phase.IDLE, System.nanoTime());
        // A job of the measurement may still hold the slot (its end comes next): wait for it then.
        startCurrent();
    }

    private void shown(StepFigures figures) {
        s.putFigures(figures);
        s.setPhase(LessonState.Phase.SHOWN, System.nanoTime());
    }

    /**
     * A tick of the sampler's clock: autoplay moves on once a finished step has been shown its
     * seconds (from the last step back to the first), a step past its deadline is cancelled and
     * shown as failed, and an old refusal leaves the footer.
     *
     * @return whether the screen changed
     */
    Outcome tick(long now) {
        Outcome outcome = Outcome.IGNORED;
        if (!s.notice().isEmpty() && !s.quitAsked() && (now - noticeSince) / 1e9 >= NOTICE_SECONDS) {
            s.setNotice(Message.NONE);
            outcome = Outcome.REDRAW;
        }
        double inPhase = (now - s.phaseSince()) / 1e9;
        LessonState.Phase phase = s.phase();
        if ((phase == LessonState.Phase.RUNNING || phase == LessonState.Phase.CALIBRATING)
                && inPhase > deadlineSeconds()) {
            overran();
            return Outcome.REDRAW;
        }
        if (phase != LessonState.Phase.SHOWN || !s.options().autoplay()) {
            return outcome;
        }
        if (s.paused()) {
            return outcome;
        }
        double left = s.options().autoplaySeconds() - inPhase;
        s.setAutoplayLeft(Math.max(0, left));
        if (left <= 0) {
            if (s.index() == LessonStep.values().length - 1) {
                s.addRound();
            }
            goTo(s.index() + 1);
        }
        return Outcome.REDRAW;
    }

    /** The step or the measurement ran past its deadline: cancelled, and said so; autoplay goes on. */
    private void overran() {
        Problem late = Problem.of(ProblemCode.LESSON_STEP_TIMEOUT, (long) deadlineSeconds());
        if (s.phase() == LessonState.Phase.CALIBRATING) {
            lab.send(new LabCommand.Cancel());
            calibration = null;
            measured(Optional.empty(), late);
            return;
        }
        StepRun run = s.run().orElseThrow();
        lab.send(new LabCommand.Cancel());
        run.abandon(StepFigures.Outcome.FAILED, late);
        s.putFigures(run.figures());
        showAfterCancel = true;
        s.setPhase(LessonState.Phase.CANCELLING, System.nanoTime());
    }

    private double deadlineSeconds() {
        return Math.max(MIN_DEADLINE_SECONDS, DEADLINE_BUDGETS * s.options().budgetSeconds());
    }
}
