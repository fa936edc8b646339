package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.remote.ManagerTarget;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts lecture scenarios. Threads run inside this JVM; processes are child JVMs that open the
 * run's primitives from a fresh owner-only run directory, removed when the run ends.
 *
 * <pre>{@code
 * RunningScenario run = SyncScenarioRunner.start(ScenarioSpec.of(Primitive.SEMAPHORE, Mode.PROCESSES).withSlowdown(1));
 * while (!run.isDone()) { panel.draw(run.snapshot()); Thread.sleep(200); }
 * ScenarioOutcome outcome = run.await();
 * }</pre>
 */
public final class SyncScenarioRunner {
    /** Events kept for the snapshot. */
    public static final int KEPT_EVENTS = 50;

    private SyncScenarioRunner() {
    }

    /** Starts {@code spec}; process runs go under the default run-directory parent. */
    public static RunningScenario start(ScenarioSpec spec) {
        return start(spec, RunDirectory.defaultParent(System.getenv()));
    }

    /**
     * Starts {@code spec} and returns at once.
     *
     * @param runParent where a process run creates its run directory
     * @throws IllegalArgumentException when the spec does not suit the scenario (e.g. an odd number
     *                                  of workers for the Condition scenario)
     */
    public static RunningScenario start(ScenarioSpec spec, Path runParent) {
        return start(spec, runParent, Optional.empty());
    }

    /**
     * Starts {@code spec} and returns at once.
     *
     * @param runParent where a process run creates its run directory
     * @param manager   where a remote run's workers meet; empty for threads and processes
     * @throws IllegalArgumentException when the spec does not suit the scenario, or a remote run has no manager
     */
    public static RunningScenario start(ScenarioSpec spec, Path runParent, Optional<ManagerTarget> manager) {
        SyncScenario scenario = Scenarios.of(spec.primitive());
        int workers = spec.workers() == 0 ? scenario.defaultWorkers() : spec.workers();
        long size = spec.size() == 0 ? scenario.defaultSize(spec.slowdown()) : spec.size();
        scenario.checkWorkers(workers);
        RunningScenario run = new RunningScenario(spec, scenario, workers, size, runParent, manager);
        run.begin();
        return run;
    }
}
