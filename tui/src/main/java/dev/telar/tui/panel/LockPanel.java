package dev.telar.tui.panel;

import dev.telar.workloads.sync.LockState;
import dev.telar.workloads.sync.SyncState;
import dev.telar.workloads.sync.scenario.LockFigures;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.PrimitiveFigures;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import java.util.List;
import java.util.Optional;

/**
 * The Lock: who holds it, who waits, how often it was taken, whether it was taken over from a
 * dead holder; and the lecture's sum: the lock switch, the shared total against the expected one
 * (lost updates when the lock is off) and how many numbers the workers have summed.
 */
public final class LockPanel extends PrimitivePanel {
    @Override
    Primitive primitive() {
        return Primitive.LOCK;
    }

    @Override
    SyncState empty(ScenarioSpec spec) {
        return new LockState(false, Optional.empty(), 0, List.of(), 0, false, 0);
    }

    @Override
    PrimitiveFigures none(ScenarioSpec spec) {
        return new LockFigures(spec.lockEnabled(), 0, 0, 0, 0, List.of());
    }

    @Override
    void draw(Rows rows, SyncState state, PrimitiveFigures figures, ScenarioSpec spec) {
        LockState lock = (LockState) state;
        LockFigures f = (LockFigures) figures;
        rows.holder("holder", lock.holder(), lock.locked());
        rows.people("waiters", lock.waiters());
        rows.line("acquired", rows.format("sync.v.times", lock.acquisitions()));
        rows.abandoned(lock.abandoned(), lock.takeovers());
        boolean on = f.lockOn();
        rows.line("lock", rows.texts().get(on ? "sync.v.lock.on" : "sync.v.lock.off"), true, !on);
        long total = f.total();
        long expected = f.expected();
        rows.line("total", number(total), true, false);
        long lost = f.lostUpdates();
        if (rows.partial()) {
            // A run that goes on (or stopped early) has a count so far, not a shortfall.
            rows.line("expected", rows.format("sync.v.expected.sofar", expected, f.updates()));
        } else {
            rows.line("expected", total == expected
                    ? rows.format("sync.v.expected.equal", expected)
                    : rows.format("sync.v.expected.lost", expected, expected - total, lost), false, total != expected);
        }
        long summed = f.summed();
        long all = spec.workers() * spec.size();
        rows.bar("summed", summed, all, rows.format("sync.v.of", summed, all), false);
    }
}
