package dev.telar.workloads.sync;

import static dev.telar.workloads.sync.Workers.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** What Semaphore and BoundedSemaphore must do, for threads and for processes. */
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
        int rounds = 2_000;
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
}
