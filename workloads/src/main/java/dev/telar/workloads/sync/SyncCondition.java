package dev.telar.workloads.sync;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The lecture's Condition: a lock plus waiting until another participant signals that shared state
 * changed. Every method requires the caller to hold {@link #lock()}. A waiter releases the lock
 * fully while it waits (all levels of an RLock) and holds it again, at the same level, when await
 * returns or throws. Waiters are woken in arrival order; a signal reaches only waiters present at
 * the time of the signal and is never lost to one that timed out. Thread-safe.
 */
public interface SyncCondition extends SyncPrimitive<ConditionState> {
    /** The lock the condition is bound to. */
    SyncLock lock();

    /**
     * Python's {@code wait()}: releases the lock, waits for a signal, re-acquires the lock.
     *
     * @throws IllegalMonitorStateException when the caller does not hold the lock
     * @throws InterruptedException         when interrupted while waiting (the lock is held again)
     */
    void await() throws InterruptedException;

    /**
     * Python's {@code wait(timeout)}.
     *
     * @return true when signalled, false when the timeout passed first
     */
    boolean await(Duration timeout) throws InterruptedException;

    /**
     * Python's {@code notify(n)}: wakes the {@code n} longest waiters (fewer if fewer wait).
     *
     * @return how many waiters were woken
     * @throws IllegalMonitorStateException when the caller does not hold the lock
     */
    int signal(int n);

    /** Python's {@code notify()}: wakes the longest waiter, if any. */
    default int signal() {
        return signal(1);
    }

    /** Python's {@code notify_all()}. */
    default int signalAll() {
        return signal(Integer.MAX_VALUE);
    }

    /**
     * Python's {@code wait_for(predicate, timeout)}: checks the predicate and waits until it holds,
     * re-checking after every wake-up.
     *
     * @param timeout at most this long in total; null waits as long as it takes
     * @return the predicate's last value (false when the timeout passed first)
     */
    default boolean awaitFor(BooleanSupplier predicate, Duration timeout) throws InterruptedException {
        boolean result = predicate.getAsBoolean();
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        while (!result) {
            if (timeout == null) {
                await();
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                await(Duration.ofNanos(left));
            }
            result = predicate.getAsBoolean();
        }
        return result;
    }
}
