package dev.telar.tui.panel;

import dev.telar.workloads.sync.LockState;
import dev.telar.workloads.sync.SyncState;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.PrimitiveFigures;
import dev.telar.workloads.sync.scenario.RLockFigures;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import java.util.List;
import java.util.Optional;

/**
 * The RLock: its holder and hold count (2 while a transfer is inside debit or credit, which take
 * it again), waiters, acquisitions, takeovers; and the two accounts, whose sum never changes.
 */
public final class RLockPanel extends PrimitivePanel {
    @Override
    Primitive primitive() {
        return Primitive.RLOCK;
    }

    @Override
    SyncState empty(ScenarioSpec spec) {
        return new LockState(true, Optional.empty(), 0, List.of(), 0, false, 0);
    }

    @Override
    void draw(Rows rows, SyncState state, PrimitiveFigures figures, ScenarioSpec spec) {
        LockState lock = (LockState) state;
        RLockFigures f = (RLockFigures) figures;
        rows.holder("holder", lock.holder(), lock.locked());
        rows.bar("holdcount", lock.holdCount(), 2,
                rows.format("sync.v.holdcount", lock.holdCount(), f.deepestHoldCount()), false);
        rows.people("waiters", lock.waiters());
        rows.line("acquired", rows.format("sync.v.times", lock.acquisitions()));
        rows.abandoned(lock.abandoned(), lock.takeovers());
        long a = f.accountA();
        long b = f.accountB();
        rows.line("accounts", rows.format("sync.v.accounts", a, b, a + b), true, f.violations() > 0);
        long transfers = f.transfers();
        long all = spec.workers() * spec.size();
        rows.bar("transfers", transfers, all, rows.format("sync.v.of", transfers, all), false);
    }
}
