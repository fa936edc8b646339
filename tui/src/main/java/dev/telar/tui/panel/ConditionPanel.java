package dev.telar.tui.panel;

import dev.telar.workloads.sync.ConditionState;
import dev.telar.workloads.sync.LockState;
import dev.telar.workloads.sync.SyncState;
import dev.telar.workloads.sync.scenario.ConditionFigures;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.PrimitiveFigures;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import java.util.List;
import java.util.Optional;

/**
 * The Condition of the producer/consumer buffer: how full the buffer is, who holds the
 * condition's lock, who waits to be notified, how many notify calls woke how many waiters, and
 * items produced and consumed.
 */
public final class ConditionPanel extends PrimitivePanel {
    /** Slots of the scenario's buffer, shown before the first run. */
    private static final int CAPACITY = 4;

    @Override
    Primitive primitive() {
        return Primitive.CONDITION;
    }

    @Override
    SyncState empty(ScenarioSpec spec) {
        return new ConditionState(new LockState(false, Optional.empty(), 0, List.of(), 0, false, 0), List.of(), 0, 0);
    }

    @Override
    PrimitiveFigures none(ScenarioSpec spec) {
        return new ConditionFigures(CAPACITY, 0, 0, 0, 0);
    }

    @Override
    void draw(Rows rows, SyncState state, PrimitiveFigures figures, ScenarioSpec spec) {
        ConditionState c = (ConditionState) state;
        ConditionFigures f = (ConditionFigures) figures;
        long capacity = f.capacity();
        long filled = f.inBuffer();
        rows.bar("buffer", filled, capacity, rows.format("sync.v.buffer", filled, capacity, f.fullest()), false);
        rows.holder("lock", c.lock().holder(), c.lock().locked());
        rows.people("waiters", c.waiters());
        rows.line("notify", rows.format("sync.v.notify", c.signalCalls(), c.woken()));
        rows.abandoned(c.lock().abandoned(), c.lock().takeovers());
        long perSide = spec.workers() / 2 * spec.size();
        rows.line("items", rows.format("sync.v.items", f.produced(), f.consumed(), perSide));
        long consumed = f.consumed();
        rows.bar("consumed", consumed, perSide, rows.format("sync.v.of", consumed, perSide), false);
    }
}
