package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.sync.Mode;
import java.util.Optional;

/**
 * How a scenario run ended.
 *
 * @param primitive the scenario
 * @param mode      threads or processes
 * @param status    completed, cancelled or failed
 * @param figures   the scenario's final figures, of {@code primitive}'s kind; empty when the run
 *                  ended before its primitives existed
 * @param correct   true when the primitive did its job (exact total, never more than the permits
 *                  inside, every item once, phases in step...); for the Lock scenario with the lock
 *                  off, true means the expected damage was measured, not that no update was lost
 * @param summary   one line for a person, e.g. "lock on: total 1,998,734,112 = expected"
 * @param seconds   wall time of the run
 * @param failure   why a failed run failed (e.g. a child that died); {@link Problem#NONE} for other
 *                  runs
 */
public record ScenarioOutcome(Primitive primitive, Mode mode, ScenarioStatus status, Optional<PrimitiveFigures> figures,
                              boolean correct, String summary, double seconds, Problem failure) {
    public ScenarioOutcome {
        ScenarioSnapshot.checkKind(primitive, figures);
        failure = failure == null ? Problem.NONE : failure;
    }

    /** An outcome without a failure reason. */
    public ScenarioOutcome(Primitive primitive, Mode mode, ScenarioStatus status, Optional<PrimitiveFigures> figures,
                           boolean correct, String summary, double seconds) {
        this(primitive, mode, status, figures, correct, summary, seconds, Problem.NONE);
    }

    /** The figures as the record of {@code type}, or empty (none, or another primitive's). */
    public <F extends PrimitiveFigures> Optional<F> figures(Class<F> type) {
        return figures.filter(type::isInstance).map(type::cast);
    }
}
