package dev.telar.workloads.model;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A fixed thread pool mapping the task function over all task indices at once (invokeAll). */
public final class PoolMap extends PoolModel {
    @Override
    public ModelKind kind() {
        return ModelKind.POOL_MAP;
    }

    @Override
    public String summary() {
        return "a thread pool mapping the task over all inputs";
    }

    @Override
    List<Future<Double>> hand(ExecutorService pool, Job job, FreeContext context) throws InterruptedException {
        List<Callable<Double>> calls = IntStream.range(0, job.tasks())
                .<Callable<Double>>mapToObj(i -> () -> job.runTask(i, context))
                .collect(Collectors.toList());
        return pool.invokeAll(calls);
    }
}
