package dev.telar.workloads.lab;

/** The kinds of job the lab runs; at most one job of any kind runs at a time. */
public enum JobKind {
    /** One experiment run, with its baseline when asked. */
    EXPERIMENT,
    /** A sweep of one experiment over the standard worker counts. */
    SWEEP,
    /** The exchange comparison: per mechanism, 1 process then P processes. */
    EXCHANGE,
    /** The race demo: a shared value without and then with its lock. */
    RACE,
    /** One sync scenario, in threads or in processes. */
    SCENARIO
}
