package dev.telar.workloads.model;

import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.pool.PoolResult;
import dev.telar.workloads.pool.PoolTask;
import dev.telar.workloads.pool.ProcessPool;
import dev.telar.workloads.pool.TaskKinds;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

/**
 * Base of the process-pool models: a {@link ProcessPool} of {@code workers} child JVMs, which may
 * be fewer than the tasks. Subclasses say how tasks are handed to it.
 *
 * <p>Timing: the pool is started and every worker runs one small task of the kernel (so its JIT
 * has compiled the hot loop, as the parent's warm-up does for the baseline) before the run's timed
 * part begins; start-up is reported apart ({@code RunResult.startSeconds}). The pool lives for one
 * run and is closed (its files deleted) before the run returns. A cancelled run kills the workers.
 */
abstract class ProcessPoolModel implements ExecutionModel {
    /** Hands the tasks to the pool and waits for their results, in task order. */
    abstract List<PoolResult> hand(ProcessPool pool, List<PoolTask> tasks) throws InterruptedException, ExecutionException;

    @Override
    public boolean startsProcesses() {
        return true;
    }

    @Override
    public void run(Job job) throws InterruptedException {
        RunControl control = job.control();
        control.check();
        ProcessPool pool = ProcessPool.launch(job.workers(), RunDirectory.defaultParent(System.getenv()), control.cores());
        Runnable kill = pool::killWorkers;
        control.onCancel(kill);
        try {
            control.childrenStarted(pool.pids());
            pool.awaitReady(ProcessPool.READY_TIMEOUT);
            Optional<PoolTask> warmUp = TaskKinds.warmUp(job.kernel());
            if (warmUp.isPresent()) {
                // An idle pool hands one to each worker.
                pool.map(Collections.nCopies(pool.size(), warmUp.get())).get();
            }
            List<PoolTask> tasks = IntStream.range(0, job.tasks()).mapToObj(i -> TaskKinds.task(job.kernel(), i)).toList();
            job.startTiming();
            List<PoolResult> results = hand(pool, tasks);
            job.stopTiming();
            for (int i = 0; i < results.size(); i++) {
                job.record(i, results.get(i).value());
                control.addCpuNanos(results.get(i).cpuNanos());
            }
        } catch (ExecutionException e) {
            control.check(); // workers killed by a cancel: report the cancellation
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause.getMessage(), cause);
        } catch (RuntimeException e) {
            control.check();
            throw e;
        } finally {
            control.removeOnCancel(kill);
            pool.close();
        }
    }
}
