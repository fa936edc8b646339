package dev.telar.workloads.sync;

import static dev.telar.workloads.sync.Workers.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a Condition must do, for threads and for processes; the last tests port CPython's
 * {@code Lib/test/lock_tests.py} ConditionTests.
 */
public abstract class ConditionContract extends FamilyTest {
    private SyncLock lock;
    private SyncCondition cond;

    private void plainLock() {
        lock = family.lock("l");
        cond = family.condition("c", lock);
    }

    /** A waiter thread that waits once (holding the lock around it) and returns what await returned. */
    private Workers.Worker<Boolean> waiter(String name, Duration timeout) {
        return workers.start(name, () -> {
            lock.acquire();
            try {
                return timeout == null ? awaitForever() : cond.await(timeout);
            } finally {
                lock.release();
            }
        });
    }

    private boolean awaitForever() throws InterruptedException {
        cond.await();
        return true;
    }

    private int signal(int n) throws InterruptedException {
        lock.acquire();
        try {
            return n == Integer.MAX_VALUE ? cond.signalAll() : cond.signal(n);
        } finally {
            lock.release();
        }
    }

    @Test
    void waitingOrSignallingWithoutTheLockIsAnError() {
        plainLock();
        assertThatThrownBy(cond::await).isInstanceOf(IllegalMonitorStateException.class).hasMessageContaining("un-acquired");
        assertThatThrownBy(() -> cond.await(Duration.ofMillis(1))).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(cond::signal).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(cond::signalAll).isInstanceOf(IllegalMonitorStateException.class);
    }

    @Test
    void aTimedWaitReturnsFalseWithTheLockHeldAgain() throws Exception {
        plainLock();
        lock.acquire();
        long t0 = System.nanoTime();
        assertThat(cond.await(Duration.ofMillis(30))).isFalse();
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(30_000_000L);
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        assertThat(cond.state().waiters()).isEmpty();
        lock.release();
    }

    @Test
    void theLockIsFreeWhileItsHolderWaits() throws Exception {
        plainLock();
        var w = waiter("waiter", null);
        eventually("the waiter waits", () -> cond.state().waiters().size() == 1);
        assertThat(lock.tryAcquire(Workers.PATIENCE)).as("released by the waiter").isTrue();
        assertThat(cond.signal()).isEqualTo(1);
        assertThat(w.isAlive()).as("cannot return before it holds the lock again").isTrue();
        lock.release();
        assertThat(w.join()).isTrue();
    }

