package dev.telar.workloads.model;

import dev.telar.workloads.pool.PoolResult;
import dev.telar.workloads.pool.PoolTask;
import dev.telar.workloads.pool.ProcessPool;
import java.util.List;
import java.util.concurrent.ExecutionException;

/** A process pool mapping the task over all inputs with one asynchronous call (the lecture's amap). */
public final class ProcessPoolMap extends ProcessPoolModel {
    @Override
    public ModelKind kind() {
        return ModelKind.PROCESS_POOL_MAP;
    }

    @Override
    public String summary() {
        return "a pool of child JVMs mapping the task over all inputs (amap)";
    }

    @Override
    List<PoolResult> hand(ProcessPool pool, List<PoolTask> tasks) throws InterruptedException, ExecutionException {
        return pool.map(tasks).get();
    }
}
