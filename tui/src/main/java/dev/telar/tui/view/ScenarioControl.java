package dev.telar.tui.view;

import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.sync.scenario.RunningScenario;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import dev.telar.workloads.sync.scenario.SyncScenarioRunner;
import java.nio.file.Path;
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

    /**
     * Cancels every run still going and waits for each to end (children killed, files removed),
     * at most {@link #CLOSE_WAIT} in all: a run that has not ended by then is left to the JVM's
     * own child reaper.
     */
    @Override
    void close();

    /** Longest {@link #close()} waits for the runs to end; a cancelled run needs its 1 s grace at most. */
    Duration CLOSE_WAIT = Duration.ofSeconds(3);

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
        return live(tick, tickMillis, RunDirectory.defaultParent(System.getenv()));
    }

    /**
     * As {@link #live(Runnable, long)}, runs in processes keeping their shared files in run
     * directories under {@code runParent} (the settings' {@code ipc.dir}).
     */
    static ScenarioControl live(Runnable tick, long tickMillis, Path runParent) {
        return new LiveScenarios(tick, tickMillis, runParent);
    }

    /** Starts runs, keeps them until they end, and ticks while they go on. */
    final class LiveScenarios implements ScenarioControl {
        private static final Logger LOG = LoggerFactory.getLogger(LiveScenarios.class);
        private final Runnable tick;
        private final Duration interval;
        private final List<RunningScenario> runs = new CopyOnWriteArrayList<>();
        private final Path runParent;

        private LiveScenarios(Runnable tick, long tickMillis, Path runParent) {
            this.tick = tick;
            this.interval = Duration.ofMillis(Math.max(10, tickMillis));
            this.runParent = runParent;
        }

        @Override
        public ScenarioRun start(ScenarioSpec spec) {
            RunningScenario run = SyncScenarioRunner.start(spec, runParent);
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
            // All cancelled first, so that their grace periods run side by side.
            for (RunningScenario run : runs) {
                run.cancel();
            }
            long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
            for (RunningScenario run : runs) {
                try {
                    if (run.await(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))).isEmpty()) {
                        LOG.warn("a cancelled scenario run did not end within {} s", CLOSE_WAIT.toSeconds());
                    }
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
