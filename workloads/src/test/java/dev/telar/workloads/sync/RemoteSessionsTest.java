package dev.telar.workloads.sync;

import static dev.telar.workloads.sync.Workers.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.sync.remote.RemoteSync;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The remote family between real JVMs with sessions of their own, and what ends with a session:
 * a child's held permit or barrier wait when it is killed with -9, a holder's belief that it holds
 * a lock when its session expires.
 */
@Timeout(120)
class RemoteSessionsTest {
    @RegisterExtension
    static final RemoteSpaces REMOTE = new RemoteSpaces();
    private static final Duration WAIT = Duration.ofSeconds(10);
    /**
     * The shortest session the server grants (two of its 1 s ticks): the tests that wait for a
     * killed child's session to end wait about this long.
     */
    private static final Duration SHORT_SESSION = Duration.ofSeconds(2);
    /** For children that work rather than die: a pause of a loaded machine must not end their session. */
    private static final Duration WORK_SESSION = Duration.ofSeconds(6);

    private static List<String> childArgs(String space, Duration session, String... more) {
        List<String> args = new ArrayList<>(List.of(REMOTE.manager().address(), REMOTE.manager().keyFile().toString(), space,
                Long.toString(session.toMillis())));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void twoChildJvmsCountExactlyUnderTheRemoteLock() throws Exception {
        int each = 200;
        List<Child> children = new ArrayList<>();
        try (RemoteSync sync = REMOTE.newFamily()) {
            SyncLock lock = sync.lock("l");
            SharedCounters total = sync.counters("total", 1);
            for (int i = 0; i < 2; i++) {
                children.add(ChildLauncher.startTarget(RemoteSyncChildren.LockCounter.class,
                        childArgs(sync.space(), WORK_SESSION, Integer.toString(each))));
            }
            for (Child c : children) {
                assertThat(c.stdout().readLine()).as("child %s: %s", c.pid(), c.lastError()).isEqualTo("ready");
            }
            sync.event("go").set();
            for (Child c : children) {
                assertThat(c.stdout().readLine()).as("child %s: %s", c.pid(), c.lastError()).isEqualTo("done");
                assertThat(c.join(WAIT).orElseThrow().code()).isZero();
            }
            assertThat(total.get(0)).isEqualTo(2L * each);
            assertThat(lock.state().acquisitions()).isEqualTo(2L * each);
            assertThat(lock.isLocked()).isFalse();
        } finally {
            children.forEach(Child::kill);
        }
    }

    /**
     * A child holding a Lock, an RLock (twice) and a Semaphore permit is killed with -9: all three
     * come back when its session expires, not before half of it, and until then the state names it.
     */
    @Test
    void whatAChildKilledWithMinus9HeldComesBackWhenItsSessionExpires() throws Exception {
        try (RemoteSync sync = REMOTE.newFamily()) {
            Child holder = ChildLauncher.startTarget(RemoteSyncChildren.Holder.class, childArgs(sync.space(), SHORT_SESSION));
            try {
                String line = holder.stdout().readLine();
                assertThat(line).as("holder: %s", holder.lastError()).startsWith("held ");
                Duration session = Duration.ofMillis(Long.parseLong(line.substring(5)));
                SyncSemaphore s = sync.semaphore("s", 1);
                SyncLock l = sync.lock("l");
                SyncRLock r = sync.rlock("r");
                assertThat(s.tryAcquire(Duration.ofMillis(300))).as("a live holder keeps it").isFalse();
                assertThat(l.tryAcquire()).isFalse();
                assertThat(r.tryAcquire()).isFalse();
                assertThat(s.state().holders()).extracting(Participant::pid).containsExactly(holder.pid());
                assertThat(s.state().holders().get(0).name()).startsWith("pid " + holder.pid() + " on ");
                assertThat(l.state().holder().orElseThrow().pid()).isEqualTo(holder.pid());
                assertThat(r.state().holdCount()).as("another JVM's depth shows as 1").isEqualTo(1);
                long killed = System.nanoTime();
                holder.kill();
                assertThat(holder.join(WAIT).orElseThrow().signal()).isEqualTo(9);
                // the server checks expiries once a tick (at most half the session)
                Duration margin = session.dividedBy(2).plusSeconds(2);
                assertThat(s.tryAcquire(session.plus(margin))).as("the permit came back").isTrue();
                Duration back = Duration.ofNanos(System.nanoTime() - killed);
                System.out.println("remote permit back " + back.toMillis() + " ms after kill -9 (session " + session.toMillis() + " ms)");
                // an idle client's last word may be a third of its session older than the kill
                assertThat(back).as("not before the session could expire").isGreaterThanOrEqualTo(session.dividedBy(2));
                assertThat(l.tryAcquire(WAIT)).as("the lock came back").isTrue();
                assertThat(r.tryAcquire(WAIT)).as("the RLock came back").isTrue();
                assertThat(l.isAbandoned()).as("remote locks are not marked abandoned").isFalse();
                assertThat(s.state().holders()).hasSize(1).allMatch(p -> p.pid() == ProcessHandle.current().pid());
                s.release();
                l.release();
                r.release();
                assertThat(s.available()).isEqualTo(1);
            } finally {
                holder.kill();
            }
        }
    }

    @Test
    void aBarrierPartyKilledWithMinus9BreaksTheBarrierWhenItsSessionExpires() throws Exception {
        try (RemoteSync sync = REMOTE.newFamily()) {
            SyncBarrier b = sync.barrier("b", 3, null, null);
            Child party = ChildLauncher.startTarget(RemoteSyncChildren.BarrierParty.class, childArgs(sync.space(), SHORT_SESSION, "3"));
            try (Workers workers = new Workers()) {
                String line = party.stdout().readLine();
                assertThat(line).as("party: %s", party.lastError()).startsWith("arriving ");
                Duration session = Duration.ofMillis(Long.parseLong(line.substring(9)));
                eventually("the child waits", () -> b.state().waiting().size() == 1);
                assertThat(b.state().waiting().get(0).pid()).isEqualTo(party.pid());
                var mine = workers.start("waiter", b::await);
                eventually("two wait", () -> b.state().arrived() == 2 && b.state().waiting().size() == 2);
                party.kill();
                assertThat(party.join(WAIT).orElseThrow().signal()).isEqualTo(9);
                mine.thread().join(session.multipliedBy(2).plus(WAIT).toMillis());
                assertThat(mine.failure()).isInstanceOf(BarrierBrokenException.class).hasMessageContaining("session ended");
                assertThat(b.isBroken()).isTrue();
                b.reset();
                assertThat(b.isBroken()).isFalse();
            } finally {
                party.kill();
            }
        }
    }

    /** The party that arrives after a counted party's session ended (here the last one) finds it gone and breaks the barrier. */
    @Test
    void aPartyArrivingAfterAnotherDiedFindsTheBarrierBroken() throws Exception {
        try (RemoteSync sync = REMOTE.newFamily()) {
            SyncBarrier b = sync.barrier("b", 2, null, null);
            Child party = ChildLauncher.startTarget(RemoteSyncChildren.BarrierParty.class, childArgs(sync.space(), SHORT_SESSION, "2"));
            try {
                assertThat(party.stdout().readLine()).as("party: %s", party.lastError()).startsWith("arriving ");
                eventually("the child waits", () -> b.state().arrived() == 1 && b.state().waiting().size() == 1);
                party.kill();
                assertThat(party.join(WAIT).orElseThrow().signal()).isEqualTo(9);
                long deadline = System.nanoTime() + SHORT_SESSION.multipliedBy(2).plus(WAIT).toNanos();
                while (!b.state().waiting().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(100); // its node goes when the server ends its session
                }
                assertThat(b.state().waiting()).as("the dead party's node is gone").isEmpty();
                assertThat(b.state().arrived()).as("but it is still counted").isEqualTo(1);
                assertThatThrownBy(() -> b.await(WAIT)).isInstanceOf(BarrierBrokenException.class)
                        .hasMessageContaining("session ended");
                assertThat(b.state().rounds()).as("never opened").isZero();
            } finally {
                party.kill();
            }
        }
    }

    /**
     * The holder's session is expired by the server (as after a long cut-off): the holder stops
     * believing it holds the lock, its release says it was lost, and it can take the lock again.
     */
    @Test
    void aLockHolderWhoseSessionExpiredStopsBelievingItHoldsIt() throws Exception {
        try (ManagerClient client = REMOTE.manager().connect(); RemoteSync sync = new RemoteSync(client, "expired")) {
            SyncLock lock = sync.lock("l");
            lock.acquire();
            assertThat(lock.isHeldByCurrentThread()).isTrue();
            client.curator().getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
            eventually("the hold is known lost", () -> !lock.isHeldByCurrentThread());
            assertThatThrownBy(lock::release).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Lock 'l' at " + REMOTE.manager().address()
                            + " was lost while held: the session ended, another client may have held it meanwhile");
            assertThat(lock.tryAcquire(WAIT)).as("taken again on the new session").isTrue();
            assertThat(lock.isHeldByCurrentThread()).isTrue();
            lock.release();
            assertThat(lock.isLocked()).isFalse();
        }
    }

