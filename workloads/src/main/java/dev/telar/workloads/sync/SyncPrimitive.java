package dev.telar.workloads.sync;

/**
 * What every primitive offers besides its own operations: a name, a live state for the panels, and
 * closing. Closing a process primitive unmaps its shared file in this JVM (the file stays for the
 * other processes); closing a thread primitive does nothing. Using a primitive after closing it is
 * an error.
 *
 * <p>Every primitive behaves as its Python counterpart in {@code threading} does under CPython's
 * own tests ({@code Lib/test/lock_tests.py}, ported in the contract tests of both families), except
 * where Telar chose otherwise on purpose:
 * <ul>
 *   <li>only the holder may release a Lock (Python lets any thread release it);</li>
 *   <li>a negative timeout means "do not wait" (Python raises ValueError); a timeout beyond
 *       {@link Waits#MAX_NANOS} (about 146 years) is cut to it;</li>
 *   <li>there are no default arguments: a Semaphore always gets its value and a Condition its
 *       lock (Python defaults to 1 and to a new RLock);</li>
 *   <li>Python's exceptions map to Java's: RuntimeError on a lock not held to
 *       {@link IllegalMonitorStateException}, ValueError on a bounded over-release to
 *       {@link IllegalStateException}, BrokenBarrierError to {@link BarrierBrokenException}.</li>
 * </ul>
 *
 * @param <S> its state type
 */
public interface SyncPrimitive<S extends SyncState> extends AutoCloseable {
    /** The name it was created with (a file name for process primitives). */
    String name();

    /** Threads, processes or remote. */
    Mode mode();

    /** A snapshot of its state; never blocks its users. Thread-safe. */
    S state();

    @Override
    void close();
}
