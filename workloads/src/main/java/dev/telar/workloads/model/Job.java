package dev.telar.workloads.model;

import dev.telar.workloads.kernel.CancelledException;
import dev.telar.workloads.kernel.TaskContext;
import dev.telar.workloads.kernel.TaskKernel;

/**
 * One run handed to an execution model: which kernel, how many tasks and workers, and where task
 * results go. Task {@code i}'s result is written once, to slot {@code i}, by whichever thread ran it.
 */
public final class Job {
    private final TaskKernel kernel;
    private final int tasks;
    private final int workers;
    private final RunControl control;
    private final double[] results;
    private final boolean[] done;
    private volatile long timedFrom;
    private volatile long timedTo;

    public Job(TaskKernel kernel, int tasks, int workers, RunControl control) {
        this.kernel = kernel;
        this.tasks = tasks;
        this.workers = workers;
        this.control = control;
        this.results = new double[tasks];
        this.done = new boolean[tasks];
    }

    public TaskKernel kernel() {
        return kernel;
    }

    public int tasks() {
        return tasks;
    }

    public int workers() {
        return workers;
    }

    public RunControl control() {
        return control;
    }

    /** Runs task {@code index} in the calling thread and records its result. */
    public double runTask(int index, TaskContext context) {
        double r = kernel.runTask(index, context);
        synchronized (this) {
            results[index] = r;
            done[index] = true;
        }
        return r;
    }

    /** Records a result computed elsewhere (e.g. received through a queue). */
    public synchronized void record(int index, double result) {
        results[index] = result;
        done[index] = true;
    }

    /**
     * Marks the start of the timed part of a run, for models that must first start child
     * processes: the run's wall time is then measured from here and the time before is reported
     * apart as start-up ({@link dev.telar.workloads.run.RunResult#startSeconds()}).
     */
    public void startTiming() {
        timedFrom = System.nanoTime();
    }

    /** Marks the end of the timed part (the last result in; stopping the children is not timed). */
    public void stopTiming() {
        timedTo = System.nanoTime();
    }

    /** {@link System#nanoTime()} at {@link #startTiming()}, or 0 when not marked. */
    public long timedFrom() {
        return timedFrom;
    }

    /** {@link System#nanoTime()} at {@link #stopTiming()}, or 0 when not marked. */
    public long timedTo() {
        return timedTo;
    }

    /** Runs the tasks dealt to {@code worker}: worker, worker + workers, ... (round robin). */
    public void runShare(int worker, TaskContext context) {
        for (int i = worker; i < tasks; i += workers) {
            runTask(i, context);
        }
    }

    /** The combined result, in task order. @throws CancelledException if a task has no result */
    public synchronized double combined() {
        for (boolean d : done) {
            if (!d) {
                throw new CancelledException();
            }
        }
        return kernel.combine(results.clone());
    }
}
