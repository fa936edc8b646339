package dev.telar.workloads.sync;

import static dev.telar.workloads.sync.Workers.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.sync.process.ProcessSync;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waiters killed with kill -9 while they wait, a whole table of them ({@link ProcessSync#SLOTS}
 * threads of one child JVM, each its own participant): their slots are reclaimed, so new waiters
 * still fit and are listed, and signals are spent on live waiters only.
 */
class DeadWaitersTest {
    private static final int SLOTS = ProcessSync.SLOTS;
    @TempDir
    Path dir;
    private final List<Child> children = new ArrayList<>();
    private final Workers workers = new Workers();
    private ProcessSync sync;

    @AfterEach
    void stop() throws Exception {
        for (Child c : children) {
            c.kill();
        }
        for (Child c : children) {
            c.join(Duration.ofSeconds(5));
        }
        workers.close();
        if (sync != null) {
            sync.close();
        }
    }

    /** Starts a child JVM whose {@code n} threads wait on the primitive for good, and kills it once all are listed. */
    private void killedWhileWaiting(String kind, int n, java.util.function.IntSupplier listed) throws Exception {
        Child c = ChildLauncher.startTarget(SyncChildren.Waiters.class, List.of(dir.toString(), kind, Integer.toString(n)));
        children.add(c);
        assertThat(c.stdout().readLine()).as(c.lastError()).isEqualTo("started");
        eventually(n + " waiters of pid " + c.pid() + " listed", () -> listed.getAsInt() == n);
        c.kill();
        assertThat(c.join(Workers.PATIENCE)).isPresent();
    }

    private Workers.Worker<Boolean> conditionWaiter(SyncLock lock, SyncCondition cond, String name) {
        return workers.start(name, () -> {
            lock.acquire();
            try {
                return cond.await(Workers.PATIENCE);
            } finally {
                lock.release();
            }
        });
    }

    private static int signal(SyncLock lock, SyncCondition cond, int n) throws InterruptedException {
        lock.acquire();
        try {
            return cond.signal(n);
        } finally {
            lock.release();
        }
    }

    @Test
    @Timeout(120)
    void conditionSlotsOfKilledWaitersAreReclaimedAndSignalsReachOnlyLiveWaiters() throws Exception {
        sync = new ProcessSync(dir);
        SyncLock lock = sync.lock("l");
        SyncCondition cond = sync.condition("c", lock);

        // A full table of dead waiters: a new waiter still fits, and one signal wakes it.
        killedWhileWaiting("condition", SLOTS, () -> cond.state().waiters().size());
        assertThat(cond.state().waiters()).as("dead waiters are not listed").isEmpty();
        var first = conditionWaiter(lock, cond, "first");
        eventually("the new waiter waits", () -> cond.state().waiters().size() == 1);
        assertThat(signal(lock, cond, 1)).isEqualTo(1);
        assertThat(first.join()).as("signalled, not timed out").isTrue();

        // Dead waiters older than a live one: the one signal goes past them to the live waiter.
        killedWhileWaiting("condition", SLOTS - 1, () -> cond.state().waiters().size());
        var late = conditionWaiter(lock, cond, "late");
        eventually("the late waiter waits", () -> cond.state().waiters().size() == 1);
        assertThat(signal(lock, cond, 1)).as("woken: the live waiter only").isEqualTo(1);
        assertThat(late.join()).isTrue();
        assertThat(signal(lock, cond, Integer.MAX_VALUE)).as("nobody left to wake").isZero();

        // And the whole table is there for live waiters again.
        List<Workers.Worker<Boolean>> all = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            all.add(conditionWaiter(lock, cond, "live-" + i));
        }
        eventually(SLOTS + " live waiters", () -> cond.state().waiters().size() == SLOTS);
        assertThat(signal(lock, cond, Integer.MAX_VALUE)).isEqualTo(SLOTS);
        for (var w : all) {
            assertThat(w.join()).isTrue();
        }
        assertThat(cond.state().woken()).isEqualTo(2L + SLOTS);
    }

    @Test
    @Timeout(120)
    void eventWaitersKilledWhileWaitingLeaveRoomForNewOnes() throws Exception {
        sync = new ProcessSync(dir);
        SyncEvent e = sync.event("e");
        killedWhileWaiting("event", SLOTS, () -> e.state().waiters().size());
        List<Workers.Worker<Boolean>> ws = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ws.add(workers.start("waiter-" + i, () -> e.await(Workers.PATIENCE)));
        }
        eventually("the three new waiters are listed", () -> e.state().waiters().size() == 3);
        e.set();
        for (var w : ws) {
            assertThat(w.join()).isTrue();
        }
    }
}
