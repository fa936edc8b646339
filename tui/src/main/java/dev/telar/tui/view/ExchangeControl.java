package dev.telar.tui.view;

import dev.telar.workloads.exchange.ExchangeProgress;
import dev.telar.workloads.exchange.ExchangeRunner;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.race.RaceDemo;
import java.util.List;
import java.util.Optional;

/**
 * What the dashboard may ask of the exchange runner. Jobs are started and cancelled from the UI
 * thread in answer to a key stroke; their events come back through the event loop's queue. The
 * two looks ({@link #progress()}, {@link #raceSample()}) are taken at the refresh tick and return
 * immutable values.
 */
public interface ExchangeControl {
    /** Starts the comparison: per mechanism, 1 process (when {@code withOne}) and then P processes. */
    void submitComparison(List<Mechanism> mechanisms, int processes, long draws, boolean withOne);

    /** Starts the race demo. */
    void submitRace(int processes, long increments);

    /** Cancels the job in progress, if any. */
    void cancel();

    /** The exchange run in progress, if any. */
    Optional<ExchangeProgress> progress();

    /** The race demo's latest sample, if it runs. */
    Optional<RaceDemo.Sample> raceSample();

    /** Ignores every request: for drawing the dashboard where nothing may run. */
    ExchangeControl NONE = new ExchangeControl() {
        @Override
        public void submitComparison(List<Mechanism> mechanisms, int processes, long draws, boolean withOne) {
        }

        @Override
        public void submitRace(int processes, long increments) {
        }

        @Override
        public void cancel() {
        }

        @Override
        public Optional<ExchangeProgress> progress() {
            return Optional.empty();
        }

        @Override
        public Optional<RaceDemo.Sample> raceSample() {
            return Optional.empty();
        }
    };

    /** Steers a real {@link ExchangeRunner}. */
    static ExchangeControl of(ExchangeRunner runner) {
        return new ExchangeControl() {
            @Override
            public void submitComparison(List<Mechanism> mechanisms, int processes, long draws, boolean withOne) {
                runner.submitComparison(mechanisms, processes, draws, withOne);
            }

            @Override
            public void submitRace(int processes, long increments) {
                runner.submitRace(processes, increments);
            }

            @Override
            public void cancel() {
                runner.cancel();
            }

            @Override
            public Optional<ExchangeProgress> progress() {
                return runner.progress();
            }

            @Override
            public Optional<RaceDemo.Sample> raceSample() {
                return runner.raceSample();
            }
        };
    }
}
