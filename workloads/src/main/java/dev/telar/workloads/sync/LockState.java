package dev.telar.workloads.sync;

import java.util.List;
import java.util.Optional;

/**
 * Snapshot of a Lock or RLock.
 *
 * @param reentrant    true for an RLock
 * @param holder       who holds it, empty when free
 * @param holdCount    how many times the holder acquired it without releasing (0 when free, 1 for a Lock)
 * @param waiters      who is blocked in acquire (a process waiter shows up after its first
 *                     microseconds of spinning)
 * @param acquisitions successful acquisitions since creation (each reentry counts)
 * @param abandoned    true when the lock was taken over from a holder process that died and the
 *                     new holder has not yet declared the protected data consistent
 * @param takeovers    how many times the lock was taken over from a dead holder
 */
public record LockState(boolean reentrant, Optional<Participant> holder, int holdCount, List<Participant> waiters,
                        long acquisitions, boolean abandoned, long takeovers) implements SyncState {
    public LockState {
        waiters = List.copyOf(waiters);
    }

    /** True while someone holds the lock. */
    public boolean locked() {
        return holder.isPresent();
    }
}
