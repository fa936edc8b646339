package dev.telar.workloads.shm;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;

/**
 * The acquire loop of every shared structure that is taken and given back ({@link ProcessMutex},
 * the process semaphore): one attempt to take, a look at dead holders when one is due, then
 * (unless told not to wait) a woken {@link Backoff} on the structure's {@link WakeWord}, trying
 * again after each wake-up until the deadline. The structure supplies what "take" and "take over
 * from a dead holder" mean for its own words.
 *
 * <p>Dead holders are looked for at most once per {@code deadHolderCheck} per acquirer (one per
 * structure per JVM), by any attempt that fails, a non-blocking one too: a poller that keeps
 * trying recovers from a dead holder as a waiter does. The period bounds what the looks at
 * {@code /proc} cost while a structure stays contended. Thread-safe.
 */
public final class Acquirer {
    /** A deadline that never passes. */
    private static final long NONE = Long.MAX_VALUE;

    private final MappedFile region;
    private final WakeWord wake;
    private final WaiterList waiters;
    private final Ownership owners;
    private final long checkPeriodNanos;
    /** One try to take it for an owner word; reads before it compare-and-swaps. */
    private final LongPredicate tryTake;
    /** Takes it over from a dead holder, when there is one. */
    private final LongPredicate takeOverFromDead;
    /** A cheap look whether trying again is worth it, so a sleeper stops early. */
    private final BooleanSupplier looksAvailable;
    private final SpinBudget spin = new SpinBudget();
    /** When this JVM may next look whether holders are alive; racy on purpose. */
    private volatile long nextLivenessCheck = System.nanoTime();

    /**
     * @param waiters where waiters list themselves while they sleep; null for none
     * @param owners  whose words {@code tryTake} and {@code takeOverFromDead} are called with
     */
    public Acquirer(MappedFile region, WakeWord wake, WaiterList waiters, Ownership owners, Duration deadHolderCheck,
                    LongPredicate tryTake, LongPredicate takeOverFromDead, BooleanSupplier looksAvailable) {
        this.region = region;
        this.wake = wake;
        this.waiters = waiters;
        this.owners = owners;
        this.checkPeriodNanos = deadHolderCheck.toNanos();
        this.tryTake = tryTake;
        this.takeOverFromDead = takeOverFromDead;
        this.looksAvailable = looksAvailable;
    }

    /** One attempt (taking over from a dead holder when a look is due); never waits. */
    public boolean tryNow() {
        try {
            return acquire(0);
        } catch (InterruptedException e) {
            throw new AssertionError("a non-blocking acquire does not wait", e);
        }
    }

    /**
     * Takes it, waiting at most {@code timeoutNanos}.
     *
     * @param timeoutNanos -1 to wait as long as it takes, 0 not to wait
     * @return false when the timeout passed first
     * @throws InterruptedException when the thread is interrupted while it waits
     * @throws IllegalStateException after the region was closed
     */
    public boolean acquire(long timeoutNanos) throws InterruptedException {
        region.ensureOpen();
        long me = owners.current();
        if (attempt(me)) {
            return true;
        }
        if (timeoutNanos == 0) {
            return false;
        }
        // at most about 146 years, so that the deadline never overflows
        long deadline = timeoutNanos < 0 ? NONE : System.nanoTime() + Math.min(timeoutNanos, Long.MAX_VALUE / 2);
        Backoff backoff = Backoff.woken(wake, spin, waiters, me);
        try {
            while (true) {
                backoff.pause(deadline, looksAvailable);
                if (attempt(me)) {
                    return true;
                }
                if (deadline != NONE && System.nanoTime() - deadline >= 0) {
                    return false;
                }
            }
        } finally {
            backoff.end();
        }
    }

    private boolean attempt(long me) {
        return tryTake.test(me) || deadHolderCheckDue() && takeOverFromDead.test(me);
    }

    /** True at most once per check period per acquirer: how often this JVM reads holders' {@code /proc} entries. */
    private boolean deadHolderCheckDue() {
        long now = System.nanoTime();
        if (now - nextLivenessCheck < 0) {
            return false;
        }
        nextLivenessCheck = now + checkPeriodNanos;
        return true;
    }
}
