package dev.telar.workloads.sync;

import static dev.telar.workloads.sync.Workers.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** What every Lock (and RLock) must do, for threads and for processes. */
public abstract class LockContract extends FamilyTest {
    /** The lock under test. */
    protected SyncLock newLock() {
        return family.lock("l");
    }

    @Test
    void acquireAndReleaseShowInTheState() throws Exception {
        SyncLock lock = newLock();
        assertThat(lock.state().locked()).isFalse();
        lock.acquire();
        LockState held = lock.state();
        assertThat(held.locked()).isTrue();
        assertThat(isMe(held.holder().orElseThrow())).isTrue();
        assertThat(held.holdCount()).isEqualTo(1);
        assertThat(held.acquisitions()).isEqualTo(1);
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        lock.release();
        assertThat(lock.state().locked()).isFalse();
        assertThat(lock.state().holdCount()).isZero();
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void nonBlockingAndTimedAcquireFailWhileAnotherHolds() throws Exception {
        SyncLock lock = newLock();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        var holder = workers.start("holder", () -> {
            lock.acquire();
            held.countDown();
            letGo.await();
            lock.release();
            return null;
        });
        held.await();
        assertThat(lock.tryAcquire()).isFalse();
        long t0 = System.nanoTime();
        assertThat(lock.tryAcquire(Duration.ofMillis(50))).isFalse();
        assertThat(System.nanoTime() - t0).as("waited the whole timeout").isGreaterThanOrEqualTo(50_000_000L);
        assertThat(lock.isHeldByCurrentThread()).isFalse();
        letGo.countDown();
        holder.join();
        assertThat(lock.tryAcquire(Duration.ofSeconds(5))).isTrue();
        lock.release();
    }

    @Test
    void releasingAFreeLockIsAnError() {
        SyncLock lock = newLock();
        assertThatThrownBy(lock::release).isInstanceOf(IllegalMonitorStateException.class).hasMessageContaining("unlocked");
    }

    @Test
    void releasingAnotherThreadsLockIsAnErrorAndLeavesItHeld() throws Exception {
        SyncLock lock = newLock();
        lock.acquire();
        var other = workers.start("intruder", () -> {
            lock.release();
            return null;
        });
        assertThat(other.failure()).isInstanceOf(IllegalMonitorStateException.class).hasMessageContaining("held by");
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        assertThatThrownBy(() -> workers.start("consistent", () -> {
            lock.markConsistent();
            return null;
        }).join()).isInstanceOf(IllegalMonitorStateException.class);
        lock.release();
    }

    @Test
    void theSameThreadAcquiringAgainWaitsUnlessReentrant() throws Exception {
        SyncLock lock = newLock();
        lock.acquire();
        if (lock.isReentrant()) {
            assertThat(lock.tryAcquire(Duration.ofMillis(20))).isTrue();
            assertThat(lock.state().holdCount()).isEqualTo(2);
            lock.release();
        } else {
            assertThat(lock.tryAcquire()).as("a Lock is not reentrant").isFalse();
            assertThat(lock.tryAcquire(Duration.ofMillis(20))).isFalse();
        }
        lock.release();
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void aBlockedWaiterIsListedAndGetsTheLockOnRelease() throws Exception {
        SyncLock lock = newLock();
        lock.acquire();
        var waiter = workers.start("waiter", () -> {
            lock.acquire();
            boolean mine = lock.isHeldByCurrentThread();
            lock.release();
            return mine;
        });
        eventually("the waiter is listed", () -> namesThreads(lock.state().waiters(), waiter.thread()));
        assertThat(waiter.isAlive()).isTrue();
        lock.release();
        assertThat(waiter.join()).isTrue();
        assertThat(lock.state().waiters()).isEmpty();
        assertThat(lock.state().acquisitions()).isEqualTo(2);
    }

    @Test
    void aWaiterCanBeInterrupted() throws Exception {
        SyncLock lock = newLock();
        lock.acquire();
        var waiter = workers.start("waiter", () -> {
            lock.acquire();
            return null;
        });
        eventually("the waiter is listed", () -> lock.state().waiters().size() == 1);
        waiter.thread().interrupt();
        assertThat(waiter.failure()).isInstanceOf(InterruptedException.class);
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        lock.release();
    }

    @Test
    void holdReleasesAtTheEndOfTheBlock() throws Exception {
        SyncLock lock = newLock();
        try (SyncLock.Held h = lock.hold()) {
            assertThat(lock.isHeldByCurrentThread()).isTrue();
        }
        assertThat(lock.isLocked()).isFalse();
        assertThat(lock.isAbandoned()).isFalse();
    }

    /** The lecture's point: read-modify-write of shared data under the lock loses no update. */
    @Test
    void noUpdateIsLostUnderTheLock() throws Exception {
        SyncLock lock = newLock();
        SharedCounters shared = family.counters("total", 1);
        int threads = 4;
        int each = 20_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Workers.Worker<Object>> ws = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            ws.add(workers.start("adder-" + t, () -> {
                go.await();
                for (int i = 0; i < each; i++) {
                    lock.acquire();
                    try {
                        shared.set(0, shared.get(0) + 1); // not atomic on its own
                    } finally {
                        lock.release();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (var w : ws) {
            w.join();
        }
        assertThat(shared.get(0)).isEqualTo((long) threads * each);
        assertThat(lock.state().acquisitions()).isEqualTo((long) threads * each);
        assertThat(lock.isLocked()).isFalse();
    }
}
