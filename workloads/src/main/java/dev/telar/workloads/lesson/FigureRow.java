package dev.telar.workloads.lesson;

/**
 * One line of a step's table: what was run, its figure here and the lecture's for the same thing.
 *
 * @param label   what the line is (worded by the tui)
 * @param count   the workers, threads or processes of the line (0 when the label has none)
 * @param name    a mechanism's or primitive's command-line name, else empty
 * @param here    measured on this machine (NaN when the run failed)
 * @param lecture the lecture's figure (NaN when it has none)
 */
public record FigureRow(Label label, int count, String name, Figure here, Figure lecture) {
    /** What a line shows. */
    public enum Label {
        /** {@code count} threads of one process computing. */
        THREADS,
        /** {@code count} threads under the emulated global interpreter lock. */
        GIL_THREADS,
        /** {@code count} interpreters, one lock each. */
        INTERPRETERS,
        /** {@code count} virtual threads. */
        VIRTUAL_THREADS,
        /** {@code count} child processes. */
        PROCESSES,
        /** A pool of {@code count} processes. */
        POOL_PROCESSES,
        /**
         * The emulated lock's proof: the most workers ever computing at once (1 when the lock held),
         * for a run of {@code count} workers.
         */
        MOST_COMPUTING,
        /** The time to start {@code count} child JVMs, not part of the compute time. */
        START_UP,
        /** CPU time over wall time of the run with {@code count} threads. */
        CORES_BUSY,
        /** A matrix product allowed {@code count} threads. */
        KERNEL_THREADS,
        /** Mechanism {@code name} with {@code count} processes. */
        MECHANISM,
        /** Updates lost by {@code count} processes without the lock. */
        LOST_UNLOCKED,
        /** Updates lost by {@code count} processes with the lock. */
        LOST_LOCKED,
        /** Updates the {@code count} workers made in each phase. */
        UPDATES,
        /** Sync scenarios: times a rule of the primitive was broken (none is right). */
        VIOLATIONS,
        /** RLock: the most times one of {@code count} workers held the lock at once. */
        HOLD_DEPTH,
        /** Semaphore: its permits. */
        PERMITS,
        /** Semaphore: the most of {@code count} workers inside at once. */
        MOST_INSIDE,
        /** Condition: the buffer's capacity. */
        CAPACITY,
        /** Condition: the most items the buffer held. */
        FULLEST,
        /** Condition: items produced and consumed. */
        ITEMS,
        /** Event: signals given. */
        SIGNALS,
        /** Event: workers' passes of a signal. */
        PASSES,
        /** Barrier: rounds every one of {@code count} workers reached. */
        ROUNDS,
        /** Seconds the scenario took. */
        SCENARIO_SECONDS
    }

    /** A line without a name. */
    public static FigureRow of(Label label, int count, Figure here, Figure lecture) {
        return new FigureRow(label, count, "", here, lecture);
    }
}
