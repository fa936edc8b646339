package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.Participant;
import dev.telar.workloads.sync.SharedCounters;
import dev.telar.workloads.sync.SyncPrimitive;
import dev.telar.workloads.sync.SyncSemaphore;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lecture's Semaphore example, limited server connections: 8 workers share a
 * BoundedSemaphore(3); each round a worker takes a permit, uses the connection, gives it back.
 * Who holds a permit and who waits is the semaphore's state; the scenario counts how many are
 * inside at once and keeps the maximum, which never exceeds 3.
 *
 * <p>Each worker marks itself inside in its own counter (its process id, 1 for a thread) rather
 * than in one shared count: a worker process killed inside never unmarks itself, and a shared
 * count would go on counting it after a waiter took its permit over, claiming 4 inside at once.
 * A mark whose process no longer holds a permit is such a leftover, and is not counted.
 */
final class SemaphoreScenario implements SyncScenario {
    /** Permits, as in the lecture's connection pool. */
    static final int PERMITS = 3;
    private static final int MOST_INSIDE = 0;
    private static final int USES = 1;
    private static final int FIRST_MARK = 2; // then one "inside" mark per worker

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
        return ctx.family().counters("connections-used", FIRST_MARK + ctx.workers());
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
        // Threads of one JVM cannot die one by one, so their marks need no owner.
        long mark = ctx.spec().mode() == Mode.THREADS ? 1 : ProcessHandle.current().pid();
        for (long round = 0; round < ctx.size(); round++) {
            ctx.acquire(s);
            try {
                c.set(FIRST_MARK + worker, mark);
                c.max(MOST_INSIDE, inside(ctx, s, c, false));
                c.add(USES, 1);
                if (ctx.pace().fullSpeed()) {
                    Thread.onSpinWait();
                } else {
                    ctx.pace().pause(300); // using the connection
                }
            } finally {
                c.set(FIRST_MARK + worker, 0); // also when cancelled inside
                s.release();
            }
            ctx.pause(100 + 50 * (worker % 3));
        }
    }

    /**
     * Workers inside now. A worker marks itself after taking its permit and unmarks before giving
     * it back, so a live worker's mark always has its permit behind it; a dead worker's mark stays.
     * In a worker, where this runs every round, the marks are checked against the processes holding
     * a permit only when they exceed the permits (a dead worker's leftover, or a real breach), as
     * the check looks at each holder; {@code exact} checks them always (what a panel shows).
     * Marks are read before the holders: a worker that leaves in between is left out, never one
     * that came in, so the count can fall short by a worker leaving but never exceed the truth.
     */
    private static long inside(ScenarioContext ctx, SyncSemaphore s, SharedCounters c, boolean exact) {
        long[] marks = new long[ctx.workers()];
        long marked = 0;
        for (int w = 0; w < marks.length; w++) {
            marks[w] = c.get(FIRST_MARK + w);
            marked += marks[w] != 0 ? 1 : 0;
        }
        if (ctx.spec().mode() == Mode.THREADS || (!exact && marked <= PERMITS)) {
            return marked;
        }
        Set<Long> holding = s.state().holders().stream().map(Participant::pid).collect(Collectors.toSet());
        return Arrays.stream(marks).filter(holding::contains).count();
    }

    @Override
    public SyncPrimitive<?> primitive(ScenarioContext ctx) {
        return semaphore(ctx);
    }

    @Override
    public SemaphoreFigures figures(ScenarioContext ctx) {
        SharedCounters c = counters(ctx);
        return new SemaphoreFigures(PERMITS, inside(ctx, semaphore(ctx), c, true), c.get(MOST_INSIDE), c.get(USES));
    }

    @Override
    public Verdict verdict(ScenarioContext ctx) {
        SharedCounters c = counters(ctx);
        long most = c.get(MOST_INSIDE);
        long uses = c.get(USES);
        boolean ok = most <= PERMITS && uses == ctx.workers() * ctx.size()
                && inside(ctx, semaphore(ctx), c, true) == 0;
        return new Verdict(ok, String.format("%d workers, %d permits: %,d uses, at most %d inside at once%s",
                ctx.workers(), PERMITS, uses, most, most <= PERMITS ? "" : " (MORE THAN THE PERMITS)"));
    }
}
