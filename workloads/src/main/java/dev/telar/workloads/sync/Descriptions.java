package dev.telar.workloads.sync;

import java.time.Duration;

/**
 * How both families describe a named primitive with its parameters ({@code Semaphore(3)},
 * {@code Barrier(4, timeout 2000 ms)}, ...), and the error for a name asked again with another
 * kind or other parameters, so that the two families refuse the same requests in the same words.
 */
public final class Descriptions {
    private Descriptions() {
    }

    public static String lock() {
        return "Lock";
    }

    public static String rlock() {
        return "RLock";
    }

    public static String event() {
        return "Event";
    }

    public static String semaphore(int value, boolean bounded) {
        return (bounded ? "BoundedSemaphore(" : "Semaphore(") + value + ")";
    }

    /** A Condition over {@code lock}, named by the lock's kind and name. */
    public static String condition(SyncLock lock) {
        return "Condition(" + (lock.isReentrant() ? rlock() : lock()) + " " + lock.name() + ")";
    }

    /** @param timeout the default timeout, null for none (the action is not part of it: each process passes its own) */
    public static String barrier(int parties, Duration timeout) {
        return "Barrier(" + parties + (timeout == null ? "" : ", timeout " + Waits.nanos(timeout) / 1_000_000 + " ms") + ")";
    }

    /** As {@link #barrier(int, Duration)} with the timeout in nanoseconds, -1 for none. */
    public static String barrier(int parties, long timeoutNanos) {
        return barrier(parties, timeoutNanos < 0 ? null : Duration.ofNanos(timeoutNanos));
    }

    public static String counters(int size) {
        return "Counters(" + size + ")";
    }

    /** The error for asking name {@code name}, which is {@code existing}, as {@code asked}. */
    public static IllegalArgumentException taken(String name, String existing, String asked) {
        return new IllegalArgumentException("'" + name + "' is already " + article(existing) + " " + existing + ", not "
                + article(asked) + " " + asked);
    }

    /** "an Event", "an RLock", "a Lock". */
    private static String article(String description) {
        return description.startsWith("E") || description.startsWith("RLock") ? "an" : "a";
    }
}
