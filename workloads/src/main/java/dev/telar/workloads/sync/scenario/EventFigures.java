package dev.telar.workloads.sync.scenario;

/**
 * The Event scenario's figures: workers passing a start signal, cycle after cycle.
 *
 * @param cycles     start signals the run gives (set, then cleared once all passed)
 * @param ready      times a worker began waiting for a signal, over all cycles
 * @param passes     times a worker passed a signal, over all cycles
 * @param phasesDone phases of work finished after passing, over all workers
 * @param violations passes of a signal before it was set (early passes); none is right
 */
public record EventFigures(long cycles, long ready, long passes, long phasesDone, long violations)
        implements PrimitiveFigures {
    @Override
    public Primitive primitive() {
        return Primitive.EVENT;
    }
}
