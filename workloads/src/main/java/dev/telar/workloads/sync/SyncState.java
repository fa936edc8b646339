package dev.telar.workloads.sync;

/**
 * An immutable snapshot of one primitive, for a panel to draw. Taking one never blocks the
 * primitive's users; fields are read one after another, so under heavy traffic they may come
 * from slightly different instants (a panel at a few frames a second does not mind).
 */
public sealed interface SyncState permits LockState, SemaphoreState, ConditionState, EventState, BarrierState {
}
