package dev.telar.workloads.exchange;

import java.nio.file.Path;
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
        ExchangeRun run = new ExchangeRun(spec, parentDir, listener);
        run.start();
        return run;
    }

    /** Runs the experiment and waits for its result. */
    public static ExchangeResult run(ExchangeSpec spec, Path parentDir) throws InterruptedException {
        return start(spec, parentDir, s -> { }).await();
    }
}
