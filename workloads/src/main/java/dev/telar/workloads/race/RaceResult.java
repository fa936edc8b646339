package dev.telar.workloads.race;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.run.RunResult;

/**
 * The outcome of the race demo.
 *
 * @param processes       processes that incremented
 * @param increments      increments per process and phase
 * @param status          completed or failed (a child died: the problem says which and how)
 * @param problem         why it failed or was cancelled; {@link Problem#NONE} when completed
 * @param expected        processes × increments: what each phase's total should be
 * @param unlockedTotal   the total reached without the lock
 * @param lockedTotal     the total reached with the lock (equal to expected when it works)
 * @param unlockedSeconds duration of the phase without the lock
 * @param lockedSeconds   duration of the phase with the lock
 */
public record RaceResult(int processes, long increments, RunResult.Status status, Problem problem, long expected,
                         long unlockedTotal, long lockedTotal, double unlockedSeconds, double lockedSeconds) {
    /** Increments overwritten by another process without the lock. */
    public long lostUpdates() {
        return expected - unlockedTotal;
    }

    /** Increments lost with the lock (0 unless something is broken). */
    public long lostWithLock() {
        return expected - lockedTotal;
    }
}
