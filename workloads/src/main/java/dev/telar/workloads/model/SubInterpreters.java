package dev.telar.workloads.model;

import dev.telar.workloads.kernel.CancelledException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Workers spread over {@code interpreters} emulated interpreters, each with its own lock: workers
 * of one interpreter take turns, interpreters run in parallel (about min(K, cores)×). As with
 * PEP 734, results leave an interpreter only through a queue, read by the coordinating thread.
 */
public final class SubInterpreters extends WorkerThreadsModel {
    private final int interpreters;
    private final double switchMillis;
    private volatile Gil[] lastGils = new Gil[0];
    private volatile BlockingQueue<double[]> channel;

    /**
     * @param interpreters number of interpreters K (>= 1); worker w belongs to interpreter w mod K
     * @param switchMillis each interpreter lock's switch interval, milliseconds
     */
    public SubInterpreters(int interpreters, double switchMillis) {
        if (interpreters < 1) {
            throw new IllegalArgumentException("interpreters must be at least 1, got " + interpreters);
        }
        this.interpreters = interpreters;
        this.switchMillis = switchMillis;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.SUBINTERPRETERS;
    }

    @Override
    public String summary() {
        return "workers over " + interpreters + " interpreters, one lock each, results through a queue";
    }

    @Override
    public void run(Job job) throws InterruptedException {
        Gil[] gils = new Gil[interpreters];
        for (int k = 0; k < interpreters; k++) {
            gils[k] = new Gil(switchMillis);
        }
        lastGils = gils;
        channel = new LinkedBlockingQueue<>();
        super.run(job);
        // Every finished task sent {index, result}; move them into the job in the coordinator.
        for (double[] message; (message = channel.poll()) != null; ) {
            job.record((int) message[0], message[1]);
        }
    }

    @Override
    Runnable body(Job job, int index) {
        FreeContext context = new FreeContext(job.control(), lastGils[index % interpreters]);
        BlockingQueue<double[]> out = channel;
        return () -> context.holding(() -> {
            for (int i = index; i < job.tasks(); i += job.workers()) {
                double r = job.kernel().runTask(i, context);
                if (!out.offer(new double[] {i, r})) {
                    throw new CancelledException();
                }
            }
        });
    }

    @Override
    Thread newWorker(Job job, int index, Runnable body) {
        return new Thread(body, "telar-interp" + (index % interpreters) + "-" + index);
    }

    /** The interpreter locks of the latest run. */
    public Gil[] lastGils() {
        return lastGils.clone();
    }
}
