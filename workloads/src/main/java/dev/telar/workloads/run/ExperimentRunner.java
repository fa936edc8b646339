package dev.telar.workloads.run;

import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.model.RunControl;
import dev.telar.workloads.problem.Problem;
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

    /**
     * Queues a run, preceded by its baseline ({@link #baselineOf}) when {@code baseline} is set.
     */
    public void submit(RunSpec spec, boolean baseline) {
        thread.execute(() -> {
            RunSpec baseSpec = baselineOf(spec);
            boolean withBase = baseline && !baseSpec.equals(spec);
            RunControl control = begin(withBase ? baseSpec : spec);
            try {
                // Every run is warmed up, also one that is its own baseline (sequential): otherwise
                // it would time the JIT's first compilations and the heap's first page faults.
                Experiments.warmUp(spec, control);
                if (withBase) {
                    RunResult base = Experiments.run(baseSpec, control);
                    base = base.withBaseline(base.wallSeconds());
                    emit(new ExperimentEvent.Finished(base));
                    if (base.status() != RunResult.Status.COMPLETED) {
                        return;
                    }
                    emit(new ExperimentEvent.Started(spec));
                    emit(new ExperimentEvent.Finished(Experiments.run(spec, control).withBaseline(base.wallSeconds())));
                } else {
                    RunResult r = Experiments.run(spec, control);
                    emit(new ExperimentEvent.Finished(spec.equals(baseSpec) ? r.withBaseline(r.wallSeconds()) : r));
                }
            } catch (RuntimeException e) {
                // A spec the caller did not validate: report it as a failed run, not as silence.
                emit(new ExperimentEvent.Finished(failed(spec, e)));
            } finally {
                current = null;
                emit(new ExperimentEvent.Idle());
            }
        });
    }

    /**
     * The run a spec is compared against: the same work on one thread (for matmul, the product
     * limited to one thread); for a process model, the same model with one process, as in the
     * lecture's table (1 process vs 4). Both sides of a process comparison then run in child JVMs
     * with the same compiler and exchange, whatever flags the parent JVM runs with (the dashboard's
     * JVM compiles with C1 only, its children with the full JIT).
     */
    public static RunSpec baselineOf(RunSpec spec) {
        if (spec.model().startsProcesses()) {
            return spec.with(spec.model(), 1);
        }
        RunSpec base = spec.with(ModelKind.SEQUENTIAL, 1);
        return spec.kernel() == KernelKind.MATMUL ? base.withKernelThreads(1) : base;
    }

    private static RunResult failed(RunSpec spec, RuntimeException e) {
        return new RunResult(spec, RunResult.Status.FAILED, Problem.of(e), Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
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
            } catch (RuntimeException e) {
                emit(new ExperimentEvent.Finished(failed(spec, e)));
            } finally {
                current = null;
                emit(new ExperimentEvent.Idle());
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
        control.watchChildren(pids -> emit(new ExperimentEvent.Children(pids)));
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
