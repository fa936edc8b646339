package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import dev.telar.workloads.sync.SharedCounters;
import dev.telar.workloads.sync.SyncCondition;
import dev.telar.workloads.sync.SyncLock;
import dev.telar.workloads.sync.SyncPrimitive;

/**
 * The lecture's Condition: producers and consumers over a bounded buffer of {@link #CAPACITY}
 * slots, in shared counters. Producers wait_for a free slot, consumers wait_for an item, each
 * signals all after a change (one condition serves both kinds, so a single notify could wake the
 * wrong kind). Consumers are slower, so the buffer fills and producers can be seen waiting. Every
 * item is consumed exactly once: counts and checksums match.
 */
final class ConditionScenario implements SyncScenario {
    static final int CAPACITY = 4;
    private static final int COUNT = 0;
    private static final int HEAD = 1;
    private static final int TAIL = 2;
    private static final int PRODUCED = 3;
    private static final int CONSUMED = 4;
    private static final int PRODUCED_SUM = 5;
    private static final int CONSUMED_SUM = 6;
    private static final int FULLEST = 7;
    private static final int SLOTS = 8;

    @Override
    public Primitive primitive() {
        return Primitive.CONDITION;
    }

    @Override
    public int defaultWorkers() {
        return 4;
    }

    @Override
    public long defaultSize(double slowdown) {
        return slowdown > 0 ? 20 : 5_000;
    }

    @Override
    public void checkWorkers(int workers) {
        if (workers < 2 || workers % 2 != 0) {
            throw new ProblemException(Problem.of(ProblemCode.SCENARIO_WORKERS_EVEN, workers));
        }
    }

    private static SharedCounters buffer(ScenarioContext ctx) {
        return ctx.family().counters("buffer", SLOTS + CAPACITY);
    }

    private static SyncLock lock(ScenarioContext ctx) {
        return ctx.family().lock("buffer-lock");
    }

    private static SyncCondition condition(ScenarioContext ctx) {
        return ctx.family().condition("buffer-changed", lock(ctx));
    }

    @Override
    public void prepare(ScenarioContext ctx) {
        condition(ctx);
        buffer(ctx);
    }

    @Override
    public void work(ScenarioContext ctx, int worker) throws Exception {
        SyncLock lock = lock(ctx);
        SyncCondition cond = condition(ctx);
        SharedCounters b = buffer(ctx);
        boolean producer = worker % 2 == 0;
        long id = worker / 2;
        for (long i = 1; i <= ctx.size(); i++) {
            ctx.acquire(lock);
            try {
                if (producer) {
                    ctx.awaitFor(cond, () -> b.get(COUNT) < CAPACITY);
                    long item = id * 1_000_000_000L + i;
                    long tail = b.get(TAIL);
                    b.set(SLOTS + (int) tail, item);
                    b.set(TAIL, (tail + 1) % CAPACITY);
                    b.max(FULLEST, b.add(COUNT, 1));
                    b.add(PRODUCED, 1);
                    b.add(PRODUCED_SUM, item);
                } else {
                    ctx.awaitFor(cond, () -> b.get(COUNT) > 0);
                    long head = b.get(HEAD);
                    long item = b.get(SLOTS + (int) head);
                    b.set(HEAD, (head + 1) % CAPACITY);
                    b.add(COUNT, -1);
                    b.add(CONSUMED, 1);
                    b.add(CONSUMED_SUM, item);
                }
                cond.signalAll();
            } finally {
                lock.release();
            }
            ctx.pause(producer ? 150 : 250);
        }
        ctx.log((producer ? "produced " : "consumed ") + ctx.size() + " items");
    }

    @Override
    public SyncPrimitive<?> primitive(ScenarioContext ctx) {
        return condition(ctx);
    }

    @Override
    public ConditionFigures figures(ScenarioContext ctx) {
        SharedCounters b = buffer(ctx);
        return new ConditionFigures(CAPACITY, b.get(COUNT), b.get(PRODUCED), b.get(CONSUMED), b.get(FULLEST));
    }

    @Override
    public Verdict verdict(ScenarioContext ctx) {
        SharedCounters b = buffer(ctx);
        long expected = ctx.workers() / 2 * ctx.size();
        boolean ok = b.get(PRODUCED) == expected && b.get(CONSUMED) == expected && b.get(COUNT) == 0
                && b.get(PRODUCED_SUM) == b.get(CONSUMED_SUM) && b.get(FULLEST) <= CAPACITY;
        return new Verdict(ok, String.format("%,d items produced, %,d consumed, checksums %s, buffer of %d never over%s",
                b.get(PRODUCED), b.get(CONSUMED), b.get(PRODUCED_SUM) == b.get(CONSUMED_SUM) ? "equal" : "DIFFERENT",
                CAPACITY, b.get(FULLEST) <= CAPACITY ? "full" : "FILLED"));
    }
}
