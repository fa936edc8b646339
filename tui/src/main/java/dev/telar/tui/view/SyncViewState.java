package dev.telar.tui.view;

import dev.telar.tui.text.Message;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSnapshot;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import dev.telar.workloads.sync.scenario.ScenarioStatus;
import dev.telar.workloads.sync.scenario.Scenarios;
import java.util.List;
import java.util.Optional;

/**
 * The sync view's state: the chosen primitive, threads or processes, the pace, the Lock
 * scenario's switch, whether its scenario runs, and the last state and outcome the lab reported.
 *
 * <p>Owned by the UI thread; not thread-safe. Panels read it; only its controller changes
 * it, from keys and from the lab's events. What panels draw is immutable ({@link ScenarioSnapshot},
 * {@link ScenarioOutcome}), as the lab last reported it.
 */
public final class SyncViewState {
    /** The paces offered: full speed, the lecture's pace, and half of it. Slowdown factors. */
    static final double[] PACES = {0, 1, 2};

    private Primitive primitive = Primitive.LOCK;
    private Mode mode = Mode.THREADS;
    /** The manager remote runs meet at; empty when none is configured (the mode then skips remote). */
    private Optional<ManagerTarget> manager = Optional.empty();
    private int pace = 1;
    private boolean lockEnabled = true;
    private boolean running;
    private ScenarioSpec shownSpec;
    private ScenarioSnapshot shown;
    private ScenarioOutcome outcome;
    private Message message = Message.NONE;

    /** The primitive whose panel is shown. */
    public Primitive primitive() {
        return primitive;
    }

    /** The manager a remote run meets at, when one is configured. */
    public Optional<ManagerTarget> manager() {
        return manager;
    }

    /** Offers remote runs at {@code target} (empty: none; a remote choice falls back to threads). */
    public void offerRemote(Optional<ManagerTarget> target) {
        manager = target;
        if (target.isEmpty() && mode == Mode.REMOTE) {
            mode = Mode.THREADS;
        }
    }

    /** Threads, processes or remote, for the next run. */
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

    /** True from the lab's start of this view's scenario until it ended. */
    public boolean running() {
        return running;
    }

    /** The spec of the run shown (in progress or last ended), defaults filled in; empty before any run of this primitive. */
    public Optional<ScenarioSpec> shownSpec() {
        return Optional.ofNullable(shownSpec);
    }

    /** The last state reported for the primitive shown; empty before its first run. */
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
        // threads, processes, then remote when a manager is configured, and round again
        mode = mode == Mode.THREADS ? Mode.PROCESSES
                : mode == Mode.PROCESSES && manager.isPresent() ? Mode.REMOTE : Mode.THREADS;
    }

    void cyclePace() {
        pace = (pace + 1) % PACES.length;
    }

    void toggleLock() {
        lockEnabled = !lockEnabled;
    }

    /**
     * The lab started the scenario this view asked for: {@code spec} as asked; the panels show it
     * with the scenario's defaults (workers, size) filled in, as it runs.
     */
    void started(ScenarioSpec spec) {
        running = true;
        shownSpec = withDefaults(spec);
        shown = new ScenarioSnapshot(spec.primitive(), spec.mode(), ScenarioStatus.STARTING, Optional.empty(),
                Optional.empty(), List.of(), List.of(), 0);
        outcome = null;
        message = Message.NONE;
    }

    /** Forgets the run in progress (cancelled to make way for another primitive); its last events may still come. */
    void dropRun() {
        running = false;
    }

    /** The scenario's state now, as the lab reported it. */
    void updated(ScenarioSnapshot snapshot) {
        shown = snapshot;
    }

    /** The scenario ended (files removed, children gone). */
    void ended(ScenarioOutcome o) {
        outcome = o;
        running = false;
        message = Message.NONE;
    }

    /** The lab freed its slot; a scenario refused by the lab after its start leaves no "starting" state behind. */
    void jobEnded() {
        running = false;
        if (shown != null && shown.status() == ScenarioStatus.STARTING) {
            shown = null;
        }
    }

    /** {@code spec} with the scenario's own defaults where it leaves workers or size to them. */
    public static ScenarioSpec withDefaults(ScenarioSpec spec) {
        return spec.withWorkers(spec.workers() > 0 ? spec.workers() : Scenarios.defaultWorkers(spec.primitive()))
                .withSize(spec.size() > 0 ? spec.size() : Scenarios.defaultSize(spec.primitive(), spec.slowdown()));
    }
}
