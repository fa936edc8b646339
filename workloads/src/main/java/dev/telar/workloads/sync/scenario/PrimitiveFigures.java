package dev.telar.workloads.sync.scenario;

import java.util.List;
import java.util.Map;

/**
 * What one primitive's scenario counts while it runs and at its end: one record per primitive,
 * with the figures its panel and {@code telar sync} show. Immutable; carried by
 * {@link ScenarioSnapshot} and {@link ScenarioOutcome}, and so across the lab's channel.
 */
public sealed interface PrimitiveFigures
        permits LockFigures, RLockFigures, SemaphoreFigures, ConditionFigures, EventFigures, BarrierFigures {
    /** The primitive whose scenario made these figures. */
    Primitive primitive();

    /**
     * The figures under their result names (lower case with underscores, e.g. {@code lost_updates}),
     * in display order, as {@code telar sync --json} prints them; a yes/no figure is 1 or 0.
     */
    Map<String, Long> named();

    /**
     * {@code primitive}'s figures before anything was counted: all zero (the Condition's capacity
     * too), the Lock scenario's switch on as by default, no worker yet.
     */
    static PrimitiveFigures zero(Primitive primitive) {
        return switch (primitive) {
            case LOCK -> new LockFigures(true, 0, 0, 0, 0, List.of());
            case RLOCK -> new RLockFigures(0, 0, 0, 0, 0);
            case SEMAPHORE -> new SemaphoreFigures(0, 0, 0, 0);
            case CONDITION -> new ConditionFigures(0, 0, 0, 0, 0);
            case EVENT -> new EventFigures(0, 0, 0, 0, 0);
            case BARRIER -> new BarrierFigures(0, 0, 0, 0);
        };
    }
}
