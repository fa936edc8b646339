package dev.telar.workloads.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs experiments one after another on a single background thread, for a user interface.
 *
 * <p>Thread-safe. Listeners are called on the runner's thread and must hand events over quickly.
 * {@link #cancel()} stops the current run (within half a second) and drops nothing else; at most
 * one experiment runs at a time, so their loads never mix on the cores.
 */
public final class ExperimentRunner implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "telar-experiments");
        t.setDaemon(true);
        return t;
    });
    private final List<Consumer<ExperimentEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile RunControl current;

    /** Adds a listener for every event. */
    public void subscribe(Consumer<ExperimentEvent> listener) {
        listeners.add(listener);
    }

    /** True while a run or sweep is in progress. */
    public boolean busy() {
        return current != null;
    }

    /** Queues a run, preceded by its sequential baseline when {@code baseline} is set. */
    public void submit(RunSpec spec, boolean baseline) {
        thread.execute(() -> {
            boolean withBase = baseline && !spec.model().equals("sequential");
            RunControl control = begin(withBase ? spec.with("sequential", 1) : spec);
            try {
                if (withBase) {
                    RunResult base = Experiments.run(spec.with("sequential", 1), control);
                    base = base.withBaseline(base.wallSeconds());
                    emit(new ExperimentEvent.Finished(base));
                    if (base.status() != RunResult.Status.COMPLETED) {
                        return;
                    }
                    emit(new ExperimentEvent.Started(spec));
                    emit(new ExperimentEvent.Finished(Experiments.run(spec, control).withBaseline(base.wallSeconds())));
                } else {
                    RunResult r = Experiments.run(spec, control);
                    emit(new ExperimentEvent.Finished(spec.model().equals("sequential")
                            ? r.withBaseline(r.wallSeconds()) : r));
                }
            } finally {
                current = null;
            }
        });
    }

    /** Queues a sweep over {@link Sweep#counts} for the spec's kernel. */
    public void submitSweep(RunSpec spec) {
        thread.execute(() -> {
            RunControl control = begin(spec);
            try {
                List<Integer> counts = Sweep.counts(Runtime.getRuntime().availableProcessors(),
                        Sweep.defaultCount(spec.kernel()));
                List<RunResult> all = Sweep.run(spec, counts, control, r -> emit(new ExperimentEvent.Finished(r)));
                emit(new ExperimentEvent.SweepFinished(all));
            } finally {
                current = null;
            }
        });
    }

    /** Cancels the run in progress, if any. */
    public void cancel() {
        RunControl c = current;
        if (c != null) {
            c.cancel();
        }
    }

    /** Cancels and stops the runner thread, waiting up to a second. */
    @Override
    public void close() {
        cancel();
        thread.shutdownNow();
        try {
            thread.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RunControl begin(RunSpec spec) {
        RunControl control = new RunControl(spec.cores());
        current = control;
        emit(new ExperimentEvent.Started(spec));
        return control;
    }

    private void emit(ExperimentEvent event) {
        for (Consumer<ExperimentEvent> l : listeners) {
            l.accept(event);
        }
    }
}
