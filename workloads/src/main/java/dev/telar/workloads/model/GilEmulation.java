package dev.telar.workloads.model;


/**
 * One thread per worker, all sharing one emulated interpreter lock ({@link Gil}): CPU-bound tasks
 * take turns (about 1× whatever the worker count) while waits overlap, as under CPython's GIL.
 */
public final class GilEmulation extends WorkerThreadsModel {
    private final double switchMillis;
    private volatile Gil lastGil;

    /** @param switchMillis the lock's switch interval, milliseconds (CPython's default is 5) */
    public GilEmulation(double switchMillis) {
        this.switchMillis = switchMillis;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.GIL;
    }

    @Override
    public String summary() {
        return "threads sharing one emulated interpreter lock, switched every " + switchMillis + " ms";
    }

    @Override
    public void run(Job job) throws InterruptedException {
        lastGil = new Gil(switchMillis);
        super.run(job);
    }

    @Override
    Runnable body(Job job, int index) {
        FreeContext context = new FreeContext(job.control(), lastGil);
        return () -> context.holding(() -> job.runShare(index, context));
    }

    @Override
    Thread newWorker(Job job, int index, Runnable body) {
        return new Thread(body, kind().workerName(index));
    }

    /** The lock of the latest run, for its invariant ({@link Gil#maxComputing()}) and statistics. */
    public Gil lastGil() {
        return lastGil;
    }
}
