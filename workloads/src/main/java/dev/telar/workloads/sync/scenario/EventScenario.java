package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.sync.SharedCounters;
import dev.telar.workloads.sync.SyncEvent;
import dev.telar.workloads.sync.SyncPrimitive;

/**
 * The lecture's Event: workers wait for a start signal; the runner sets it (all start), clears it
 * once all have passed (workers coming back wait again), and sets it again: "set, clear, set
 * again" for two cycles by default. A worker that passes the signal of a cycle before it was set
 * would be a violation; there are none.
 */
final class EventScenario implements SyncScenario {
    private static final int READY = 0;
    private static final int PASSES = 1;
    private static final int CLEARED = 2;
    private static final int VIOLATIONS = 3;
    private static final int PHASES_DONE = 4;

    @Override
    public Primitive primitive() {
        return Primitive.EVENT;
    }

    @Override
    public int defaultWorkers() {
        return 4;
    }

    @Override
    public long defaultSize(double slowdown) {
        return 2;
    }

    private static SharedCounters counters(ScenarioContext ctx) {
        return ctx.family().counters("start-signal", 5);
    }

    private static SyncEvent event(ScenarioContext ctx) {
        return ctx.family().event("start");
    }

    @Override
    public void prepare(ScenarioContext ctx) {
        event(ctx);
        counters(ctx);
    }

    @Override
    public void work(ScenarioContext ctx, int worker) throws Exception {
        SyncEvent start = event(ctx);
        SharedCounters c = counters(ctx);
        for (int cycle = 0; cycle < ctx.size(); cycle++) {
            ctx.awaitCounter(c, CLEARED, cycle); // the previous signal is down again
            c.add(READY, 1);
            ctx.await(start);
            c.add(PASSES, 1);
            if (start.state().sets() < cycle + 1) {
                c.add(VIOLATIONS, 1);
            }
            ctx.pause(800 + 200 * worker); // the phase's work
            c.add(PHASES_DONE, 1);
        }
    }

    @Override
    public void coordinate(ScenarioContext ctx) throws Exception {
        SyncEvent start = event(ctx);
        SharedCounters c = counters(ctx);
        int n = ctx.workers();
        for (int cycle = 0; cycle < ctx.size(); cycle++) {
            ctx.awaitCounter(c, READY, (long) n * (cycle + 1));
            ctx.pause(1000); // everyone visibly waiting
            start.set();
            ctx.log(cycle == 0 ? "start signal set" : "start signal set again");
            ctx.awaitCounter(c, PASSES, (long) n * (cycle + 1));
            ctx.pause(500); // the flag visibly up
            start.clear();
            ctx.log("start signal cleared");
            c.add(CLEARED, 1);
        }
    }

    @Override
    public SyncPrimitive<?> primitive(ScenarioContext ctx) {
        return event(ctx);
    }

    @Override
    public EventFigures figures(ScenarioContext ctx) {
        SharedCounters c = counters(ctx);
        return new EventFigures(ctx.size(), c.get(READY), c.get(PASSES), c.get(PHASES_DONE), c.get(VIOLATIONS));
    }

    @Override
    public Verdict verdict(ScenarioContext ctx) {
        SharedCounters c = counters(ctx);
        long expected = ctx.workers() * ctx.size();
        long sets = event(ctx).state().sets();
        boolean ok = c.get(PASSES) == expected && c.get(VIOLATIONS) == 0 && sets == ctx.size();
        return new Verdict(ok, String.format("%d workers passed %d start signals (%d sets, %d clears), %d early passes",
                ctx.workers(), ctx.size(), sets, c.get(CLEARED), c.get(VIOLATIONS)));
    }
}
