package dev.telar.workloads.sync;

import java.time.Duration;

/**
 * The lecture's Barrier(parties, action, timeout): each party's {@link #await()} blocks until
 * {@code parties} have arrived; then the last to arrive runs the action and all go on, and the
 * barrier is ready for the next round. A timeout, {@link #abort()}, a failing action or (for
 * processes) a party process that died or (remote) a party whose session ended breaks the barrier: every waiter and every later arrival
 * gets {@link BarrierBrokenException} until {@link #reset()}. Thread-safe.
 */
public interface SyncBarrier extends SyncPrimitive<BarrierState> {
    /**
     * Python's {@code wait()}, with the barrier's default timeout.
     *
     * @return the arrival index, 0 for the first to arrive to {@code parties - 1} for the last
     * @throws BarrierBrokenException when the barrier is or gets broken
     */
    int await() throws InterruptedException;

    /**
     * Python's {@code wait(timeout)}: a timeout breaks the barrier for everyone.
     *
     * @return the arrival index
     * @throws BarrierBrokenException when the barrier is or gets broken, or the timeout passes
     */
    int await(Duration timeout) throws InterruptedException;

    /** Python's {@code abort()}: breaks the barrier; it stays broken until {@link #reset()}. */
    void abort();

    /** Python's {@code reset()}: current waiters get {@link BarrierBrokenException}; then the barrier is empty and whole. */
    void reset();

    /** Python's {@code broken}. */
    boolean isBroken();

    /** Python's {@code parties}. */
    int parties();

    /**
     * Python's {@code n_waiting}: how many wait at the barrier now for it to fill; 0 once the
     * barrier has opened (the parties are leaving) and while it is broken.
     */
    int waiting();
}
