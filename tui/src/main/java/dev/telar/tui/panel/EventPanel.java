package dev.telar.tui.panel;

import dev.telar.workloads.sync.EventState;
import dev.telar.workloads.sync.SyncState;
import dev.telar.workloads.sync.scenario.EventFigures;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.PrimitiveFigures;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import java.util.List;

/**
 * The Event: its flag (set: waiters pass; clear: they block), who waits, how often it was set;
 * and the start-signal scenario's cycles: workers ready, passed, phases done, early passes.
 */
public final class EventPanel extends PrimitivePanel {
    @Override
    Primitive primitive() {
        return Primitive.EVENT;
    }

    @Override
    SyncState empty(ScenarioSpec spec) {
        return new EventState(false, List.of(), 0);
    }

    @Override
    void draw(Rows rows, SyncState state, PrimitiveFigures figures, ScenarioSpec spec) {
        EventState e = (EventState) state;
        EventFigures f = (EventFigures) figures;
        rows.line("flag", rows.texts().get(e.flag() ? "sync.v.set" : "sync.v.clear"), true, false);
        rows.people("waiters", e.waiters());
        rows.bar("signals", e.sets(), spec.size(), rows.format("sync.v.of", e.sets(), spec.size()), false);
        long early = f.violations();
        rows.line("passes", rows.format("sync.v.passes", f.passes(), f.ready(), early), false, early > 0);
        long done = f.phasesDone();
        long all = spec.workers() * spec.size();
        rows.bar("phases", done, all, rows.format("sync.v.of", done, all), false);
    }
}
