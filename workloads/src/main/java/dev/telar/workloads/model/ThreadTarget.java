package dev.telar.workloads.model;


/** One thread per worker, made by passing the work to the thread's constructor. */
public final class ThreadTarget extends WorkerThreadsModel {
    @Override
    public ModelKind kind() {
        return ModelKind.THREAD_TARGET;
    }

    @Override
    public String summary() {
        return "one thread per worker, work passed to the constructor";
    }

    @Override
    Thread newWorker(Job job, int index, Runnable body) {
        return new Thread(body, kind().workerName(index));
    }
}
