package dev.telar.tui.view;

import dev.telar.tui.text.Message;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSnapshot;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import java.util.Optional;

/**
 * The sync view's state: the chosen primitive, threads or processes, the pace, the Lock
 * scenario's switch, the run in progress and the last state and outcome polled from it.
 *
 * <p>Owned by the UI thread; not thread-safe. Panels read it; only the {@link KeyHandler} changes
 * it, from keys and from the ticks that make it poll the run. What panels draw is immutable
 * ({@link ScenarioSnapshot}, {@link ScenarioOutcome}), taken at the last poll.
 */
public final class SyncViewState {
    /** The paces offered: full speed, the lecture's pace, and half of it. Slowdown factors. */
    static final double[] PACES = {0, 1, 2};

    private Primitive primitive = Primitive.LOCK;
    private Mode mode = Mode.THREADS;
    private int pace = 1;
    private boolean lockEnabled = true;
    private ScenarioRun run;
    private ScenarioSpec shownSpec;
    private ScenarioSnapshot shown;
    private ScenarioOutcome outcome;
    private Message message = Message.NONE;

    /** The primitive whose panel is shown. */
    public Primitive primitive() {
        return primitive;
    }

    /** Threads or processes, for the next run. */
    public Mode mode() {
        return mode;
    }

    /** The slowdown of the next run: 0 full speed, 1 lecture pace, 2 half of it. */
    public double slowdown() {
        return PACES[pace];
    }

    /** Lock scenario: whether workers take the lock (also switched live). */
    public boolean lockEnabled() {
        return lockEnabled;
    }

    /** True while a run goes on (until its outcome has been polled). */
    public boolean running() {
        return run != null;
    }

    /** The spec of the run shown (in progress or last ended), defaults filled in; empty before any run of this primitive. */
    public Optional<ScenarioSpec> shownSpec() {
        return Optional.ofNullable(shownSpec);
    }

    /** The last state polled for the primitive shown; empty before its first run. */
    public Optional<ScenarioSnapshot> snapshot() {
        return Optional.ofNullable(shown);
    }

    /** How the last run of the primitive shown ended; empty while it runs or before it ran. */
    public Optional<ScenarioOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    /** A one-line note (why a start was refused); {@link Message#NONE} when none. */
    public Message message() {
        return message;
    }

    void setMessage(Message message) {
        this.message = message;
    }

    /** The spec the choices describe. */
    ScenarioSpec spec() {
        return ScenarioSpec.of(primitive, mode).withSlowdown(slowdown())
                .withLock(primitive != Primitive.LOCK || lockEnabled);
    }

    void select(Primitive p) {
        primitive = p;
        shown = null;
        shownSpec = null;
        outcome = null;
        message = Message.NONE;
    }

    void toggleMode() {
        mode = mode == Mode.THREADS ? Mode.PROCESSES : Mode.THREADS;
    }

    void cyclePace() {
        pace = (pace + 1) % PACES.length;
    }

    void toggleLock() {
        lockEnabled = !lockEnabled;
    }

    /** The run in progress, or null. */
    ScenarioRun run() {
        return run;
    }

    void started(ScenarioRun started) {
        run = started;
        shownSpec = started.spec();
        shown = started.snapshot();
        outcome = null;
        message = Message.NONE;
    }

    /** Forgets the run in progress (cancelled to make way for another). */
    void dropRun() {
        run = null;
    }

    /**
     * Takes the run's current state, and its outcome once it ended.
     *
     * @return true when there was a run to poll (the screen may have changed)
     */
    boolean poll() {
        if (run == null) {
            return false;
        }
        // Outcome first: a snapshot taken after it is the final one.
        Optional<ScenarioOutcome> done = run.outcome();
        shown = run.snapshot();
        if (done.isPresent()) {
            outcome = done.get();
            run = null;
            message = Message.NONE;
        }
        return true;
    }
}
