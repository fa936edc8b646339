package dev.telar.workloads.sync.scenario;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
     * The figures under their result names, in the record's order, as {@code telar sync --json}
     * prints them: each component's name in lower case with underscores (e.g. {@code lost_updates}),
     * a yes/no figure as 1 or 0, and a list as one figure per item ({@code numbers_0}, {@code numbers_1}...).
     */
    default Map<String, Long> named() {
        Map<String, Long> named = new LinkedHashMap<>();
        for (RecordComponent c : getClass().getRecordComponents()) {
            String name = c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
            Object value;
            try {
                value = c.getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + getClass().getSimpleName() + "." + c.getName(), e);
            }
            if (value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    named.put(name + "_" + i, ((Number) items.get(i)).longValue());
                }
            } else if (value instanceof Boolean yes) {
                named.put(name, yes ? 1L : 0L);
            } else {
                named.put(name, ((Number) value).longValue());
            }
        }
        return named;
    }

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
