package dev.telar.tui.panel;

import dev.telar.workloads.sync.BarrierState;
import dev.telar.workloads.sync.SyncState;
import dev.telar.workloads.sync.scenario.BarrierFigures;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.PrimitiveFigures;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import java.util.List;

/**
 * The Barrier: parties arrived out of those needed as a bar, who waits at it (everyone but the
 * slow worker, most of the time), its generation, whether it is broken; and rounds completed.
 */
public final class BarrierPanel extends PrimitivePanel {
    @Override
    Primitive primitive() {
        return Primitive.BARRIER;
    }

    @Override
    SyncState empty(ScenarioSpec spec) {
        return new BarrierState(spec.workers(), 0, List.of(), 0, 0, false);
    }

    @Override
    void draw(Rows rows, SyncState state, PrimitiveFigures figures, ScenarioSpec spec) {
        BarrierState b = (BarrierState) state;
        BarrierFigures f = (BarrierFigures) figures;
        rows.bar("parties", b.arrived(), b.parties(), rows.format("sync.v.parties", b.arrived(), b.parties()), false);
        rows.people("waiting", b.waiting());
        rows.line("generation", number(b.generation()));
        rows.line("broken", rows.texts().get(b.broken() ? "sync.v.broken.yes" : "sync.v.broken.no"), b.broken(),
                b.broken());
        long rounds = b.rounds();
        long early = f.violations();
        rows.bar("rounds", rounds, spec.size(), rows.format("sync.v.rounds", rounds, spec.size(), early), early > 0);
    }
}
