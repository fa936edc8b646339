package dev.telar.workloads.exchange;

/**
 * When the parent of an exchange comparison computes the sequential sum that the runs' totals are
 * checked against ({@link ExchangeSpec#sequentialSum}, well under a second for the lecture's 320M
 * draws).
 */
public enum TotalCheck {
    /**
     * After each completed run, so the check never competes with the children for the cores; a
     * failed or cancelled run is not checked. The dashboard's way.
     */
    AFTER_RUN,
    /**
     * Once before the first run, timed, and reported as {@link ExchangeEvent.SequentialMeasured}:
     * the sequential baseline that {@code telar run exchange --baseline} compares against. Completed
     * runs are checked against it afterwards at no extra cost.
     */
    BASELINE_FIRST,
    /** Never: runs report their totals unchecked. */
    NONE
}
