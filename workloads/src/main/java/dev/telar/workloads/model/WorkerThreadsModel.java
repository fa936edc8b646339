package dev.telar.workloads.model;

import dev.telar.workloads.kernel.CancelledException;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the models that start one thread per worker, deal tasks round robin, and join them.
 * Subclasses say only how a worker thread is made. The first failure of a worker is rethrown.
 */
abstract class WorkerThreadsModel implements ExecutionModel {
    /** Makes (but does not start) the thread of worker {@code index} running {@code body}. */
    abstract Thread newWorker(Job job, int index, Runnable body);

    /** The body of worker {@code index}: by default its share of tasks, free of any lock. */
    Runnable body(Job job, int index) {
        FreeContext context = new FreeContext(job.control());
        return () -> job.runShare(index, context);
    }

    /** How many threads to start; the job's worker count unless the model fixes it. */
    int threadCount(Job job) {
        return job.workers();
    }

    @Override
    public void run(Job job) throws InterruptedException {
        List<Thread> threads = new ArrayList<>(job.workers());
        RuntimeException[] failure = new RuntimeException[1];
        for (int w = 0; w < threadCount(job); w++) {
            Runnable body = body(job, w);
            Runnable guarded = job.control().instrument(() -> {
                try {
                    body.run();
                } catch (CancelledException e) {
                    // The run reports cancellation as a whole; nothing to add per worker.
                } catch (RuntimeException e) {
                    synchronized (failure) {
                        if (failure[0] == null) {
                            failure[0] = e;
                        }
                    }
                    job.control().cancel();
                }
            });
            threads.add(newWorker(job, w, guarded));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        synchronized (failure) {
            if (failure[0] != null) {
                throw failure[0];
            }
        }
    }
}
