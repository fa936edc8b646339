package dev.telar.workloads.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** A fixed thread pool; each task handed over by its own submit() call, results awaited in order. */
public final class PoolSubmit extends PoolModel {
    @Override
    public ModelKind kind() {
        return ModelKind.POOL_SUBMIT;
    }

    @Override
    public String summary() {
        return "a thread pool, one submit() per task";
    }

    @Override
    List<Future<Double>> hand(ExecutorService pool, Job job, FreeContext context) {
        List<Future<Double>> futures = new ArrayList<>(job.tasks());
        for (int i = 0; i < job.tasks(); i++) {
            int index = i;
            futures.add(pool.submit(() -> job.runTask(index, context)));
        }
        return futures;
    }
}
