package dev.telar.workloads.sync;

import static dev.telar.workloads.sync.Workers.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an Event must do, for threads and for processes; the last tests port CPython's
 * {@code Lib/test/lock_tests.py} EventTests.
 */
public abstract class EventContract extends FamilyTest {
    @Test
    void setClearAndTimedWait() throws Exception {
        SyncEvent e = family.event("e");
        assertThat(e.isSet()).isFalse();
        long t0 = System.nanoTime();
        assertThat(e.await(Duration.ofMillis(30))).isFalse();
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(30_000_000L);
        e.set();
        assertThat(e.isSet()).isTrue();
        assertThat(e.await(Duration.ZERO)).isTrue();
        e.await();
        e.set(); // setting a set flag changes nothing
        assertThat(e.state().sets()).isEqualTo(1);
        e.clear();
        assertThat(e.isSet()).isFalse();
        assertThat(e.await(Duration.ZERO)).isFalse();
        assertThat(e.state()).isEqualTo(new EventState(false, List.of(), 1));
    }

    @Test
    void setWakesEveryWaiter() throws Exception {
        SyncEvent e = family.event("start");
        List<Workers.Worker<Boolean>> ws = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ws.add(workers.start("waiter-" + i, () -> e.await(Workers.PATIENCE)));
        }
        eventually("three waiters", () -> e.state().waiters().size() == 3);
        assertThat(namesThreads(e.state().waiters(), ws.stream().map(Workers.Worker::thread).toArray(Thread[]::new))).isTrue();
        e.set();
        for (var w : ws) {
            assertThat(w.join()).isTrue();
        }
        assertThat(e.state().waiters()).isEmpty();
    }

    /** No missed wake-up: a set undone at once still releases everyone who was waiting. */
    @Test
    void aSetClearedAtOnceStillWakesTheWaiters() throws Exception {
        SyncEvent e = family.event("blink");
        List<Workers.Worker<Boolean>> ws = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ws.add(workers.start("waiter-" + i, () -> e.await(Workers.PATIENCE)));
        }
        eventually("three waiters", () -> e.state().waiters().size() == 3);
        e.set();
        e.clear();
        for (var w : ws) {
            assertThat(w.join()).as("woken by the set").isTrue();
        }
        assertThat(e.isSet()).isFalse();
        // a later waiter is not let through by the old set
        assertThat(e.await(Duration.ofMillis(20))).isFalse();
    }

    @Test
    void aWaiterCanBeInterrupted() throws Exception {
        SyncEvent e = family.event("e");
        var w = workers.start("waiter", () -> {
            e.await();
            return null;
        });
        eventually("the waiter waits", () -> e.state().waiters().size() == 1);
        w.thread().interrupt();
        assertThat(w.failure()).isInstanceOf(InterruptedException.class);
    }

    /** The peer benchmark's exchange: every round trip arrives, none is lost. */
    @Test
    void pingPongLosesNoRoundTrip() throws Exception {
        SyncEvent ping = family.event("ping");
        SyncEvent pong = family.event("pong");
        int rounds = scaled(5_000);
        var partner = workers.start("pong", () -> {
            for (int i = 0; i < rounds; i++) {
                ping.await();
                ping.clear();
                pong.set();
            }
            return null;
        });
        for (int i = 0; i < rounds; i++) {
            ping.set();
            pong.await();
            pong.clear();
        }
        partner.join();
        assertThat(ping.state().sets()).isEqualTo(rounds);
        assertThat(pong.state().sets()).isEqualTo(rounds);
    }

    // ---- CPython lock_tests.py, EventTests ----
    // test_set_and_clear: aSetClearedAtOnceStillWakesTheWaiters. Left out: test_reset_internal_locks
    // (CPython's re-creation of its inner lock after fork; a Telar Event has none).

    /** test_is_set: setting or clearing twice is the same as once. */
    @Test
    void isSetFollowsRepeatedSetsAndClears() {
        SyncEvent e = family.event("e");
        assertThat(e.isSet()).isFalse();
        e.set();
        assertThat(e.isSet()).isTrue();
        e.set();
        assertThat(e.isSet()).isTrue();
        e.clear();
        assertThat(e.isSet()).isFalse();
        e.clear();
        assertThat(e.isSet()).isFalse();
    }

    /** Five threads wait twice each; none returns before the set, all return true twice after it. */
    private void fiveWaitersAreWokenAndPassAgain(SyncEvent e) throws Exception {
        java.util.concurrent.ConcurrentLinkedQueue<Boolean> first = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.ConcurrentLinkedQueue<Boolean> second = new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<Workers.Worker<Object>> ws = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ws.add(workers.start("waiter-" + i, () -> {
                first.add(e.await(Workers.PATIENCE));
                second.add(e.await(Workers.PATIENCE));
                return null;
            }));
        }
        eventually("five waiters", () -> e.state().waiters().size() == 5);
        assertThat(first).isEmpty();
        e.set();
        for (var w : ws) {
            w.join();
        }
        assertThat(first).containsExactly(true, true, true, true, true);
        assertThat(second).containsExactly(true, true, true, true, true);
    }

    /** test_notify: every waiter is woken, and again after a set and a clear. */
    @Test
    void everyWaiterIsWokenAndPassesAgainWhileSet() throws Exception {
        SyncEvent e = family.event("e");
        fiveWaitersAreWokenAndPassAgain(e);
        e.set();
        e.clear();
        fiveWaitersAreWokenAndPassAgain(e);
    }

    /** test_timeout: while clear, a wait of 0 and a timed wait return false (the latter after its timeout); while set, true at once. */
    @Test
    void timedWaitsReturnFalseWhileClearAndTrueWhileSet() throws Exception {
        SyncEvent e = family.event("e");
        Duration t = LockContract.SHORT;
        List<Workers.Worker<List<Boolean>>> ws = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ws.add(workers.start("clear-" + i, () -> {
                boolean now = e.await(Duration.ZERO);
                long start = System.nanoTime();
                boolean later = e.await(t);
                assertWaited(start, t);
                return List.of(now, later);
            }));
        }
        for (var w : ws) {
            assertThat(w.join()).containsExactly(false, false);
        }
        e.set();
        ws.clear();
        for (int i = 0; i < 5; i++) {
            ws.add(workers.start("set-" + i, () -> List.of(e.await(Duration.ZERO), e.await(t))));
        }
        for (var w : ws) {
            assertThat(w.join()).containsExactly(true, true);
        }
    }
}
