package dev.telar.workloads.model;


/**
 * Every task, one after another, on a single worker thread: the baseline every speedup is
 * measured against. It runs on its own thread (not the caller's) so it can be watched and pinned.
 */
public final class Sequential extends WorkerThreadsModel {
    @Override
    public ModelKind kind() {
        return ModelKind.SEQUENTIAL;
    }

    @Override
    public String summary() {
        return "all tasks one after another on one thread";
    }

    @Override
    Runnable body(Job job, int index) {
        FreeContext context = new FreeContext(job.control());
        return () -> {
            for (int i = 0; i < job.tasks(); i++) {
                job.runTask(i, context);
            }
        };
    }

    @Override
    int threadCount(Job job) {
        return 1;
    }

    @Override
    Thread newWorker(Job job, int index, Runnable body) {
        return new Thread(body, kind().workerName(index));
    }
}