    /**
     * The connection drops but the session lives (the client reconnects within it): a held lock
     * and permit stay held, and a waiter keeps waiting and is woken by a set made through another
     * session afterwards.
     */
    @Test
    void aDroppedConnectionWithinTheSessionKeepsHoldsAndWaits() throws Exception {
        try (ManagerClient client = REMOTE.manager().connect(); RemoteSync sync = new RemoteSync(client, "blip");
             SyncPrimitives other = REMOTE.otherParticipant("blip"); Workers workers = new Workers()) {
            SyncLock lock = sync.lock("l");
            SyncSemaphore s = sync.semaphore("s", 1);
            SyncEvent e = sync.event("e");
            lock.acquire();
            s.acquire();
            var waiter = workers.start("waiter", () -> e.await(WAIT));
            eventually("the waiter waits", () -> e.state().waiters().size() == 1);
            long session = client.curator().getZookeeperClient().getZooKeeper().getSessionId();
            client.curator().getZookeeperClient().getZooKeeper().getTestable().closeSocket();
            assertThat(other.semaphore("s", 1).tryAcquire(Duration.ofMillis(300))).as("the permit stays held").isFalse();
            assertThat(other.lock("l").tryAcquire()).as("the lock stays held").isFalse();
            eventually("reconnected", () -> client.curator().getZookeeperClient().isConnected());
            assertThat(client.curator().getZookeeperClient().getZooKeeper().getSessionId()).as("the same session").isEqualTo(session);
            other.event("e").set();
            assertThat(waiter.join()).as("woken by the set after the drop").isTrue();
            assertThat(lock.isHeldByCurrentThread()).isTrue();
            lock.release();
            s.release();
            assertThat(other.semaphore("s", 1).available()).isEqualTo(1);
        }
    }

    /** Closing a family leaves its nodes for the others; removing the space deletes them all. */
    @Test
    void closeLeavesTheSpaceAndRemoveSpaceDeletesIt() throws Exception {
        RemoteSync sync = REMOTE.newFamily();
        sync.semaphore("s", 2).acquire();
        sync.close();
        try (SyncPrimitives again = REMOTE.otherParticipant(sync.space())) {
            assertThat(again.semaphore("s", 2).available()).as("the permit stays held by the first session").isEqualTo(1);
            assertThat(again.mode()).isEqualTo(Mode.REMOTE);
        }
        RemoteSync creator = new RemoteSync(REMOTE.client(), sync.space());
        creator.removeSpace();
        assertThat(REMOTE.client().curator().checkExists().forPath("/sync/" + sync.space())).isNull();
    }
}
