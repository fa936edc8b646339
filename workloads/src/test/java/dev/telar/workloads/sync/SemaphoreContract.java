package dev.telar.workloads.sync;

import static dev.telar.workloads.sync.Workers.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Semaphore and BoundedSemaphore must do, for threads and for processes. The last tests port
 * CPython's {@code Lib/test/lock_tests.py} BaseSemaphoreTests, each run for the Semaphore and the
 * BoundedSemaphore, and the two classes' own test_release_unacquired. Left out everywhere: the
 * default value of 1 (Telar's families always take the value) and Python's ValueError for
 * {@code acquire(False, timeout)} (no such combination in the Java API).
 */
public abstract class SemaphoreContract extends FamilyTest {
    @Test
    void permitsRunOutAndTheHoldersShow() throws Exception {
        SyncSemaphore s = family.semaphore("s", 2);
        s.acquire();
        assertThat(s.tryAcquire()).isTrue();
        assertThat(s.tryAcquire()).isFalse();
        long t0 = System.nanoTime();
        assertThat(s.tryAcquire(Duration.ofMillis(40))).isFalse();
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(40_000_000L);
        SemaphoreState st = s.state();
        assertThat(st.available()).isZero();
        assertThat(st.holders()).hasSize(2).allMatch(this::isMe);
        assertThat(st.initial()).isEqualTo(2);
        assertThat(st.bounded()).isFalse();
        assertThat(st.acquisitions()).isEqualTo(2);
        s.release();
        s.release();
        assertThat(s.available()).isEqualTo(2);
        assertThat(s.state().holders()).isEmpty();
    }

    @Test
    void aReleaseWakesAWaiterThatIsListedMeanwhile() throws Exception {
        SyncSemaphore s = family.semaphore("s", 1);
        s.acquire();
        var waiter = workers.start("waiter", () -> {
            s.acquire();
            s.release();
            return "got it";
        });
        eventually("the waiter is listed", () -> namesThreads(s.state().waiters(), waiter.thread()));
        s.release();
        assertThat(waiter.join()).isEqualTo("got it");
        assertThat(s.available()).isEqualTo(1);
    }

    @Test
    void aSemaphoreOfZeroIsASignalFromAnotherThread() throws Exception {
        SyncSemaphore s = family.semaphore("signal", 0);
        var waiter = workers.start("waiter", () -> {
            s.acquire();
            return s.state().holders().size();
        });
        eventually("the waiter waits", () -> s.state().waiters().size() == 1);
        s.release(); // by a participant that acquired nothing
        assertThat(waiter.join()).isEqualTo(1);
    }

    @Test
    void anUnboundedSemaphoreGrowsBeyondItsValue() {
        SyncSemaphore s = family.semaphore("s", 1);
        s.release();
        assertThat(s.available()).isEqualTo(2);
        assertThat(s.tryAcquire()).isTrue();
        assertThat(s.tryAcquire()).isTrue();
        assertThat(s.tryAcquire()).isFalse();
    }

    @Test
    void aBoundedSemaphoreRejectsOverRelease() throws Exception {
        SyncSemaphore s = family.boundedSemaphore("b", 2);
        assertThat(s.isBounded()).isTrue();
        assertThatThrownBy(s::release).isInstanceOf(IllegalStateException.class).hasMessageContaining("released too many times");
        s.acquire();
        s.release();
        assertThatThrownBy(s::release).isInstanceOf(IllegalStateException.class);
        assertThat(s.available()).isEqualTo(2);
        assertThat(s.state().bounded()).isTrue();
    }

    @Test
    void aBoundedReleaseByAnotherParticipantFreesAHeldPermit() throws Exception {
        SyncSemaphore s = family.boundedSemaphore("b", 1);
        s.acquire();
        workers.start("releaser", () -> {
            s.release();
            return null;
        }).join();
        assertThat(s.available()).isEqualTo(1);
        assertThat(s.state().holders()).isEmpty();
        assertThatThrownBy(s::release).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWaiterCanBeInterrupted() throws Exception {
        SyncSemaphore s = family.semaphore("s", 0);
        var waiter = workers.start("waiter", () -> {
            s.acquire();
            return null;
        });
        eventually("the waiter waits", () -> s.state().waiters().size() == 1);
        waiter.thread().interrupt();
        assertThat(waiter.failure()).isInstanceOf(InterruptedException.class);
        assertThat(s.available()).isZero();
    }

    /** 8 workers share 3 permits: never more than 3 inside, every acquisition returned. */
    @Test
    void concurrencyNeverExceedsTheValue() throws Exception {
        SyncSemaphore s = family.boundedSemaphore("pool", 3);
        SharedCounters c = family.counters("inside", 2); // 0: inside now, 1: most inside at once
        int threads = 8;
        int rounds = scaled(2_000);
        CountDownLatch go = new CountDownLatch(1);
        List<Workers.Worker<Object>> ws = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            ws.add(workers.start("worker-" + t, () -> {
                go.await();
                for (int i = 0; i < rounds; i++) {
                    s.acquire();
                    try {
                        c.max(1, c.add(0, 1));
                        Thread.onSpinWait();
                        c.add(0, -1);
                    } finally {
                        s.release();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (var w : ws) {
            w.join();
        }
        assertThat(c.get(1)).as("most inside at once").isBetween(1L, 3L);
        assertThat(c.get(0)).isZero();
        assertThat(s.available()).isEqualTo(3);
        assertThat(s.state().acquisitions()).isEqualTo((long) threads * rounds);
        assertThat(s.state().holders()).isEmpty();
    }

    // ---- CPython lock_tests.py, BaseSemaphoreTests, SemaphoreTests, BoundedSemaphoreTests ----

    private SyncSemaphore sem(boolean bounded, int value) {
        return bounded ? family.boundedSemaphore("s", value) : family.semaphore("s", value);
    }

    /** test_constructor. */
    @ParameterizedTest(name = "bounded={0}")
    @ValueSource(booleans = {false, true})
    void aNegativeValueIsRefused(boolean bounded) {
        assertThatThrownBy(() -> sem(bounded, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sem(bounded, Integer.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    /** test_acquire, test_acquire_destroy: acquires within the value never wait; closing while holding is allowed. */
    @ParameterizedTest(name = "bounded={0}")
    @ValueSource(booleans = {false, true})
    void acquiresWithinTheValueDoNotWait(boolean bounded) throws Exception {
        SyncSemaphore one = bounded ? family.boundedSemaphore("one", 1) : family.semaphore("one", 1);
        one.acquire();
        one.release();
        SyncSemaphore two = sem(bounded, 2);
        two.acquire();
        two.acquire();
        two.release();
        two.release();
        assertThat(two.available()).isEqualTo(2);
        one.acquire();
        one.close();
    }

    /**
     * test_acquire_contended: Semaphore(7) with one permit taken, ten threads acquiring twice each:
     * exactly six get through, then exactly seven more after seven releases, six more after six.
     */
    @ParameterizedTest(name = "bounded={0}")
    @ValueSource(booleans = {false, true})
    void contendedAcquirersGetThroughExactlyAsOftenAsPermitsAreFree(boolean bounded) throws Exception {
        SyncSemaphore s = sem(bounded, 7);
        s.acquire();
        java.util.concurrent.atomic.AtomicInteger phase = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ConcurrentLinkedQueue<Integer> passed = new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<Workers.Worker<Object>> ws = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ws.add(workers.start("acquirer-" + i, () -> {
                s.acquire();
                passed.add(phase.get());
                s.acquire();
                passed.add(phase.get());
                return null;
            }));
        }
        eventually("six passed", () -> passed.size() == 6);
        eventually("the rest wait", () -> s.state().waiters().size() == ws.stream().filter(Workers.Worker::isAlive).count());
        assertThat(passed).containsOnly(0);
        phase.set(1);
        for (int i = 0; i < 7; i++) {
            s.release();
        }
        eventually("thirteen passed", () -> passed.size() == 13);
        phase.set(2);
        for (int i = 0; i < 6; i++) {
            s.release();
        }
        eventually("nineteen passed", () -> passed.size() == 19);
        assertThat(passed.stream().sorted().toList()).isEqualTo(
                List.of(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2));
        assertThat(s.tryAcquire()).as("no permit left").isFalse();
        s.release();
        for (var w : ws) {
            w.join();
        }
        assertThat(passed).hasSize(20);
    }

    /** test_try_acquire. */
    @ParameterizedTest(name = "bounded={0}")
    @ValueSource(booleans = {false, true})
    void tryAcquireTakesPermitsUntilNoneIsLeft(boolean bounded) {
        SyncSemaphore s = sem(bounded, 2);
        assertThat(s.tryAcquire()).isTrue();
        assertThat(s.tryAcquire()).isTrue();
        assertThat(s.tryAcquire()).isFalse();
        s.release();
        assertThat(s.tryAcquire()).isTrue();
    }

    /** test_try_acquire_contended: Semaphore(4) with one taken; five threads trying twice get exactly the three left. */
    @ParameterizedTest(name = "bounded={0}")
    @ValueSource(booleans = {false, true})
    void fiveThreadsTryingTwiceGetExactlyTheFreePermits(boolean bounded) throws Exception {
        SyncSemaphore s = sem(bounded, 4);
        s.acquire();
        java.util.concurrent.ConcurrentLinkedQueue<Boolean> results = new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<Workers.Worker<Object>> ws = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ws.add(workers.start("trier-" + i, () -> {
                results.add(s.tryAcquire());
                results.add(s.tryAcquire());
                return null;
            }));
        }
        for (var w : ws) {
            w.join();
        }
        assertThat(results.stream().filter(b -> b).count()).isEqualTo(3);
        assertThat(results.stream().filter(b -> !b).count()).isEqualTo(7);
    }

    /** test_acquire_timeout. */
    @ParameterizedTest(name = "bounded={0}")
    @ValueSource(booleans = {false, true})
    void timedAcquiresSucceedWhileFreeAndTimeOutWhenNot(boolean bounded) throws Exception {
        SyncSemaphore s = sem(bounded, 2);
        Duration tiny = Duration.ofMillis(5);
        assertThat(s.tryAcquire(tiny)).isTrue();
        assertThat(s.tryAcquire(tiny)).isTrue();
        assertThat(s.tryAcquire(tiny)).isFalse();
        s.release();
        assertThat(s.tryAcquire(tiny)).isTrue();
        long start = System.nanoTime();
        assertThat(s.tryAcquire(LockContract.SHORT)).isFalse();
        assertWaited(start, LockContract.SHORT);
    }

    /** test_default_value, with the value given: a waiter on a taken Semaphore(1) goes on after the release. */
    @ParameterizedTest(name = "bounded={0}")
    @ValueSource(booleans = {false, true})
    void aWaiterGoesOnOnlyAfterTheRelease(boolean bounded) throws Exception {
        SyncSemaphore s = sem(bounded, 1);
        s.acquire();
        var w = workers.start("waiter", () -> {
            s.acquire();
            s.release();
            return "done";
        });
        eventually("waiting", () -> s.state().waiters().size() == 1);
        assertThat(w.isAlive()).isTrue();
        s.release();
        assertThat(w.join()).isEqualTo("done");
    }

    /** test_with: nested scoped holds; the permits come back also when the block throws. */
    @ParameterizedTest(name = "bounded={0}")
    @ValueSource(booleans = {false, true})
    void holdGivesThePermitBackAlsoWhenItsBlockThrows(boolean bounded) throws Exception {
        SyncSemaphore s = sem(bounded, 2);
        for (boolean fail : new boolean[] {false, true}) {
            try (SyncLock.Held outer = s.hold()) {
                assertThat(s.tryAcquire()).isTrue();
                s.release();
                try (SyncLock.Held inner = s.hold()) {
                    assertThat(s.tryAcquire()).isFalse();
                    if (fail) {
                        throw new IllegalStateException("inside the block");
                    }
                }
            } catch (IllegalStateException e) {
                assertThat(fail).isTrue();
            }
            assertThat(s.tryAcquire()).isTrue();
            s.release();
            assertThat(s.available()).isEqualTo(2);
        }
    }

    /** SemaphoreTests.test_release_unacquired: an unbounded release without an acquire adds a permit. */
    @Test
    void anUnboundedReleaseWithoutAcquireAddsAPermit() throws Exception {
        SyncSemaphore s = family.semaphore("s", 1);
        s.release();
        s.acquire();
        s.acquire();
        s.release();
        assertThat(s.available()).isEqualTo(1);
    }

    /** BoundedSemaphoreTests.test_release_unacquired: a BoundedSemaphore(1) refuses a release beyond its value. */
    @Test
    void aBoundedSemaphoreOfOneRefusesAReleaseBeyondIt() throws Exception {
        SyncSemaphore s = family.boundedSemaphore("b", 1);
        assertThatThrownBy(s::release).isInstanceOf(IllegalStateException.class);
        s.acquire();
        s.release();
        assertThatThrownBy(s::release).isInstanceOf(IllegalStateException.class);
        assertThat(s.available()).isEqualTo(1);
    }
}
