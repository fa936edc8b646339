package dev.telar.workloads.sync;

import java.util.List;

/**
 * Snapshot of a Semaphore.
 *
 * @param initial      the value it was created with (the upper bound of a bounded one)
 * @param bounded      true for a BoundedSemaphore, whose release beyond {@code initial} is an error
 * @param available    permits free now (Python's internal counter)
 * @param holders      who holds permits, one entry per permit held
 * @param waiters      who is blocked in acquire
 * @param acquisitions successful acquisitions since creation
 * @param abandoned    true when a permit was taken over from a holder process that died and no
 *                     one has declared the protected data consistent since
 * @param takeovers    how many permits were taken over from dead holders
 */
public record SemaphoreState(int initial, boolean bounded, int available, List<Participant> holders,
                             List<Participant> waiters, long acquisitions, boolean abandoned, long takeovers)
        implements SyncState {
    public SemaphoreState {
        holders = List.copyOf(holders);
        waiters = List.copyOf(waiters);
    }
}
