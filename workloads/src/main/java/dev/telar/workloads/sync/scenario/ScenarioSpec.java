package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.process.ProcessSync;
import java.util.Objects;

/**
 * What to run.
 *
 * @param primitive   which scenario
 * @param mode        workers as threads of this JVM or as child JVMs
 * @param slowdown    0 runs at full speed; 1 is the lecture pace (steps of a few hundred
 *                    milliseconds that an audience can follow); values in between or above scale
 *                    every pause of the scenario
 * @param workers     number of workers, 0 for the scenario's default
 * @param size        the scenario's amount of work (numbers per worker, rounds, items...), 0 for its default
 * @param lockEnabled Lock scenario only: whether workers take the lock around their update (the
 *                    running scenario can toggle it)
 */
public record ScenarioSpec(Primitive primitive, Mode mode, double slowdown, int workers, long size,
                           boolean lockEnabled) {
    /**
     * Most workers a run takes, in either mode: 64, or fewer if the process primitives had less
     * room. A process run opens every primitive in each worker's JVM and in the runner's, so the
     * workers plus the runner must fit the primitives' {@link ProcessSync#SLOTS}; a number the
     * primitives could not hold is refused here, before anything starts.
     */
    public static final int MAX_WORKERS = Math.min(64, ProcessSync.SLOTS - 1);

    public ScenarioSpec {
        Objects.requireNonNull(primitive, "primitive");
        Objects.requireNonNull(mode, "mode");
        if (!(slowdown >= 0) || slowdown > 1000) {
            throw new ProblemException(Problem.of(ProblemCode.SCENARIO_SLOWDOWN, slowdown));
        }
        if (workers < 0 || workers > MAX_WORKERS) {
            throw new ProblemException(Problem.of(ProblemCode.SCENARIO_WORKERS, MAX_WORKERS, workers));
        }
        if (size < 0) {
            throw new ProblemException(Problem.of(ProblemCode.SCENARIO_SIZE, size));
        }
    }

    /** The scenario's defaults, at full speed, lock on. */
    public static ScenarioSpec of(Primitive primitive, Mode mode) {
        return new ScenarioSpec(primitive, mode, 0, 0, 0, true);
    }

    public ScenarioSpec withSlowdown(double s) {
        return new ScenarioSpec(primitive, mode, s, workers, size, lockEnabled);
    }

    public ScenarioSpec withWorkers(int n) {
        return new ScenarioSpec(primitive, mode, slowdown, n, size, lockEnabled);
    }

    public ScenarioSpec withSize(long n) {
        return new ScenarioSpec(primitive, mode, slowdown, workers, n, lockEnabled);
    }

    public ScenarioSpec withLock(boolean on) {
        return new ScenarioSpec(primitive, mode, slowdown, workers, size, on);
    }
}
