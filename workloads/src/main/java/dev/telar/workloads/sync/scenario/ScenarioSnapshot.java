package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.SyncState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a panel draws at one instant: immutable.
 *
 * @param primitive      the scenario
 * @param mode           threads, processes or remote
 * @param status         starting, running or ended
 * @param state          the primitive's live state (empty before the primitives exist)
 * @param figures        the scenario's figures, of {@code primitive}'s kind (empty before the primitives exist)
 * @param workers        the workers' names: thread names, or "pid 1234" for child JVMs
 * @param recentEvents   the latest notable events, oldest first (at most {@link SyncScenarioRunner#KEPT_EVENTS})
 * @param elapsedSeconds since the start
 * @param remote         a remote run's manager and link; empty for threads and processes
 */
public record ScenarioSnapshot(Primitive primitive, Mode mode, ScenarioStatus status, Optional<SyncState> state,
                               Optional<PrimitiveFigures> figures, List<String> workers, List<String> recentEvents,
                               double elapsedSeconds, Optional<RemoteRun> remote) {
    public ScenarioSnapshot {
        Objects.requireNonNull(remote, "remote");
        checkKind(primitive, figures);
        workers = List.copyOf(workers);
        recentEvents = List.copyOf(recentEvents);
    }

    /** A snapshot of a run of threads or processes. */
    public ScenarioSnapshot(Primitive primitive, Mode mode, ScenarioStatus status, Optional<SyncState> state,
                            Optional<PrimitiveFigures> figures, List<String> workers, List<String> recentEvents,
                            double elapsedSeconds) {
        this(primitive, mode, status, state, figures, workers, recentEvents, elapsedSeconds, Optional.empty());
    }

    /** The figures as the record of {@code type}, or empty (none yet). */
    public <F extends PrimitiveFigures> Optional<F> figures(Class<F> type) {
        return figures.filter(type::isInstance).map(type::cast);
    }

    /** @throws IllegalArgumentException when {@code figures} are another primitive's */
    static void checkKind(Primitive primitive, Optional<PrimitiveFigures> figures) {
        figures.ifPresent(f -> {
            if (f.primitive() != primitive) {
                throw new IllegalArgumentException(f.primitive().label() + " figures for a " + primitive.label()
                        + " scenario");
            }
        });
    }
}
