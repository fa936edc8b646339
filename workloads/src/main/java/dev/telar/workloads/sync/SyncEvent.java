package dev.telar.workloads.sync;

import java.time.Duration;

/**
 * The lecture's Event: an internal flag; {@link #set()} wakes every waiter, {@link #clear()} resets
 * it, {@link #await()} blocks until it is set. A waiter present when the flag is set is woken even
 * if the flag is cleared again at once. Thread-safe.
 */
public interface SyncEvent extends SyncPrimitive<EventState> {
    /** Python's {@code set()}. */
    void set();

    /** Python's {@code clear()}. */
    void clear();

    /** Python's {@code is_set()}. */
    boolean isSet();

    /** Python's {@code wait()}: returns at once when the flag is set, else when it gets set. */
    void await() throws InterruptedException;

    /**
     * Python's {@code wait(timeout)}.
     *
     * @return true when the flag was set (now or while waiting), false when the timeout passed first
     */
    boolean await(Duration timeout) throws InterruptedException;
}
