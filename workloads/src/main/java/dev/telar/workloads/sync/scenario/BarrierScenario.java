package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.kernel.CancelledException;
import dev.telar.workloads.sync.BarrierBrokenException;
import dev.telar.workloads.sync.SharedCounters;
import dev.telar.workloads.sync.SyncBarrier;
import dev.telar.workloads.sync.SyncPrimitive;

/**
 * The lecture's Barrier: workers advance in phases; nobody starts phase k+1 before all finished
 * phase k. Worker 0 is slow, so the others visibly wait for it. The barrier action (run by the last
 * arrival, in its own JVM) counts the rounds.
 */
final class BarrierScenario implements SyncScenario {
    private static final int ROUNDS = 0;
    private static final int COMPLETIONS = 1;
    private static final int VIOLATIONS = 2;

    @Override
    public Primitive primitive() {
        return Primitive.BARRIER;
    }

    @Override
    public int defaultWorkers() {
        return 4;
    }

    @Override
    public long defaultSize(double slowdown) {
        return slowdown > 0 ? 5 : 2_000;
    }

    private static SharedCounters counters(ScenarioContext ctx) {
        return ctx.family().counters("phases", 3);
    }

    private static SyncBarrier barrier(ScenarioContext ctx) {
        SharedCounters c = counters(ctx);
        boolean quiet = ctx.pace().fullSpeed();
        return ctx.family().barrier("phase-end", ctx.workers(), () -> {
            long round = c.add(ROUNDS, 1);
            if (!quiet) {
                ctx.log("round " + round + " complete");
            }
        }, null);
    }

    @Override
    public void prepare(ScenarioContext ctx) {
        barrier(ctx);
    }

    @Override
    public void work(ScenarioContext ctx, int worker) throws Exception {
        SyncBarrier b = barrier(ctx);
        SharedCounters c = counters(ctx);
        int parties = ctx.workers();
        for (long round = 0; round < ctx.size(); round++) {
            ctx.pause(worker == 0 ? 1200 : 300); // worker 0 is the slow one
            c.add(COMPLETIONS, 1);
            try {
                b.await();
            } catch (BarrierBrokenException e) {
                if (ctx.cancelled()) {
                    throw new CancelledException();
                }
                throw e;
            }
            if (c.get(COMPLETIONS) < parties * (round + 1)) {
                c.add(VIOLATIONS, 1);
            }
        }
    }

    @Override
    public void onCancel(ScenarioContext ctx) {
        barrier(ctx).abort(); // frees the waiting workers
    }

    @Override
    public SyncPrimitive<?> primitive(ScenarioContext ctx) {
        return barrier(ctx);
    }

    @Override
    public BarrierFigures figures(ScenarioContext ctx) {
        SharedCounters c = counters(ctx);
        return new BarrierFigures(c.get(ROUNDS), ctx.size(), c.get(COMPLETIONS), c.get(VIOLATIONS));
    }

    @Override
    public Verdict verdict(ScenarioContext ctx) {
        SharedCounters c = counters(ctx);
        boolean ok = c.get(ROUNDS) == ctx.size() && c.get(VIOLATIONS) == 0;
        return new Verdict(ok, String.format("%d workers, %,d rounds in step, %d early starts",
                ctx.workers(), c.get(ROUNDS), c.get(VIOLATIONS)));
    }
}
