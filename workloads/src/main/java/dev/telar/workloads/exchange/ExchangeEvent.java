package dev.telar.workloads.exchange;

import dev.telar.workloads.race.RaceResult;
/** What the {@link ExchangeRunner} tells its listeners, in order, on its own thread. */
public sealed interface ExchangeEvent {
    /** One exchange run began: its children are being started. */
    record RunStarted(ExchangeSpec spec) implements ExchangeEvent {
    }

    /**
     * One exchange run ended (completed, cancelled or failed).
     *
     * @param expected the sequential sum of the run's draws, computed in the parent (see
     *                 {@link TotalCheck}); NaN unless the run completed and was checked. A correct
     *                 exchange gives exactly this double.
     */
    record RunFinished(ExchangeResult result, double expected) implements ExchangeEvent {
        /** True when the run completed and its total is exactly the sequential sum. */
        public boolean totalMatches() {
            return result.status() == dev.telar.workloads.run.RunResult.Status.COMPLETED && result.result() == expected;
        }
    }

    /**
     * The sequential sum of a comparison's draws for {@code processes} processes, computed in the
     * parent before the first run ({@link TotalCheck#BASELINE_FIRST}).
     *
     * @param sum     the partial sums added in process order, as a correct exchange adds them
     * @param seconds how long the parent took to compute it, on one thread
     */
    record SequentialMeasured(int processes, long draws, double sum, double seconds) implements ExchangeEvent {
    }

    /** The race demo began with {@code processes} processes of {@code increments} increments each phase. */
    record RaceStarted(int processes, long increments) implements ExchangeEvent {
    }

    /** The race demo ended (completed, cancelled or failed). */
    record RaceFinished(RaceResult result) implements ExchangeEvent {
    }

    /**
     * The runner finished one submitted job (a comparison or a race demo), however it ended; none
     * of the job's child processes run any more. Always the job's last event.
     */
    record Idle() implements ExchangeEvent {
    }
}
