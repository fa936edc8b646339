package dev.telar.workloads.sync.scenario;

/** The scenario of each primitive. */
public final class Scenarios {
    private Scenarios() {
    }

    static SyncScenario of(Primitive p) {
        return switch (p) {
            case LOCK -> new LockScenario();
            case RLOCK -> new RLockScenario();
            case SEMAPHORE -> new SemaphoreScenario();
            case CONDITION -> new ConditionScenario();
            case EVENT -> new EventScenario();
            case BARRIER -> new BarrierScenario();
        };
    }

    /** Workers of {@code p}'s scenario when none are given. */
    public static int defaultWorkers(Primitive p) {
        return of(p).defaultWorkers();
    }

    /** Amount of work of {@code p}'s scenario when none is given, at the given slowdown. */
    public static long defaultSize(Primitive p, double slowdown) {
        return of(p).defaultSize(slowdown);
    }
}
