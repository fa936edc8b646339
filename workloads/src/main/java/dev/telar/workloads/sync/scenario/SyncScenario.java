package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import dev.telar.workloads.sync.SyncPrimitive;

/**
 * One lecture scenario. The same code runs in the runner's JVM (prepare, coordinate, state,
 * outcome) and in every worker, whether the worker is a thread or a child JVM: workers reach the
 * shared primitives and counters by name through {@link ScenarioContext#family()}. Implementations
 * are stateless (every JVM builds its own instance).
 */
public interface SyncScenario {
    Primitive primitive();

    /** Workers when the spec says 0. */
    int defaultWorkers();

    /** Amount of work when the spec says 0. */
    long defaultSize(double slowdown);

    /** Checks the worker count; throws IllegalArgumentException with a clear message when unsuitable. */
    default void checkWorkers(int workers) {
        if (workers < 1) {
            throw new ProblemException(Problem.of(ProblemCode.SCENARIO_NO_WORKER, primitive().label()));
        }
    }

    /** In the runner, before any worker starts: creates the primitives and counters. */
    void prepare(ScenarioContext ctx);

    /** One worker's part; {@code worker} counts from 0. */
    void work(ScenarioContext ctx, int worker) throws Exception;

    /** The runner's own part while the workers run (e.g. the Event scenario's set/clear); default none. */
    default void coordinate(ScenarioContext ctx) throws Exception {
    }

    /** Called in the runner when the run is cancelled, to free workers blocked in the primitive (e.g. abort a barrier). */
    default void onCancel(ScenarioContext ctx) {
    }

    /** The primitive the panel shows. */
    SyncPrimitive<?> primitive(ScenarioContext ctx);

    /** The scenario's figures now (read from the shared counters; a run's last ones are its results). */
    PrimitiveFigures figures(ScenarioContext ctx);

    /** The verdict once every worker has finished. */
    Verdict verdict(ScenarioContext ctx);

    /** Whether the run did what the scenario shows, and one line saying so. */
    record Verdict(boolean correct, String summary) {
    }
}
