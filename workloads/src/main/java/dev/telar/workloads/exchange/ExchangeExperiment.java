package dev.telar.workloads.exchange;

import dev.telar.workloads.remote.ManagerTarget;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs the lecture's exchange experiment (see {@link ExchangeSpec}) with real child JVMs.
 * {@link #start} returns at once with a handle that shows progress; {@link #run} waits.
 */
public final class ExchangeExperiment {
    /** How often a running experiment takes an {@link ExchangeStats} snapshot, ms. */
    public static final long STATS_PERIOD_MS = 100;

    private ExchangeExperiment() {
    }

    /**
     * Starts the experiment; its files go in a fresh run directory under {@code parentDir}.
     *
     * @param listener gets a snapshot every {@link #STATS_PERIOD_MS} ms, on the run's thread
     */
    public static ExchangeRun start(ExchangeSpec spec, Path parentDir, Consumer<ExchangeStats> listener) {
        return start(spec, parentDir, Optional.empty(), listener);
    }

    /**
     * As {@link #start(ExchangeSpec, Path, Consumer)}, with the manager a mechanism such as
     * {@link dev.telar.workloads.mechanism.Mechanism#MANAGER_DICT} runs through (the run fails
     * without one).
     */
    public static ExchangeRun start(ExchangeSpec spec, Path parentDir, Optional<ManagerTarget> manager,
                                    Consumer<ExchangeStats> listener) {
        ExchangeRun run = new ExchangeRun(spec, parentDir, manager, listener);
        run.start();
        return run;
    }

    /** Runs the experiment and waits for its result. */
    public static ExchangeResult run(ExchangeSpec spec, Path parentDir) throws InterruptedException {
        return start(spec, parentDir, s -> { }).await();
    }
}
