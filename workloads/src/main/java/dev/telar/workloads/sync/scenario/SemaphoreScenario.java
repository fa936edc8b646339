package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.sync.SharedCounters;
import dev.telar.workloads.sync.SyncPrimitive;
import dev.telar.workloads.sync.SyncSemaphore;

/**
 * The lecture's Semaphore example, limited server connections: 8 workers share a
 * BoundedSemaphore(3); each round a worker takes a permit, uses the connection, gives it back.
 * Who holds a permit and who waits is the semaphore's state; the scenario counts how many are
 * inside at once and keeps the maximum, which never exceeds 3.
 */
final class SemaphoreScenario implements SyncScenario {
    /** Permits, as in the lecture's connection pool. */
    static final int PERMITS = 3;
    private static final int INSIDE = 0;
    private static final int MOST_INSIDE = 1;
    private static final int USES = 2;

    @Override
    public Primitive primitive() {
        return Primitive.SEMAPHORE;
    }

    @Override
    public int defaultWorkers() {
        return 8;
    }

    @Override
    public long defaultSize(double slowdown) {
        return slowdown > 0 ? 6 : 2_000;
    }

    private static SharedCounters counters(ScenarioContext ctx) {
        return ctx.family().counters("connections-used", 3);
    }

    private static SyncSemaphore semaphore(ScenarioContext ctx) {
        return ctx.family().boundedSemaphore("connections", PERMITS);
    }

    @Override
    public void prepare(ScenarioContext ctx) {
        semaphore(ctx);
        counters(ctx);
    }

    @Override
    public void work(ScenarioContext ctx, int worker) throws Exception {
        SyncSemaphore s = semaphore(ctx);
        SharedCounters c = counters(ctx);
        for (long round = 0; round < ctx.size(); round++) {
            ctx.acquire(s);
            try {
                c.max(MOST_INSIDE, c.add(INSIDE, 1));
                c.add(USES, 1);
                if (ctx.pace().fullSpeed()) {
                    Thread.onSpinWait();
                } else {
                    ctx.pace().pause(300); // using the connection
                }
                c.add(INSIDE, -1);
            } finally {
                s.release();
            }
            ctx.pause(100 + 50 * (worker % 3));
        }
    }

    @Override
    public SyncPrimitive<?> primitive(ScenarioContext ctx) {
        return semaphore(ctx);
    }

    @Override
    public SemaphoreFigures figures(ScenarioContext ctx) {
        SharedCounters c = counters(ctx);
        return new SemaphoreFigures(PERMITS, c.get(INSIDE), c.get(MOST_INSIDE), c.get(USES));
    }

    @Override
    public Verdict verdict(ScenarioContext ctx) {
        SharedCounters c = counters(ctx);
        long most = c.get(MOST_INSIDE);
        long uses = c.get(USES);
        boolean ok = most <= PERMITS && uses == ctx.workers() * ctx.size() && c.get(INSIDE) == 0;
        return new Verdict(ok, String.format("%d workers, %d permits: %,d uses, at most %d inside at once%s",
                ctx.workers(), PERMITS, uses, most, most <= PERMITS ? "" : " (MORE THAN THE PERMITS)"));
    }
}
