package dev.telar.tui.view;

import dev.telar.workloads.run.ExperimentRunner;
import dev.telar.workloads.run.RunSpec;

/**
 * What the dashboard may ask of the experiment runner. Called from the UI thread only, in answer
 * to a key stroke; results come back as events through the event loop's queue, never through
 * these calls.
 */
public interface ExperimentControl {
    /** Starts a run, its sequential baseline first when {@code baseline} is set. */
    void submit(RunSpec spec, boolean baseline);

    /** Starts a sweep of the spec's kernel and model over the standard worker counts. */
    void submitSweep(RunSpec spec);

    /** Cancels the run in progress, if any; the runner reports the cancelled run as usual. */
    void cancel();

    /** Ignores every request: for drawing the dashboard where no experiment may run. */
    ExperimentControl NONE = new ExperimentControl() {
        @Override
        public void submit(RunSpec spec, boolean baseline) {
        }

        @Override
        public void submitSweep(RunSpec spec) {
        }

        @Override
        public void cancel() {
        }
    };

    /** Steers a real {@link ExperimentRunner}. */
    static ExperimentControl of(ExperimentRunner runner) {
        return new ExperimentControl() {
            @Override
            public void submit(RunSpec spec, boolean baseline) {
                runner.submit(spec, baseline);
            }

            @Override
            public void submitSweep(RunSpec spec) {
                runner.submitSweep(spec);
            }

            @Override
            public void cancel() {
                runner.cancel();
            }
        };
    }
}
