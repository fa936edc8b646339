package dev.telar.workloads.sync.scenario;

/** Where a scenario run is. */
public enum ScenarioStatus {
    STARTING, RUNNING, COMPLETED, CANCELLED, FAILED;

    /** True once the run has ended, one way or another. */
    public boolean ended() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }
}
