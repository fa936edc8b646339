package dev.telar.workloads.model;


/** One thread per worker, made by subclassing the thread type and overriding run(). */
public final class ThreadSubclass extends WorkerThreadsModel {
    @Override
    public ModelKind kind() {
        return ModelKind.THREAD_SUBCLASS;
    }

    @Override
    public String summary() {
        return "one thread per worker, a thread subclass overriding run()";
    }

    @Override
    Thread newWorker(Job job, int index, Runnable body) {
        return new WorkerThread(kind().workerName(index), body);
    }

    /** The subclass: its run() is the worker's whole life. */
    private static final class WorkerThread extends Thread {
        private final Runnable work;

        WorkerThread(String name, Runnable work) {
            super(name);
            this.work = work;
        }

        @Override
        public void run() {
            work.run();
        }
    }
}
