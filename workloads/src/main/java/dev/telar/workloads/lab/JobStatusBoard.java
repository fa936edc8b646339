package dev.telar.workloads.lab;

import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.exchange.ExchangeStats;
import dev.telar.workloads.race.RaceDemo;
import dev.telar.workloads.remote.fleet.JobStatusFile;
import dev.telar.workloads.remote.fleet.RunningJob;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine's listener that keeps its {@link JobStatusFile} in step with the job it runs, so that
 * a {@code telar agent} on the host can tell the fleet what runs and how far it has got: the file
 * appears soon after {@link LabEvent.JobStarted}, follows the job's events at most every
 * {@link JobStatusFile#MIN_GAP_MILLIS} ms (a later event's figures replace an earlier one's not yet
 * written), and is removed at {@link LabEvent.JobEnded} and when the board closes. Figures are
 * named as {@link RunningJob} lists them.
 *
 * <p>Writes happen on one daemon thread, and only when an event asked for one: the thread sleeps
 * while no job runs. When the place cannot be trusted or a write fails, the engine runs on
 * unaffected and the reason is logged once. Thread-safe.
 */
final class JobStatusBoard implements Consumer<LabEvent>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobStatusBoard.class);
    /** A scenario's per-worker figures ({@code numbers_0}, ...): left out to keep the status short. */
    private static final String PER_WORKER = ".*_\\d+";

    private final JobStatusFile file;
    private final ScheduledExecutorService writer;
    private final Object lock = new Object();
    /** The job that runs; null while none. Guarded by {@code lock}, as every field below. */
    private Status current;
    private boolean writeDue;
    private long lastWriteNanos;
    private boolean closed;
    private boolean warned;

    private JobStatusBoard(JobStatusFile file) {
        this.file = file;
        this.writer = file == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telar-lab-status");
            t.setDaemon(true);
            return t;
        });
        this.lastWriteNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(JobStatusFile.MIN_GAP_MILLIS);
    }

    /** A board writing into {@code dir}; one that writes nothing when {@code dir} is empty or refused (logged). */
    static JobStatusBoard open(Optional<Path> dir) {
        if (dir.isEmpty()) {
            return new JobStatusBoard(null);
        }
        try {
            return new JobStatusBoard(JobStatusFile.open(dir.get()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("the lab publishes no job status: {}", e.getMessage());
            return new JobStatusBoard(null);
        }
    }

    /** The status file, when there is one. */
    Optional<Path> path() {
        return file == null ? Optional.empty() : Optional.of(file.path());
    }

    @Override
    public void accept(LabEvent event) {
        if (file == null) {
            return;
        }
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (event instanceof LabEvent.JobStarted s) {
                String kind = s.kind().name().toLowerCase(Locale.ROOT);
                current = new Status(kind, kind, System.currentTimeMillis());
            } else if (event instanceof LabEvent.JobEnded) {
                current = null;
                remove();
                return;
            } else if (current == null || !current.take(event)) {
                return;
            }
            if (!writeDue) {
                writeDue = true;
                long wait = lastWriteNanos + TimeUnit.MILLISECONDS.toNanos(JobStatusFile.MIN_GAP_MILLIS) - System.nanoTime();
                writer.schedule(this::write, Math.max(0, wait), TimeUnit.NANOSECONDS);
            }
        }
    }

    private void write() {
        synchronized (lock) {
            writeDue = false;
            if (closed || current == null) {
                return;
            }
            lastWriteNanos = System.nanoTime();
            try {
                file.write(current.job());
            } catch (IOException | RuntimeException e) {
                warnOnce(e);
            }
        }
    }

    private void remove() {
        try {
            file.remove();
        } catch (IOException e) {
            warnOnce(e);
        }
    }

    private void warnOnce(Exception e) {
        if (!warned) {
            warned = true;
            LOG.warn("lab job status not written: {}", e.getMessage());
        }
    }

    /** Removes the file and stops writing. */
    @Override
    public void close() {
        if (file == null) {
            return;
        }
        synchronized (lock) {
            closed = true;
            current = null;
            remove();
        }
        writer.shutdownNow();
    }

    /** The running job as its events have told it so far. Used under the board's lock only. */
    private static final class Status {
        private final String kind;
        private final long startedAtMillis;
        private String label;
        private final Map<String, Double> figures = new LinkedHashMap<>();
        private int runs;

        Status(String kind, String label, long startedAtMillis) {
            this.kind = kind;
            this.label = label;
            this.startedAtMillis = startedAtMillis;
        }

        RunningJob job() {
            return new RunningJob(ProcessHandle.current().pid(), kind, label, startedAtMillis, figures);
        }

        /** Takes what {@code event} tells; false when it tells nothing the status shows. */
        boolean take(LabEvent event) {
            if (event instanceof LabEvent.Experiment e) {
                return experiment(e.event());
            }
            if (event instanceof LabEvent.Exchange e) {
                return exchange(e.event());
            }
            if (event instanceof LabEvent.ExchangeProgressed p) {
                ExchangeStats s = p.progress().stats();
                figures.put("messages", (double) s.ops());
                figures.put("rate", s.opsPerSecond());
                figures.put("alive", (double) s.producersAlive());
                return true;
            }
            if (event instanceof LabEvent.RaceSampled r) {
                RaceDemo.Sample s = r.sample();
                figures.put("locked", s.locked() ? 1.0 : 0.0);
                figures.put("value", (double) s.value());
                figures.put("expected", (double) s.expected());
                return true;
            }
            if (event instanceof LabEvent.ScenarioStarted s) {
                ScenarioSpec spec = s.spec();
                label = "sync " + spec.primitive().label() + ", " + spec.mode().label() + ", " + workers(spec.workers());
                return true;
            }
            if (event instanceof LabEvent.ScenarioUpdated u) {
                u.snapshot().figures().ifPresent(f -> {
                    figures.clear();
                    f.named().forEach((name, value) -> {
                        if (!name.matches(PER_WORKER) && figures.size() < RunningJob.MAX_FIGURES) {
                            figures.put(name, (double) value);
                        }
                    });
                });
                return true;
            }
            return false;
        }

        private boolean experiment(ExperimentEvent event) {
            if (event instanceof ExperimentEvent.Started s) {
                RunSpec spec = s.spec();
                label = spec.kernel().label() + " " + spec.model().label() + ", " + workers(spec.workers());
                return true;
            }
            if (event instanceof ExperimentEvent.Finished f) {
                RunResult r = f.result();
                figures.put("runs", (double) ++runs);
                if (r.status() == RunResult.Status.COMPLETED) {
                    figures.put("wall_s", r.wallSeconds());
                    r.speedup().ifPresent(x -> figures.put("speedup", x));
                }
                return true;
            }
            return false;
        }

        private boolean exchange(ExchangeEvent event) {
            if (event instanceof ExchangeEvent.RunStarted s) {
                label = "exchange " + s.spec().mechanism().cliName() + ", " + s.spec().processes() + " processes";
                figures.keySet().retainAll(java.util.Set.of("runs"));
                return true;
            }
            if (event instanceof ExchangeEvent.RunFinished) {
                figures.put("runs", (double) ++runs);
                return true;
            }
            if (event instanceof ExchangeEvent.RaceStarted r) {
                label = "race, " + r.processes() + " processes x " + r.increments() + " increments";
                return true;
            }
            return false;
        }

        private static String workers(int n) {
            return n == 1 ? "1 worker" : n + " workers";
        }
    }
}
