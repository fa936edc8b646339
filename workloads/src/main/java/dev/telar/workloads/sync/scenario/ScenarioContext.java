package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.kernel.CancelledException;
import dev.telar.workloads.sync.SharedCounters;
import dev.telar.workloads.sync.SyncCondition;
import dev.telar.workloads.sync.SyncEvent;
import dev.telar.workloads.sync.SyncLock;
import dev.telar.workloads.sync.SyncPrimitives;
import dev.telar.workloads.sync.SyncSemaphore;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What a scenario's code sees, in the runner's JVM and in each child JVM alike: the family of
 * primitives, the spec, the pace, a control row shared by all (cancel flag, lock switch), and a
 * log for notable events. Its waiting helpers wait in slices of {@link #SLICE} and check for
 * cancellation between them, so a cancelled run ends promptly in threads and in child JVMs, where
 * no interrupt can reach a waiting worker. Thread-safe.
 */
public final class ScenarioContext {
    /** Longest a helper waits before looking at the cancel flag again. */
    public static final Duration SLICE = Duration.ofMillis(100);
    /** Control row: 1 once the run is cancelled. */
    static final int CANCEL = 0;
    /** Control row: 1 while the Lock scenario's workers use the lock. */
    static final int LOCK_ON = 1;
    /** Control row: workers that started. */
    static final int STARTED = 2;
    static final int CONTROL_SIZE = 4;

    private final SyncPrimitives family;
    private final ScenarioSpec spec;
    private final int workers;
    private final long size;
    private final Pace pace;
    private final SharedCounters control;
    private final Consumer<String> log;
    /**
     * Set by {@link #cancelHere()} in the runner's JVM: the runner then knows of its own cancel
     * without asking the control row, which for a remote run lives on a manager that may no longer answer.
     */
    private volatile boolean cancelledHere;

    ScenarioContext(SyncPrimitives family, ScenarioSpec spec, int workers, long size, Consumer<String> log) {
        this.family = family;
        this.spec = spec;
        this.workers = workers;
        this.size = size;
        this.pace = new Pace(spec.slowdown());
        this.control = family.counters("control", CONTROL_SIZE);
        this.log = log;
    }

    public SyncPrimitives family() {
        return family;
    }

    public ScenarioSpec spec() {
        return spec;
    }

    /** Number of workers (the spec's, or the scenario's default). */
    public int workers() {
        return workers;
    }

    /** Amount of work (the spec's, or the scenario's default). */
    public long size() {
        return size;
    }

    public Pace pace() {
        return pace;
    }

    /** Pauses for a nominal duration scaled by the slowdown, then checks for cancellation. */
    public void pause(double nominalMillis) throws InterruptedException {
        pace.pause(nominalMillis);
        checkCancelled();
    }

    /** Reports a notable event (shown in the panel's event list; prefixed with the worker by the runner). */
    public void log(String event) {
        log.accept(event);
    }

    public boolean cancelled() {
        return cancelledHere || control.get(CANCEL) != 0;
    }

    /** @throws CancelledException once the run is cancelled */
    public void checkCancelled() {
        if (cancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancelledException();
        }
    }

    /** The Lock scenario's switch, read by the workers before each update. */
    public boolean lockEnabled() {
        return control.get(LOCK_ON) != 0;
    }

    void setLockEnabled(boolean on) {
        control.set(LOCK_ON, on ? 1 : 0);
    }

    void cancel() {
        cancelHere();
        control.set(CANCEL, 1);
    }

    /** Marks the run cancelled in this JVM only, with no call to the control row. */
    void cancelHere() {
        cancelledHere = true;
    }

    SharedCounters control() {
        return control;
    }

    /** Acquires {@code lock}, checking for cancellation while waiting. */
    public void acquire(SyncLock lock) throws InterruptedException {
        while (!lock.tryAcquire(SLICE)) {
            checkCancelled();
        }
    }

    /** Acquires a permit of {@code s}, checking for cancellation while waiting. */
    public void acquire(SyncSemaphore s) throws InterruptedException {
        while (!s.tryAcquire(SLICE)) {
            checkCancelled();
        }
    }

    /** Waits for {@code event}, checking for cancellation while waiting. */
    public void await(SyncEvent event) throws InterruptedException {
        while (!event.await(SLICE)) {
            checkCancelled();
        }
    }

    /** Python's {@code cond.wait_for(predicate)} (lock held), checking for cancellation while waiting. */
    public void awaitFor(SyncCondition cond, BooleanSupplier predicate) throws InterruptedException {
        while (!cond.awaitFor(predicate, SLICE)) {
            checkCancelled();
        }
    }

    /** Waits until counter {@code i} of {@code c} reaches {@code value} (coordination, not a primitive under study). */
    public void awaitCounter(SharedCounters c, int i, long value) throws InterruptedException {
        while (c.get(i) < value) {
            checkCancelled();
            Thread.sleep(1);
        }
    }
}
