package dev.telar.workloads.sync.scenario;

import java.util.concurrent.locks.LockSupport;

/**
 * A scenario's pauses, scaled by the slowdown: a pause of nominal length {@code ms} (its length at
 * lecture pace) lasts {@code ms * slowdown} milliseconds, and nothing at full speed. Immutable.
 */
public record Pace(double slowdown) {
    /** True when every pause is skipped. */
    public boolean fullSpeed() {
        return slowdown == 0;
    }

    /**
     * Pauses for {@code nominalMillis} scaled.
     *
     * @throws InterruptedException when interrupted (a cancelled thread run)
     */
    public void pause(double nominalMillis) throws InterruptedException {
        long nanos = (long) (nominalMillis * slowdown * 1_000_000);
        if (nanos <= 0) {
            return;
        }
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                throw new InterruptedException("cancelled");
            }
        }
    }
}
