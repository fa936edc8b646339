package dev.telar.tui.panel;

import dev.telar.workloads.sync.SemaphoreState;
import dev.telar.workloads.sync.SyncState;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.PrimitiveFigures;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import dev.telar.workloads.sync.scenario.SemaphoreFigures;
import java.util.List;

/**
 * The Semaphore: permits in use out of the total as a bar, who holds one and who waits,
 * acquisitions, takeovers from dead holders; and the scenario's check that no more workers were
 * ever inside at once than there are permits.
 */
public final class SemaphorePanel extends PrimitivePanel {
    /** Permits of the lecture's connection pool, shown before the first run. */
    private static final int PERMITS = 3;

    @Override
    Primitive primitive() {
        return Primitive.SEMAPHORE;
    }

    @Override
    SyncState empty(ScenarioSpec spec) {
        return new SemaphoreState(PERMITS, true, PERMITS, List.of(), List.of(), 0, false, 0);
    }

    @Override
    void draw(Rows rows, SyncState state, PrimitiveFigures figures, ScenarioSpec spec) {
        SemaphoreState s = (SemaphoreState) state;
        SemaphoreFigures f = (SemaphoreFigures) figures;
        int used = rows.ended() ? 0 : s.initial() - s.available(); // an ended run's permits are gone
        rows.bar("permits", used, s.initial(), rows.format("sync.v.permits", used, s.initial()), false);
        rows.people("holders", s.holders());
        rows.people("waiters", s.waiters());
        long most = f.mostInside();
        rows.line("inside", rows.format("sync.v.inside", f.inside(), most, s.initial()), true,
                most > s.initial());
        rows.line("acquired", rows.format("sync.v.times", s.acquisitions()));
        rows.abandoned(s.abandoned(), s.takeovers());
        long uses = f.uses();
        long all = spec.workers() * spec.size();
        rows.bar("uses", uses, all, rows.format("sync.v.of", uses, all), false);
    }
}
