package dev.telar.tui.app;

import dev.telar.probe.Probe;
import dev.telar.probe.Sampler;
import dev.telar.probe.SystemSnapshot;
import java.util.function.Consumer;

/**
 * Sampling begun before the dashboard is built. The first loads need two samples 0.1 s apart
 * ({@link Sampler}); plain {@code telar} starts sampling as soon as logging is set up, so that
 * those samples are taken while the settings are read and the terminal is set up rather than
 * after. The dashboard then takes this sampler over. Thread-safe.
 */
public final class EarlySampler {
    /** Interval until the dashboard sets the settings' one, milliseconds (the default refresh). */
    private static final long INTERVAL_MS = 1000;

    private static Sampler ahead;

    private EarlySampler() {
    }

    /** Starts sampling now, unless it was started already. */
    public static synchronized void start() {
        if (ahead == null) {
            ahead = new Sampler(Probe::live, INTERVAL_MS);
            ahead.start();
        }
    }

    /**
     * The sampler begun by {@link #start}, now at {@code refreshMillis}, with {@code listener}
     * given the newest snapshot (if any) and every later one; else a new sampler so set up, started.
     */
    public static synchronized Sampler take(long refreshMillis, Consumer<SystemSnapshot> listener) {
        Sampler sampler = ahead;
        ahead = null;
        if (sampler == null) {
            sampler = new Sampler(Probe::live, refreshMillis);
            sampler.subscribe(listener);
            sampler.start();
            return sampler;
        }
        sampler.setIntervalMillis(refreshMillis);
        sampler.subscribeFromLatest(listener);
        return sampler;
    }
}
