package dev.telar.workloads.sync;

/**
 * What every primitive offers besides its own operations: a name, a live state for the panels, and
 * closing. Closing a process primitive unmaps its shared file in this JVM (the file stays for the
 * other processes); closing a thread primitive does nothing. Using a primitive after closing it is
 * an error.
 *
 * @param <S> its state type
 */
public interface SyncPrimitive<S extends SyncState> extends AutoCloseable {
    /** The name it was created with (a file name for process primitives). */
    String name();

    /** Threads or processes. */
    Mode mode();

    /** A snapshot of its state; never blocks its users. Thread-safe. */
    S state();

    @Override
    void close();
}
