package dev.telar.workloads.run;

import java.util.List;

/** What the experiment runner tells its listeners, in order, on its own thread. */
public sealed interface ExperimentEvent {
    /** A run began; its worker threads are named {@code telar-<model>-<n>} (or telar-matmul-, telar-interp). */
    record Started(RunSpec spec) implements ExperimentEvent {
    }

    /**
     * A run started child processes (JVMs) that compute for it; their threads are named
     * {@code telar-proc-<n>} or {@code telar-pool-<n>}. Comes between the run's Started and Finished.
     */
    record Children(List<Long> pids) implements ExperimentEvent {
        public Children {
            pids = List.copyOf(pids);
        }
    }

    /** A run ended (completed, cancelled or failed). */
    record Finished(RunResult result) implements ExperimentEvent {
    }

    /**
     * The runner finished one submitted job (a run with its baseline, or a sweep), however it
     * ended; none of the job's threads compute any more. Always the job's last event.
     */
    record Idle() implements ExperimentEvent {
    }

    /** A sweep ended; {@code results} starts with the baseline. */
    record SweepFinished(List<RunResult> results) implements ExperimentEvent {
        public SweepFinished {
            results = List.copyOf(results);
        }
    }
}
