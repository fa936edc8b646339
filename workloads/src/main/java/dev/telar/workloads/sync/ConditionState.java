package dev.telar.workloads.sync;

import java.util.List;

/**
 * Snapshot of a Condition.
 *
 * @param lock        its lock
 * @param waiters     who waits to be signalled, oldest first
 * @param signalCalls how many times signal/signalAll (Python's notify/notify_all) were called
 * @param woken       how many waiters those calls woke in total (the notify count)
 */
public record ConditionState(LockState lock, List<Participant> waiters, long signalCalls, long woken)
        implements SyncState {
    public ConditionState {
        waiters = List.copyOf(waiters);
    }
}
