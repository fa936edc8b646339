package dev.telar.tui.view;

import dev.telar.workloads.sync.scenario.RunningScenario;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import dev.telar.workloads.sync.scenario.SyncScenarioRunner;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the sync view may ask of the scenario runner: start a run. Called from the UI thread only.
 * The live control also makes the UI poll: while a run goes on it calls a tick callback every few
 * hundred milliseconds (and once more when the run ends), so the panels follow the primitive at a
 * steadier rate than the sampler's and nothing wakes the UI thread when no scenario runs.
 */
public interface ScenarioControl extends AutoCloseable {
    /**
     * Starts {@code spec} and returns at once.
     *
     * @throws IllegalArgumentException when the scenario refuses the spec
     * @throws IllegalStateException    when this control cannot run scenarios
     */
    ScenarioRun start(ScenarioSpec spec);

    /** Cancels every run still going and waits for each to end (children killed, files removed). */
    @Override
    void close();

    /** Refuses every start: for drawing the dashboard where no scenario may run. */
    ScenarioControl NONE = new ScenarioControl() {
        @Override
        public ScenarioRun start(ScenarioSpec spec) {
            throw new IllegalStateException("no scenario runner in this dashboard");
        }

        @Override
        public void close() {
        }
    };

    /**
     * Real runs of {@link SyncScenarioRunner}.
     *
     * @param tick      called from a ticker thread every {@code tickMillis} while a run goes on, and once
     *                  after it ended; must not block (the dashboard offers an event to its queue)
     * @param tickMillis milliseconds between ticks
     */
    static ScenarioControl live(Runnable tick, long tickMillis) {
        return new LiveScenarios(tick, tickMillis);
    }

    /** Starts runs, keeps them until they end, and ticks while they go on. */
    final class LiveScenarios implements ScenarioControl {
        private static final Logger LOG = LoggerFactory.getLogger(LiveScenarios.class);
        private final Runnable tick;
        private final Duration interval;
        private final List<RunningScenario> runs = new CopyOnWriteArrayList<>();

        private LiveScenarios(Runnable tick, long tickMillis) {
            this.tick = tick;
            this.interval = Duration.ofMillis(Math.max(10, tickMillis));
        }

        @Override
        public ScenarioRun start(ScenarioSpec spec) {
            RunningScenario run = SyncScenarioRunner.start(spec);
            runs.add(run);
            Thread ticker = new Thread(() -> follow(run), "telar-sync-tick");
            ticker.setDaemon(true);
            ticker.start();
            return ScenarioRun.of(run);
        }

        private void follow(RunningScenario run) {
            try {
                while (run.await(interval).isEmpty()) {
                    tick.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("scenario run ended with an error", e);
            } finally {
                runs.remove(run);
                tick.run();
            }
        }

        @Override
        public void close() {
            for (RunningScenario run : runs) {
                try {
                    run.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    LOG.warn("closing a scenario run failed", e);
                }
            }
        }
    }
}
