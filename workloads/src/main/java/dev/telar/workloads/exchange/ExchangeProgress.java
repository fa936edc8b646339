package dev.telar.workloads.exchange;

import dev.telar.workloads.proc.ChildExit;
import java.util.List;
import java.util.Optional;

/**
 * A look at the exchange run in progress, for a dashboard: its latest statistics and the state
 * of each child process. Immutable.
 *
 * @param spec     what is running
 * @param stats    the run's latest snapshot (taken every {@link ExchangeExperiment#STATS_PERIOD_MS} ms)
 * @param children one entry per child started so far, in process order
 */
public record ExchangeProgress(ExchangeSpec spec, ExchangeStats stats, List<Child> children) {
    public ExchangeProgress {
        children = List.copyOf(children);
    }

    /**
     * One child process of the run.
     *
     * @param index    its process number, 0-based
     * @param pid      its operating-system pid
     * @param alive    true while it runs
     * @param exit     how it ended; empty while it runs (or in the moment between its end and the
     *                 operating system's report of it)
     * @param received messages (or results) the parent has received from it so far
     */
    public record Child(int index, long pid, boolean alive, Optional<ChildExit> exit, long received) {
        /** True when it ended other than with exit code 0 (killed by a signal, or it failed). */
        public boolean died() {
            return exit.map(e -> !e.ok()).orElse(false);
        }
    }
}
