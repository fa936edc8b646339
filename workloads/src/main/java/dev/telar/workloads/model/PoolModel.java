package dev.telar.workloads.model;

import dev.telar.workloads.kernel.CancelledException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Base of the thread-pool models: a fixed pool of {@code workers} named threads (the lecture's
 * ThreadPoolExecutor with max_workers), which may be fewer than the tasks. Subclasses say how
 * tasks are handed to it. The pool is shut down and its threads awaited before the run returns,
 * so their CPU time is counted.
 */
abstract class PoolModel implements ExecutionModel {
    /** Hands every task of the job to the pool and returns their futures in task order. */
    abstract List<Future<Double>> hand(ExecutorService pool, Job job, FreeContext context)
            throws InterruptedException;

    @Override
    public void run(Job job) throws InterruptedException {
        List<Thread> made = new CopyOnWriteArrayList<>();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(job.workers(), job.workers(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), body -> {
                    Thread t = new Thread(job.control().instrument(body), kind().workerName(made.size()));
                    made.add(t);
                    return t;
                });
        FreeContext context = new FreeContext(job.control());
        try {
            for (Future<Double> f : hand(pool, job, context)) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancelledException c) {
                throw c;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (job.control().isCancelled()) {
                pool.shutdownNow();
            } else {
                pool.shutdown();
            }
            pool.awaitTermination(1, TimeUnit.MINUTES);
            // The pool counts as terminated a moment before its threads end; their CPU time is
            // added as they end, so wait for each.
            for (Thread t : made) {
                t.join();
            }
        }
    }
}
