package dev.telar.workloads.sync.scenario;

/**
 * The Barrier scenario's figures: workers advancing in phases.
 *
 * @param rounds       rounds completed (every worker arrived; counted by the barrier action)
 * @param targetRounds rounds the run does
 * @param phasesDone   phases finished, over all workers
 * @param violations   times a worker started a phase before all had finished the previous one; none is right
 */
public record BarrierFigures(long rounds, long targetRounds, long phasesDone, long violations)
        implements PrimitiveFigures {
    @Override
    public Primitive primitive() {
        return Primitive.BARRIER;
    }
}
