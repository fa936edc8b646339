package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.sync.SharedCounters;
import dev.telar.workloads.sync.SyncPrimitive;
import dev.telar.workloads.sync.SyncRLock;

/**
 * The lecture's RLock example: a transfer holds the lock and calls two operations, debit and
 * credit, that take the same lock again (hold count 2 while inside them). The sum of the two
 * accounts, checked under the lock after every transfer, never changes.
 */
final class RLockScenario implements SyncScenario {
    private static final long START_BALANCE = 1_000_000;
    private static final int ACCOUNT_A = 0;
    private static final int ACCOUNT_B = 1;
    private static final int TRANSFERS = 2;
    private static final int DEEPEST = 3;
    private static final int VIOLATIONS = 4;

    @Override
    public Primitive primitive() {
        return Primitive.RLOCK;
    }

    @Override
    public int defaultWorkers() {
        return 2;
    }

    @Override
    public long defaultSize(double slowdown) {
        return slowdown > 0 ? 10 : 10_000;
    }

    private static SharedCounters accounts(ScenarioContext ctx) {
        return ctx.family().counters("accounts", 5);
    }

    private static SyncRLock lock(ScenarioContext ctx) {
        return ctx.family().rlock("accounts-lock");
    }

    @Override
    public void prepare(ScenarioContext ctx) {
        lock(ctx);
        accounts(ctx).set(ACCOUNT_A, START_BALANCE);
    }

    @Override
    public void work(ScenarioContext ctx, int worker) throws Exception {
        SyncRLock lock = lock(ctx);
        SharedCounters a = accounts(ctx);
        for (long i = 0; i < ctx.size(); i++) {
            ctx.acquire(lock);
            try {
                change(ctx, lock, a, ACCOUNT_A, -1); // debit: takes the lock again
                change(ctx, lock, a, ACCOUNT_B, +1); // credit: takes the lock again
                if (a.get(ACCOUNT_A) + a.get(ACCOUNT_B) != START_BALANCE) {
                    a.add(VIOLATIONS, 1);
                }
                a.add(TRANSFERS, 1);
            } finally {
                lock.release();
            }
            ctx.pause(100);
        }
        ctx.log("done " + ctx.size() + " transfers");
    }

    private static void change(ScenarioContext ctx, SyncRLock lock, SharedCounters a, int account, long delta)
            throws InterruptedException {
        ctx.acquire(lock);
        try {
            a.max(DEEPEST, lock.holdCount());
            a.set(account, a.get(account) + delta);
            ctx.pace().pause(150);
        } finally {
            lock.release();
        }
    }

    @Override
    public SyncPrimitive<?> primitive(ScenarioContext ctx) {
        return lock(ctx);
    }

    @Override
    public RLockFigures figures(ScenarioContext ctx) {
        SharedCounters a = accounts(ctx);
        return new RLockFigures(a.get(ACCOUNT_A), a.get(ACCOUNT_B), a.get(TRANSFERS), a.get(DEEPEST),
                a.get(VIOLATIONS));
    }

    @Override
    public Verdict verdict(ScenarioContext ctx) {
        SharedCounters a = accounts(ctx);
        long transfers = a.get(TRANSFERS);
        boolean ok = a.get(ACCOUNT_A) + a.get(ACCOUNT_B) == START_BALANCE && a.get(ACCOUNT_B) == transfers
                && a.get(VIOLATIONS) == 0 && transfers == ctx.workers() * ctx.size();
        return new Verdict(ok, String.format("%,d transfers, each taking the RLock again twice (hold count up to %d); "
                + "accounts %,d + %,d = %,d%s", transfers, a.get(DEEPEST), a.get(ACCOUNT_A), a.get(ACCOUNT_B),
                a.get(ACCOUNT_A) + a.get(ACCOUNT_B), ok ? ", unchanged" : ", CHANGED"));
    }
}
