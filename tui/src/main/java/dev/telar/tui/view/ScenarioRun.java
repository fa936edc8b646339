package dev.telar.tui.view;

import dev.telar.workloads.sync.scenario.RunningScenario;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSnapshot;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import java.time.Duration;
import java.util.Optional;

/**
 * One scenario run as the sync view sees it: what it runs, its live state, its outcome once it
 * ended, and the two things a key can ask of it (cancel, lock switch). The live implementation
 * wraps a {@link RunningScenario}; tests can hand the view fixed snapshots through the same type.
 * Implementations are thread-safe; the view calls them from the UI thread only, and none blocks.
 */
public interface ScenarioRun {
    /** The spec with the scenario's defaults filled in (workers, size). */
    ScenarioSpec spec();

    /** The state now; after the end, the final state. */
    ScenarioSnapshot snapshot();

    /** The outcome, once the run has ended (files removed, children gone); empty before. */
    Optional<ScenarioOutcome> outcome();

    /** Asks the run to stop; returns at once. */
    void cancel();

    /** Lock scenario: workers take the lock around their updates from their next update on, or not. */
    void setLockEnabled(boolean on);

    /** A live run of the workloads' scenario runner. */
    static ScenarioRun of(RunningScenario run) {
        return new ScenarioRun() {
            @Override
            public ScenarioSpec spec() {
                return run.spec();
            }

            @Override
            public ScenarioSnapshot snapshot() {
                return run.snapshot();
            }

            @Override
            public Optional<ScenarioOutcome> outcome() {
                if (!run.isDone()) {
                    return Optional.empty();
                }
                try {
                    return run.await(Duration.ZERO);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }

            @Override
            public void cancel() {
                run.cancel();
            }

            @Override
            public void setLockEnabled(boolean on) {
                run.setLockEnabled(on);
            }
        };
    }
}
