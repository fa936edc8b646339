package dev.telar.workloads.shared;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * A queue of {@code long} items that any number of processes put into and take from: the
 * lecture's Queue, and the Manager's queue.
 *
 * <p><b>Guarantees.</b> Every item whose {@link #put} returned is taken exactly once, by one
 * taker: none is lost while the takers live, none is taken twice (a taker that dies, or whose
 * connection drops, inside a take may take that one item with it; each implementation says how
 * that is told). Order: each putter's items come out in the order it put them; across putters
 * an implementation may say more (the remote queue is FIFO for all), code written against this
 * interface must not count on it. {@link #take} waits at most the time given, then returns
 * empty; it never waits longer than that plus one round of the implementation's look
 * (milliseconds). A manager out of reach, an outcome unknown
 * after a dropped connection, or the queue's end as its implementation defines it is an {@link
 * IllegalStateException} saying so; other failures are unchecked exceptions saying what happened.
 *
 * <p>Implementations are thread-safe (the local adapter runs one put and one take at a time per
 * instance).
 */
public interface ItemQueue {
    /** Puts {@code item}; may wait while the queue is full (implementations that bound it say so). */
    void put(long item);

    /** Takes the next item, waiting at most {@code timeout}; empty when none came in time. */
    OptionalLong take(Duration timeout);
}
