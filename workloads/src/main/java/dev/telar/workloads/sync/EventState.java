package dev.telar.workloads.sync;

import java.util.List;

/**
 * Snapshot of an Event.
 *
 * @param flag    the internal flag (Python's is_set())
 * @param waiters who is blocked in await
 * @param sets    how many times the flag went from clear to set
 */
public record EventState(boolean flag, List<Participant> waiters, long sets) implements SyncState {
    public EventState {
        waiters = List.copyOf(waiters);
    }
}
