package dev.telar.workloads.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.sync.process.ProcessLock;
import dev.telar.workloads.sync.process.ProcessSync;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process primitives between real child JVMs: exact counts, kill -9 of a holder, a dead barrier party. */
class CrossProcessSyncTest {
    private static final long ONE_SECOND = 1_000_000_000L;
    @TempDir
    Path dir;
    private final List<Child> children = new ArrayList<>();
    private ProcessSync sync;
    private final Workers workers = new Workers();

    private Child start(Class<? extends dev.telar.workloads.proc.ProcessTarget> target, String... args) {
        List<String> all = new ArrayList<>();
        all.add(dir.toString());
        all.addAll(List.of(args));
        Child c = ChildLauncher.startTarget(target, all);
        children.add(c);
        return c;
    }

    private static void expectLine(Child c, String line) throws Exception {
        String got = c.stdout().readLine();
        assertThat(got).as("child %s said %s; last error: %s", c, got, c.lastError()).isEqualTo(line);
    }

    @AfterEach
    void stopChildren() throws Exception {
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

    @Test
    void twoJvmsCountExactlyUnderTheLock() throws Exception {
        sync = new ProcessSync(dir);
        SyncEvent go = sync.event("go");
        SharedCounters total = sync.counters("total", 1);
        SyncLock lock = sync.lock("l");
        int each = 20_000;
        Child a = start(SyncChildren.LockCounter.class, Integer.toString(each));
        Child b = start(SyncChildren.LockCounter.class, Integer.toString(each));
        expectLine(a, "ready");
        expectLine(b, "ready");
        go.set();
        assertThat(a.join(Duration.ofSeconds(20))).hasValueSatisfying(e -> assertThat(e.ok()).as(a.lastError()).isTrue());
        assertThat(b.join(Duration.ofSeconds(20))).hasValueSatisfying(e -> assertThat(e.ok()).as(b.lastError()).isTrue());
        assertThat(total.get(0)).isEqualTo(2L * each);
        assertThat(lock.state().acquisitions()).isEqualTo(2L * each);
        assertThat(lock.isLocked()).isFalse();
    }

    /**
     * kill -9 of a process holding a Lock, an RLock and semaphore permits, and party to a barrier:
     * waiters already waiting get the lock and a permit within a second, marked abandoned, and the
     * barrier waiter gets BarrierBrokenException instead of hanging.
     */
    @Test
    void aKilledHoldersPrimitivesAreTakenOverWithinOneSecond() throws Exception {
        sync = new ProcessSync(dir);
        SyncLock lock = sync.lock("l");
        SyncRLock rlock = sync.rlock("r");
        SyncSemaphore sem = sync.semaphore("s", 2);
        SyncBarrier barrier = sync.barrier("b", 2, null, null);
        Child holder = start(SyncChildren.Holder.class);
        assertThat(barrier.await(Workers.PATIENCE)).isBetween(0, 1); // one round together
        expectLine(holder, "held");
        assertThat(lock.state().holder().orElseThrow().pid()).isEqualTo(holder.pid());
        assertThat(rlock.state().holdCount()).isEqualTo(2);
        assertThat(sem.state().holders()).extracting(Participant::pid).containsExactly(holder.pid(), holder.pid());

        var lockWaiter = workers.start("lock-waiter", () -> {
            lock.acquire();
            return System.nanoTime();
        });
        var rlockWaiter = workers.start("rlock-waiter", () -> {
            rlock.acquire();
            return System.nanoTime();
        });
        var semWaiter = workers.start("sem-waiter", () -> {
            sem.acquire();
            return System.nanoTime();
        });
        var barrierWaiter = workers.start("barrier-waiter", barrier::await); // the party will not come again
        Workers.eventually("everyone waits", () -> lock.state().waiters().size() == 1
                && rlock.state().waiters().size() == 1 && sem.state().waiters().size() == 1 && barrier.state().arrived() == 1);

        long killed = System.nanoTime();
        holder.kill();
        assertThat(lockWaiter.join() - killed).as("ns from kill -9 to the Lock takeover").isLessThan(ONE_SECOND);
        assertThat(rlockWaiter.join() - killed).as("ns from kill -9 to the RLock takeover").isLessThan(ONE_SECOND);
        assertThat(semWaiter.join() - killed).as("ns from kill -9 to the permit takeover").isLessThan(ONE_SECOND);
        assertThat(barrierWaiter.failure()).isInstanceOf(BarrierBrokenException.class).hasMessageContaining("died");
        assertThat(System.nanoTime() - killed).as("ns from kill -9 to the broken barrier").isLessThan(ONE_SECOND);

        long me = ProcessHandle.current().pid();
        assertThat(lock.isAbandoned()).isTrue();
        assertThat(lock.state().holder().orElseThrow().pid()).isEqualTo(me);
        assertThat(lock.state().takeovers()).isEqualTo(1);
        assertThat(((ProcessLock) lock).lastDeadHolder().orElseThrow().pid()).isEqualTo(holder.pid());
        assertThat(rlock.isAbandoned()).isTrue();
        assertThat(rlock.state().holdCount()).as("a fresh hold, not the dead holder's two").isEqualTo(1);
        assertThat(sem.isAbandoned()).isTrue();
        assertThat(sem.state().takeovers()).isEqualTo(1);
        assertThat(sem.state().holders()).extracting(Participant::pid).containsExactlyInAnyOrder(me, holder.pid());
        assertThat(barrier.isBroken()).isTrue();
        assertThat(barrier.state().rounds()).isEqualTo(1);

        // The dead holder's second permit goes to the next acquirer, even one that never blocks.
        long polling = System.nanoTime();
        while (!sem.tryAcquire() && System.nanoTime() - polling < 2 * ONE_SECOND) {
            Thread.sleep(5);
        }
        assertThat(System.nanoTime() - polling).as("ns until a polling tryAcquire got the dead holder's permit")
                .isLessThan(ONE_SECOND);
        assertThat(sem.state().holders()).extracting(Participant::pid).containsOnly(me);
        assertThat(sem.state().takeovers()).isEqualTo(2);
    }

    @Test
    void eventPingPongBetweenTwoJvmsLosesNoRoundTrip() throws Exception {
        sync = new ProcessSync(dir);
        SyncEvent ping = sync.event("ping");
        SyncEvent pong = sync.event("pong");
        int rounds = 3_000;
        Child partner = start(SyncChildren.EventPong.class, Integer.toString(rounds));
        expectLine(partner, "ready");
        for (int i = 0; i < rounds; i++) {
            ping.set();
            assertThat(pong.await(Workers.PATIENCE)).isTrue();
            pong.clear();
        }
        assertThat(partner.join(Duration.ofSeconds(10))).hasValueSatisfying(e -> assertThat(e.ok()).isTrue());
        assertThat(ping.state().sets()).isEqualTo(rounds);
        assertThat(pong.state().sets()).isEqualTo(rounds);
    }

    @Test
    void primitivesOfAnotherKindOrValueAreRefused() {
        sync = new ProcessSync(dir);
        sync.semaphore("s", 2);
        try (ProcessSync other = new ProcessSync(dir)) {
            assertThatThrownBy(() -> other.semaphore("s", 3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'s' is already a Semaphore(2), not a Semaphore(3)");
            assertThatThrownBy(() -> other.boundedSemaphore("s", 2)).isInstanceOf(IllegalArgumentException.class);
            assertThat(other.semaphore("s", 2).available()).isEqualTo(2);
        }
        assertThatThrownBy(() -> sync.lock("s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sync.lock("../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
