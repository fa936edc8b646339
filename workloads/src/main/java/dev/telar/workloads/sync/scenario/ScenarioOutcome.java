package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.sync.Mode;
import java.util.Map;

/**
 * How a scenario run ended.
 *
 * @param primitive the scenario
 * @param mode      threads or processes
 * @param status    completed, cancelled or failed
 * @param results   the scenario's final counters, in display order
 * @param correct   true when the primitive did its job (exact total, never more than the permits
 *                  inside, every item once, phases in step...); for the Lock scenario with the lock
 *                  off, true means the expected damage was measured, not that no update was lost
 * @param summary   one line for a person, e.g. "lock on: total 1,998,734,112 = expected"
 * @param seconds   wall time of the run
 * @param failure   why a failed run failed (e.g. a child that died); {@link Problem#NONE} for other
 *                  runs
 */
public record ScenarioOutcome(Primitive primitive, Mode mode, ScenarioStatus status, Map<String, Long> results,
                              boolean correct, String summary, double seconds, Problem failure) {
    public ScenarioOutcome {
        results = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(results));
        failure = failure == null ? Problem.NONE : failure;
    }

    /** An outcome without a failure reason. */
    public ScenarioOutcome(Primitive primitive, Mode mode, ScenarioStatus status, Map<String, Long> results,
                           boolean correct, String summary, double seconds) {
        this(primitive, mode, status, results, correct, summary, seconds, Problem.NONE);
    }
}
