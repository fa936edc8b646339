package dev.telar.workloads.sync.process;

import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.sync.Waits;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;

/**
 * The acquire loop shared by {@link ProcessLockBase} and {@link ProcessSemaphore}: one attempt to
 * take, a look at dead holders when due, then (unless told not to wait) sleeping on the wake word
 * while listed as a waiter, trying again after each wake-up until the deadline. The primitive
 * supplies what "take" and "take over from the dead" mean for its own slots.
 */
final class Acquirer {
    private final MappedFile region;
    private final SlotTable waiters;
    private final WakeWord wake;
    /** One try to take it for an owner word; reads before it compare-and-swaps. */
    private final LongPredicate tryTake;
    /** Takes it over from a dead holder, when there is one. */
    private final LongPredicate takeOverFromDead;
    /** A cheap look whether trying again is worth it, so a sleeper stops early. */
    private final BooleanSupplier looksAvailable;
    private final SpinBudget spin = new SpinBudget();
    /** When this JVM may next look whether holders are alive; racy on purpose. */
    private volatile long nextLivenessCheck = System.nanoTime();

    Acquirer(MappedFile region, SlotTable waiters, WakeWord wake, LongPredicate tryTake,
             LongPredicate takeOverFromDead, BooleanSupplier looksAvailable) {
        this.region = region;
        this.waiters = waiters;
        this.wake = wake;
        this.tryTake = tryTake;
        this.takeOverFromDead = takeOverFromDead;
        this.looksAvailable = looksAvailable;
    }

    void acquire() throws InterruptedException {
        acquire(-1);
    }

    boolean tryAcquire() {
        try {
            return acquire(0);
        } catch (InterruptedException e) {
            throw new AssertionError("a non-blocking acquire does not wait", e);
        }
    }

    boolean tryAcquire(Duration timeout) throws InterruptedException {
        return acquire(Waits.nanos(timeout));
    }

    /** @param timeoutNanos -1 to wait as long as it takes, 0 not to wait */
    boolean acquire(long timeoutNanos) throws InterruptedException {
        region.ensureOpen();
        long me = Owner.current();
        if (attempt(me)) {
            return true;
        }
        if (timeoutNanos == 0) {
            return false;
        }
        long deadline = Waits.deadline(timeoutNanos);
        WakeBackoff backoff = new WakeBackoff(wake, spin);
        try (WaiterRegistration listed = new WaiterRegistration(waiters, me)) {
            while (true) {
                backoff.pause(deadline, looksAvailable);
                if (attempt(me)) {
                    return true;
                }
                if (Waits.passed(deadline)) {
                    return false;
                }
                listed.update(backoff);
            }
        } finally {
            backoff.end();
        }
    }

    private boolean attempt(long me) {
        return tryTake.test(me) || deadHolderCheckDue() && takeOverFromDead.test(me);
    }

    /**
     * True at most once per {@link ProcessLockBase#CHECK_PERIOD_NANOS} per primitive object: how
     * often this JVM reads the holders' {@code /proc} entries while it cannot get in.
     */
    private boolean deadHolderCheckDue() {
        long now = System.nanoTime();
        if (now - nextLivenessCheck < 0) {
            return false;
        }
        nextLivenessCheck = now + ProcessLockBase.CHECK_PERIOD_NANOS;
        return true;
    }
}
