package dev.telar.workloads.sync;

import java.time.Duration;

/**
 * A family of named primitives shared by all participants of one run: asking twice for the same
 * name gives the same primitive (the same object for threads; the same shared file, opened again,
 * for processes). That is how workers find each other's primitives, in threads and in child JVMs
 * alike. A name stands for one primitive: asking for an existing name with another kind or
 * other parameters (a Semaphore's value or boundedness, a Barrier's parties or default timeout, a
 * Condition's lock, the size of Counters) is an {@link IllegalArgumentException} naming both, in
 * the words of {@link Descriptions}; for processes this holds between JVMs too, for the remote
 * family between machines. A Barrier's action
 * is not compared (each process passes its own object).
 * Closing the family closes every primitive it handed out. Thread-safe.
 */
public interface SyncPrimitives extends AutoCloseable {
    /** Threads, processes or remote. */
    Mode mode();

    SyncLock lock(String name);

    SyncRLock rlock(String name);

    /** Python's Semaphore(value). */
    SyncSemaphore semaphore(String name, int value);

    /** Python's BoundedSemaphore(value). */
    SyncSemaphore boundedSemaphore(String name, int value);

    /** Python's Condition(lock): {@code lock} must come from this family. */
    SyncCondition condition(String name, SyncLock lock);

    SyncEvent event(String name);

    /**
     * Python's Barrier(parties, action, timeout).
     *
     * @param action  run by the last party to arrive, before the others go on; null for none. For
     *                processes it is this JVM's own object: each process passes its own.
     * @param timeout default timeout of {@link SyncBarrier#await()}; null for none
     */
    SyncBarrier barrier(String name, int parties, Runnable action, Duration timeout);

    /** A row of {@code size} shared counters, all 0 at creation. */
    SharedCounters counters(String name, int size);

    @Override
    void close();
}
