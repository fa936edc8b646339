package dev.telar.workloads.lesson;

/** The panels a step wants its audience to look at (the tui highlights them). */
public enum Watch {
    /** Per-core load. */
    CORES,
    /** The experiment's worker threads and the core each last ran on. */
    WORKERS,
    /** The child processes a run started. */
    PROCESSES,
    /** The exchange's mechanisms and their children. */
    EXCHANGE,
    /** The race demo's two totals. */
    RACE,
    /** The sync primitive's live state. */
    SYNC
}
