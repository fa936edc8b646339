package dev.telar.workloads.model;

import dev.telar.workloads.pool.PoolResult;
import dev.telar.workloads.pool.PoolTask;
import dev.telar.workloads.pool.ProcessPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A process pool; each task handed over by its own asynchronous submit (the lecture's apipe), results awaited in order. */
public final class ProcessPoolSubmit extends ProcessPoolModel {
    @Override
    public ModelKind kind() {
        return ModelKind.PROCESS_POOL_SUBMIT;
    }

    @Override
    public String summary() {
        return "a pool of child JVMs, one asynchronous submit (apipe) per task";
    }

    @Override
    List<PoolResult> hand(ProcessPool pool, List<PoolTask> tasks) throws InterruptedException, ExecutionException {
        List<CompletableFuture<PoolResult>> futures = new ArrayList<>(tasks.size());
        for (PoolTask t : tasks) {
            futures.add(pool.submit(t));
        }
        List<PoolResult> out = new ArrayList<>(tasks.size());
        for (CompletableFuture<PoolResult> f : futures) {
            out.add(f.get());
        }
        return out;
    }
}