    /** notify(n) wakes exactly n, oldest first; the notify count adds up. */
    @Test
    void signalWakesExactlyTheNumberAsked() throws Exception {
        plainLock();
        List<Workers.Worker<Boolean>> ws = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ws.add(waiter("waiter-" + i, null));
            int n = i + 1;
            eventually(n + " waiters", () -> cond.state().waiters().size() == n);
        }
        assertThat(signal(1)).isEqualTo(1);
        assertThat(ws.get(0).join()).isTrue();
        assertThat(ws.get(1).isAlive() && ws.get(2).isAlive() && ws.get(3).isAlive()).isTrue();
        assertThat(cond.state().waiters()).hasSize(3);
        assertThat(signal(2)).isEqualTo(2);
        assertThat(ws.get(1).join()).isTrue();
        assertThat(ws.get(2).join()).isTrue();
        eventually("one left", () -> cond.state().waiters().size() == 1);
        assertThat(ws.get(3).isAlive()).isTrue();
        assertThat(signal(Integer.MAX_VALUE)).isEqualTo(1);
        assertThat(ws.get(3).join()).isTrue();
        assertThat(signal(5)).as("nobody left to wake").isZero();
        ConditionState st = cond.state();
        assertThat(st.signalCalls()).isEqualTo(4);
        assertThat(st.woken()).isEqualTo(4);
    }

    @Test
    void aSignalIsNotSpentOnAWaiterThatTimedOut() throws Exception {
        plainLock();
        var quick = waiter("quick", Duration.ofMillis(30));
        eventually("quick waits", () -> cond.state().waiters().size() == 1);
        var patient = waiter("patient", null);
        eventually("both wait", () -> cond.state().waiters().size() == 2);
        assertThat(quick.join()).as("timed out").isFalse();
        assertThat(signal(1)).isEqualTo(1);
        assertThat(patient.join()).as("the one signal reaches the waiter still there").isTrue();
    }

    @Test
    void awaitForChecksThePredicateAndHonoursItsTimeout() throws Exception {
        plainLock();
        SharedCounters c = family.counters("value", 1);
        lock.acquire();
        assertThat(cond.awaitFor(() -> c.get(0) == 1, Duration.ofMillis(30))).isFalse();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        var setter = workers.start("setter", () -> {
            for (int v = 1; v <= 3; v++) {
                lock.acquire();
                try {
                    c.set(0, v);
                    cond.signalAll();
                } finally {
                    lock.release();
                }
            }
            return null;
        });
        assertThat(cond.awaitFor(() -> c.get(0) == 3, Workers.PATIENCE)).isTrue();
        assertThat(c.get(0)).isEqualTo(3);
        lock.release();
        setter.join();
    }

    @Test
    void anRLockIsReleasedFullyWhileWaitingAndRestoredAfter() throws Exception {
        SyncRLock r = family.rlock("r");
        SyncCondition c = family.condition("rc", r);
        var w = workers.start("waiter", () -> {
            r.acquire();
            r.acquire();
            c.await();
            int holds = r.holdCount();
            r.release();
            r.release();
            return holds;
        });
        eventually("waiting", () -> c.state().waiters().size() == 1);
        r.acquire(); // possible only if both levels were released
        assertThat(c.signal()).isEqualTo(1);
        r.release();
        assertThat(w.join()).isEqualTo(2);
        assertThat(r.isLocked()).isFalse();
    }

    @Test
    void anInterruptedWaiterHoldsTheLockAgainWhenItThrows() throws Exception {
        plainLock();
        var w = workers.start("waiter", () -> {
            lock.acquire();
            try {
                cond.await();
                return "signalled";
            } catch (InterruptedException e) {
                return lock.isHeldByCurrentThread() ? "interrupted, lock held" : "interrupted, lock lost";
            } finally {
                if (lock.isHeldByCurrentThread()) {
                    lock.release();
                }
            }
        });
        eventually("waiting", () -> cond.state().waiters().size() == 1);
        w.thread().interrupt();
        assertThat(w.join()).isEqualTo("interrupted, lock held");
    }

    /**
     * No missed wake-up: producers and consumers over a bounded buffer of 2 slots with wait_for,
     * each consumer waking only through signals; every item arrives exactly once.
     */
    @Test
    void producersAndConsumersLoseNothing() throws Exception {
        plainLock();
        SharedCounters buf = family.counters("buffer", 4); // 0: items in buffer, 1: produced, 2: consumed, 3: sum
        int capacity = 2;
        int perProducer = scaled(3_000);
        List<Workers.Worker<Object>> ws = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            ws.add(workers.start("producer-" + p, () -> {
                for (int i = 1; i <= perProducer; i++) {
                    lock.acquire();
                    try {
                        cond.awaitFor(() -> buf.get(0) < capacity, null);
                        buf.add(0, 1);
                        buf.add(1, 1);
                        buf.add(3, i);
                        cond.signalAll();
                    } finally {
                        lock.release();
                    }
                }
                return null;
            }));
        }
        for (int k = 0; k < 2; k++) {
            ws.add(workers.start("consumer-" + k, () -> {
                for (int i = 0; i < perProducer; i++) {
                    lock.acquire();
                    try {
                        cond.awaitFor(() -> buf.get(0) > 0, null);
                        buf.add(0, -1);
                        buf.add(2, 1);
                        cond.signalAll();
                    } finally {
                        lock.release();
                    }
                }
                return null;
            }));
        }
        for (var w : ws) {
            w.join();
        }
        assertThat(buf.get(1)).isEqualTo(2L * perProducer);
        assertThat(buf.get(2)).isEqualTo(2L * perProducer);
        assertThat(buf.get(0)).isZero();
        assertThat(buf.get(3)).isEqualTo(2L * perProducer * (perProducer + 1) / 2);
        assertThat(cond.state().waiters()).isEmpty();
    }

    // ---- CPython lock_tests.py, ConditionTests ----
    // test_unacquired_wait, test_unacquired_notify: waitingOrSignallingWithoutTheLockIsAnError.

    /**
     * test_acquire, for a Condition made with a Lock: the condition's lock is that lock, so taking
     * one takes the other. Left out: a Condition made without a lock (CPython then makes an RLock);
     * Telar's families always take the lock.
     */
    @Test
    void theConditionsLockIsTheLockItWasMadeWith() throws Exception {
        plainLock();
        assertThat(cond.lock()).isSameAs(lock);
        cond.lock().acquire();
        assertThat(lock.tryAcquire()).isFalse();
        cond.lock().release();
        assertThat(lock.tryAcquire()).isTrue();
        assertThat(cond.lock().tryAcquire()).isFalse();
        lock.release();
        try (SyncLock.Held h = cond.lock().hold()) {
            assertThat(lock.tryAcquire()).isFalse();
        }
        assertThat(lock.isLocked()).isFalse();
    }

    /**
     * CPython's check of notify(n): five threads wait twice each; notify(3) lets exactly three out
     * of their first wait, notify(5) lets out the other two first waits and the three second ones,
     * notify_all the last two. Each waiter records the phase the notifier set under the lock, so a
     * waiter that got out early or late shows.
     */
    private void notifyWakesExactlyTheNumberAsked() throws Exception {
        java.util.concurrent.atomic.AtomicInteger phase = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ConcurrentLinkedQueue<String> first = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.ConcurrentLinkedQueue<String> second = new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<Workers.Worker<Object>> ws = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ws.add(workers.start("waiter-" + i, () -> {
                for (var results : List.of(first, second)) {
                    lock.acquire();
                    try {
                        cond.await();
                        results.add("woken in phase " + phase.get());
                    } finally {
                        lock.release();
                    }
                }
                return null;
            }));
        }
        eventually("five waiters", () -> cond.state().waiters().size() == 5);
        assertThat(first).isEmpty();
        notifyAndSetPhase(3, phase, 1);
        eventually("three woken", () -> first.size() == 3);
        eventually("all five wait again", () -> cond.state().waiters().size() == 5);
        assertThat(first).containsOnly("woken in phase 1").hasSize(3);
        assertThat(second).isEmpty();
        notifyAndSetPhase(5, phase, 2);
        eventually("eight woken", () -> first.size() + second.size() == 8);
        eventually("the last two wait again", () -> cond.state().waiters().size() == 2);
        assertThat(first).containsExactly("woken in phase 1", "woken in phase 1", "woken in phase 1",
                "woken in phase 2", "woken in phase 2");
        assertThat(second).containsOnly("woken in phase 2").hasSize(3);
        notifyAndSetPhase(Integer.MAX_VALUE, phase, 3);
        for (var w : ws) {
            w.join();
        }
        assertThat(second).containsExactly("woken in phase 2", "woken in phase 2", "woken in phase 2",
                "woken in phase 3", "woken in phase 3");
    }

    private void notifyAndSetPhase(int n, java.util.concurrent.atomic.AtomicInteger phase, int next) throws Exception {
        lock.acquire();
        try {
            int woken = n == Integer.MAX_VALUE ? cond.signalAll() : cond.signal(n);
            assertThat(woken).isEqualTo(n == Integer.MAX_VALUE ? 2 : n);
            phase.set(next);
        } finally {
            lock.release();
        }
    }

    /** test_notify: twice, to check the state left by the first round. */
    @Test
    void notifyWakesExactlyTheNumberAskedAcrossTwoWaitsEach() throws Exception {
        plainLock();
        notifyWakesExactlyTheNumberAsked();
        notifyWakesExactlyTheNumberAsked();
        assertThat(cond.state().woken()).isEqualTo(20);
    }

    /** test_timeout: five timed waits without a notify all return false after their timeout (no spurious wake-up). */
    @Test
    void fiveTimedWaitsReturnFalseAfterTheirTimeout() throws Exception {
        plainLock();
        Duration t = LockContract.SHORT;
        List<Workers.Worker<Boolean>> ws = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ws.add(workers.start("waiter-" + i, () -> {
                lock.acquire();
                try {
                    long start = System.nanoTime();
                    boolean signalled = cond.await(t);
                    assertWaited(start, t);
                    return signalled;
                } finally {
                    lock.release();
                }
            }));
        }
        for (var w : ws) {
            assertThat(w.join()).isFalse();
        }
    }

    /** test_waitfor: wait_for returns true, with the predicate holding, after four notified changes. */
    @Test
    void awaitForReturnsOnceThePredicateHoldsAfterFourNotifies() throws Exception {
        plainLock();
        java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger();
        var w = workers.start("waiter", () -> {
            lock.acquire();
            try {
                boolean result = cond.awaitFor(() -> state.get() == 4, null);
                return result && state.get() == 4;
            } finally {
                lock.release();
            }
        });
        eventually("waiting", () -> cond.state().waiters().size() == 1);
        for (int i = 0; i < 4; i++) {
            lock.acquire();
            try {
                state.incrementAndGet();
                cond.signal();
            } finally {
                lock.release();
            }
        }
        assertThat(w.join()).isTrue();
    }

    /** test_waitfor_timeout: three notified changes never make the predicate true: false after the timeout. */
    @Test
    void awaitForTimesOutWhenThePredicateNeverHolds() throws Exception {
        plainLock();
        Duration t = LockContract.SHORT;
        java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger();
        var w = workers.start("waiter", () -> {
            lock.acquire();
            try {
                long start = System.nanoTime();
                boolean result = cond.awaitFor(() -> state.get() == 4, t);
                assertWaited(start, t);
                return result;
            } finally {
                lock.release();
            }
        });
        eventually("waiting", () -> cond.state().waiters().size() == 1);
        for (int i = 0; i < 3; i++) {
            lock.acquire();
            try {
                state.incrementAndGet();
                cond.signal();
            } finally {
                lock.release();
            }
        }
        assertThat(w.join()).isFalse();
    }
}
