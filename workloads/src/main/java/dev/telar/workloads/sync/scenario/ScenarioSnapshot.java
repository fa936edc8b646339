package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.SyncState;
import java.util.List;
import java.util.Map;

/**
 * What a panel draws at one instant: immutable.
 *
 * @param primitive      the scenario
 * @param mode           threads or processes
 * @param status         starting, running or ended
 * @param state          the primitive's live state (empty before the primitives exist)
 * @param progress       the scenario's named counters, in display order (e.g. "total", "expected")
 * @param workers        the workers' names: thread names, or "pid 1234" for child JVMs
 * @param recentEvents   the latest notable events, oldest first (at most {@link SyncScenarioRunner#KEPT_EVENTS})
 * @param elapsedSeconds since the start
 */
public record ScenarioSnapshot(Primitive primitive, Mode mode, ScenarioStatus status, java.util.Optional<SyncState> state,
                               Map<String, Long> progress, List<String> workers, List<String> recentEvents,
                               double elapsedSeconds) {
    public ScenarioSnapshot {
        progress = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(progress));
        workers = List.copyOf(workers);
        recentEvents = List.copyOf(recentEvents);
    }
}
