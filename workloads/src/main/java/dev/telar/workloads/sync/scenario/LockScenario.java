package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.SharedCounters;
import dev.telar.workloads.sync.SyncLock;
import dev.telar.workloads.sync.SyncPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The lecture's Lock example: each worker sums a random vector (1,000,000 numbers by default) in
 * chunks and adds each chunk's partial sum to a shared total by reading it and writing it back.
 * With the lock the total is exact; with the lock switched off (also while running) concurrent
 * read-then-write updates overwrite each other and the total falls short. Numbers are whole
 * (0..999) so that "exact" means equal.
 */
final class LockScenario implements SyncScenario {
    private static final int TOTAL = 0;
    private static final int EXPECTED = 1;
    private static final int UPDATES = 2;
    private static final int COUNTED = 3; // updates counted by the same read-then-write as the total
    private static final int FIRST_WORKER = 4;
    private static final long SEED = 20_240_501L;

    @Override
    public Primitive primitive() {
        return Primitive.LOCK;
    }

    @Override
    public int defaultWorkers() {
        return 4;
    }

    @Override
    public long defaultSize(double slowdown) {
        return 1_000_000;
    }

    private static SharedCounters counters(ScenarioContext ctx) {
        return ctx.family().counters("lock-sums", FIRST_WORKER + ctx.workers());
    }

    private static SyncLock lock(ScenarioContext ctx) {
        return ctx.family().lock("total-lock");
    }

    @Override
    public void prepare(ScenarioContext ctx) {
        lock(ctx);
        counters(ctx);
    }

    @Override
    public void work(ScenarioContext ctx, int worker) throws Exception {
        SyncLock lock = lock(ctx);
        SharedCounters c = counters(ctx);
        SplittableRandom random = new SplittableRandom(SEED + worker);
        long numbers = ctx.size();
        // At lecture pace fewer, larger chunks, so that each update can be followed on the panel;
        // remotely too, as each update is a dozen round trips to the manager.
        boolean fewUpdates = !ctx.pace().fullSpeed() || ctx.spec().mode() == Mode.REMOTE;
        long chunk = Math.max(1, fewUpdates ? numbers / 50 : numbers / 1000);
        long partial = 0;
        for (long done = 0; done < numbers; ) {
            long n = Math.min(chunk, numbers - done);
            long sum = 0;
            for (long k = 0; k < n; k++) {
                sum += random.nextInt(1000);
            }
            done += n;
            partial += sum;
            boolean locked = ctx.lockEnabled();
            if (locked) {
                ctx.acquire(lock);
            }
            try {
                long total = c.get(TOTAL);
                long counted = c.get(COUNTED);
                think(ctx);
                c.set(TOTAL, total + sum);
                c.set(COUNTED, counted + 1);
            } finally {
                if (locked) {
                    lock.release();
                }
            }
            // Counted once the update is made, not while the worker waits for the lock: the
            // expected total is then that of the updates made, and short of it only by lost ones
            // (not by chunks still waiting, nor by the chunk of a worker killed before writing).
            c.add(EXPECTED, sum);
            c.add(UPDATES, 1);
            c.set(FIRST_WORKER + worker, done);
            ctx.checkCancelled();
        }
        ctx.log(String.format("partial sum %,d", partial));
    }

    /** The time between reading the total and writing it back, where another update can slip in. */
    private static void think(ScenarioContext ctx) throws InterruptedException {
        if (ctx.pace().fullSpeed()) {
            for (int i = 0; i < 64; i++) {
                Thread.onSpinWait(); // about a microsecond: a realistic read-modify-write window
            }
        } else {
            ctx.pace().pause(40);
        }
    }

    @Override
    public SyncPrimitive<?> primitive(ScenarioContext ctx) {
        return lock(ctx);
    }

    @Override
    public LockFigures figures(ScenarioContext ctx) {
        SharedCounters c = counters(ctx);
        List<Long> numbers = new ArrayList<>(ctx.workers());
        for (int w = 0; w < ctx.workers(); w++) {
            numbers.add(c.get(FIRST_WORKER + w));
        }
        return new LockFigures(ctx.lockEnabled(), c.get(TOTAL), c.get(EXPECTED), c.get(UPDATES),
                c.get(UPDATES) - c.get(COUNTED), numbers);
    }

    @Override
    public Verdict verdict(ScenarioContext ctx) {
        SharedCounters c = counters(ctx);
        long total = c.get(TOTAL);
        long expected = c.get(EXPECTED);
        long lost = c.get(UPDATES) - c.get(COUNTED);
        String lockWord = ctx.lockEnabled() ? "lock on" : "lock off";
        if (total == expected) {
            return new Verdict(true, String.format("%s: total %,d = expected, no update lost", lockWord, total));
        }
        return new Verdict(false, String.format("%s: total %,d but expected %,d: %,d updates lost",
                lockWord, total, expected, lost));
    }
}
