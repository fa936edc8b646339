package dev.telar.workloads.sync;

import static dev.telar.workloads.sync.Workers.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a Barrier must do, for threads and for processes; the last tests port CPython's
 * {@code Lib/test/lock_tests.py} BarrierTests (five parties: four worker threads and the test's
 * own thread). Where CPython's barrier has a default timeout of 2 s only so that a failing test
 * ends, these use {@link Workers#PATIENCE}; a late party waits until the barrier is broken
 * rather than sleeping.
 */
public abstract class BarrierContract extends FamilyTest {
    private List<Workers.Worker<Integer>> arrive(SyncBarrier b, int n, String prefix) {
        List<Workers.Worker<Integer>> ws = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ws.add(workers.start(prefix + i, b::await));
        }
        return ws;
    }

    @Test
    void allGoOnTogetherWithDistinctArrivalIndexes() throws Exception {
        SyncBarrier b = family.barrier("b", 3, null, null);
        var ws = arrive(b, 2, "party-");
        eventually("two wait", () -> b.state().arrived() == 2 && b.state().waiting().size() == 2);
        assertThat(b.waiting()).isEqualTo(2);
        assertThat(ws.get(0).isAlive() && ws.get(1).isAlive()).isTrue();
        int mine = b.await();
        List<Integer> indexes = new ArrayList<>(List.of(mine, ws.get(0).join(), ws.get(1).join()));
        assertThat(mine).as("the last to arrive").isEqualTo(2);
        assertThat(indexes).containsExactlyInAnyOrder(0, 1, 2);
        BarrierState st = b.state();
        assertThat(st.rounds()).isEqualTo(1);
        assertThat(st.generation()).isEqualTo(1);
        assertThat(st.arrived()).isZero();
        assertThat(st.broken()).isFalse();
        assertThat(st.parties()).isEqualTo(3);
    }

    @Test
    void theActionRunsOncePerRoundBeforeAnyoneGoesOn() throws Exception {
        AtomicInteger actions = new AtomicInteger();
        SharedCounters seen = family.counters("seen", 1);
        SyncBarrier b = family.barrier("b", 2, actions::incrementAndGet, null);
        var other = workers.start("other", () -> {
            for (int r = 0; r < 5; r++) {
                b.await();
                seen.max(0, actions.get());
            }
            return null;
        });
        for (int r = 1; r <= 5; r++) {
            b.await();
            assertThat(actions.get()).as("action of round %d ran before the release", r).isGreaterThanOrEqualTo(r);
        }
        other.join();
        assertThat(actions.get()).isEqualTo(5);
        assertThat(b.state().rounds()).isEqualTo(5);
    }

    @Test
    void aTimeoutBreaksTheBarrierForEveryone() throws Exception {
        SyncBarrier b = family.barrier("b", 3, null, null);
        var patient = workers.start("patient", b::await);
        eventually("one waits", () -> b.state().arrived() == 1);
        assertThatThrownBy(() -> b.await(Duration.ofMillis(30))).isInstanceOf(BarrierBrokenException.class);
        assertThat(patient.failure()).isInstanceOf(BarrierBrokenException.class);
        assertThat(b.isBroken()).isTrue();
        assertThatThrownBy(b::await).as("stays broken").isInstanceOf(BarrierBrokenException.class)
                .hasMessageContaining("timed out");
        b.reset();
        assertThat(b.isBroken()).isFalse();
        var again = arrive(b, 2, "again-");
        eventually("two arrived again", () -> b.state().arrived() == 2);
        assertThat(b.await(Workers.PATIENCE)).isEqualTo(2);
        for (var w : again) {
            w.join();
        }
    }

    @Test
    void theDefaultTimeoutApplies() throws Exception {
        SyncBarrier b = family.barrier("b", 2, null, Duration.ofMillis(30));
        long t0 = System.nanoTime();
        assertThatThrownBy(b::await).isInstanceOf(BarrierBrokenException.class);
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(30_000_000L);
        assertThat(b.isBroken()).isTrue();
    }

    @Test
    void abortBreaksWaitersAndLaterArrivalsUntilReset() throws Exception {
        SyncBarrier b = family.barrier("b", 3, null, null);
        var ws = arrive(b, 2, "party-");
        eventually("two wait", () -> b.state().arrived() == 2);
        b.abort();
        for (var w : ws) {
            assertThat(w.failure()).isInstanceOf(BarrierBrokenException.class).hasMessageContaining("abort");
        }
        assertThat(b.state().broken()).isTrue();
        assertThatThrownBy(() -> b.await(Workers.PATIENCE)).isInstanceOf(BarrierBrokenException.class);
        b.reset();
        assertThat(b.state().broken()).isFalse();
        assertThat(b.state().arrived()).isZero();
    }

    @Test
    void resetBreaksCurrentWaitersAndLeavesTheBarrierWhole() throws Exception {
        SyncBarrier b = family.barrier("b", 2, null, null);
        var w = workers.start("waiter", b::await);
        eventually("one waits", () -> b.state().arrived() == 1);
        long gen = b.state().generation();
        b.reset();
        assertThat(w.failure()).isInstanceOf(BarrierBrokenException.class);
        assertThat(b.isBroken()).isFalse();
        assertThat(b.state().generation()).isEqualTo(gen + 1);
        assertThat(b.state().rounds()).isZero();
        var next = workers.start("next", b::await);
        eventually("next waits", () -> b.state().arrived() == 1);
        assertThat(b.await(Workers.PATIENCE)).isEqualTo(1);
        assertThat(next.join()).isZero();
    }

    @Test
    void aFailingActionBreaksTheBarrier() throws Exception {
        SyncBarrier b = family.barrier("b", 2, () -> {
            throw new IllegalStateException("action failed");
        }, null);
        var first = workers.start("first", b::await);
        eventually("one waits", () -> b.state().arrived() == 1);
        assertThatThrownBy(b::await).isInstanceOf(BarrierBrokenException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(first.failure()).isInstanceOf(BarrierBrokenException.class);
        assertThat(b.isBroken()).isTrue();
    }

    @Test
    void anInterruptedWaiterBreaksTheBarrier() throws Exception {
        SyncBarrier b = family.barrier("b", 2, null, null);
        var w = workers.start("waiter", b::await);
        eventually("one waits", () -> b.state().arrived() == 1);
        w.thread().interrupt();
        assertThat(w.failure()).isInstanceOf(InterruptedException.class);
        assertThat(b.isBroken()).isTrue();
    }

    /** Phases in lock-step: nobody starts phase k+1 before everyone finished phase k. */
    @Test
    void phasesStayInStep() throws Exception {
        int parties = 4;
        int rounds = scaled(1_000);
        SyncBarrier b = family.barrier("b", parties, null, null);
        SharedCounters done = family.counters("done", 2); // 0: phase completions, 1: violations
        List<Workers.Worker<Object>> ws = new ArrayList<>();
        for (int t = 0; t < parties; t++) {
            ws.add(workers.start("phase-" + t, () -> {
                for (int r = 0; r < rounds; r++) {
                    done.add(0, 1);
                    b.await();
                    if (done.get(0) < (long) parties * (r + 1)) {
                        done.add(1, 1);
                    }
                }
                return null;
            }));
        }
        for (var w : ws) {
            w.join();
        }
        assertThat(done.get(1)).as("someone went on before all had finished the phase").isZero();
        assertThat(done.get(0)).isEqualTo((long) parties * rounds);
        assertThat(b.state().rounds()).isEqualTo(rounds);
        assertThat(b.state().generation()).isEqualTo(rounds);
    }

    // ---- CPython lock_tests.py, BarrierTests ----
    private static final int N = 5;

    /** A body each of the five parties runs. */
    @FunctionalInterface
    private interface PartyBody {
        void run() throws Exception;
    }

    /** Runs {@code body} in four worker threads and in this thread, and waits for all; re-throws what any threw. */
    private void runParties(PartyBody body) throws Exception {
        List<Workers.Worker<Object>> ws = new ArrayList<>();
        for (int i = 0; i < N - 1; i++) {
            ws.add(workers.start("party-" + i, () -> {
                body.run();
                return null;
            }));
        }
        body.run();
        for (var w : ws) {
            w.join();
        }
    }

    private SyncBarrier barrierOfFive() {
        return family.barrier("b", N, null, Workers.PATIENCE);
    }

    /** CPython's multipass: before each wait everyone has counted in, after it everyone has counted in again. */
    private void passesInLockstep(int passes) throws Exception {
        SyncBarrier b = barrierOfFive();
        AtomicInteger before = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        runParties(() -> {
            for (int i = 0; i < passes; i++) {
                before.incrementAndGet();
                assertThat(after.get()).isEqualTo(i * N);
                b.await();
                after.incrementAndGet();
                assertThat(before.get()).isEqualTo((i + 1) * N);
                b.await();
            }
            assertThat(b.waiting()).isZero();
            assertThat(b.isBroken()).isFalse();
        });
        assertThat(b.state().rounds()).isEqualTo(2L * passes);
    }

    /** test_barrier. */
    @Test
    void fivePartiesPassInLockstep() throws Exception {
        passesInLockstep(1);
    }

    /** test_barrier_10. */
    @Test
    void fivePartiesPassInLockstepTenTimes() throws Exception {
        passesInLockstep(10);
    }

    /** test_wait_return: the arrival indexes of a round are 0 to 4. */
    @Test
    void theArrivalIndexesOfARoundAreZeroToFour() throws Exception {
        SyncBarrier b = barrierOfFive();
        java.util.concurrent.ConcurrentLinkedQueue<Integer> indexes = new java.util.concurrent.ConcurrentLinkedQueue<>();
        runParties(() -> indexes.add(b.await()));
        assertThat(indexes).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    /** test_action: the action has run, once, when any party goes on. */
    @Test
    void theActionHasRunOnceWhenAnyPartyGoesOn() throws Exception {
        AtomicInteger actions = new AtomicInteger();
        SyncBarrier b = family.barrier("b", N, actions::incrementAndGet, Workers.PATIENCE);
        runParties(() -> {
            b.await();
            assertThat(actions.get()).isEqualTo(1);
        });
    }

    /** test_abort: a party that aborts in the second round breaks it for the four others. */
    @Test
    void anAbortInARoundBreaksItForTheOthers() throws Exception {
        SyncBarrier b = barrierOfFive();
        AtomicInteger passed = new AtomicInteger();
        AtomicInteger broken = new AtomicInteger();
        runParties(() -> {
            if (b.await() == N / 2) {
                b.abort();
                return;
            }
            try {
                b.await();
                passed.incrementAndGet();
            } catch (BarrierBrokenException e) {
                broken.incrementAndGet();
            }
        });
        assertThat(passed.get()).isZero();
        assertThat(broken.get()).isEqualTo(N - 1);
        assertThat(b.isBroken()).isTrue();
    }

    /** test_reset: a reset once the four others wait frees them (broken), and all five pass again. */
    @Test
    void aResetFreesTheWaitersAndAllPassAgain() throws Exception {
        SyncBarrier b = barrierOfFive();
        AtomicInteger passed = new AtomicInteger();
        AtomicInteger broken = new AtomicInteger();
        AtomicInteger again = new AtomicInteger();
        runParties(() -> {
            if (b.await() == N / 2) {
                eventually("the four others wait", () -> b.waiting() == N - 1);
                b.reset();
            } else {
                try {
                    b.await();
                    passed.incrementAndGet();
                } catch (BarrierBrokenException e) {
                    broken.incrementAndGet();
                }
            }
            b.await();
            again.incrementAndGet();
        });
        assertThat(passed.get()).isZero();
        assertThat(broken.get()).isEqualTo(N - 1);
        assertThat(again.get()).isEqualTo(N);
    }

    /** test_abort_and_reset: an aborted barrier, reset once everyone has left it, is passed again. */
    @Test
    void anAbortedBarrierResetOnceEveryoneLeftIsPassedAgain() throws Exception {
        SyncBarrier b = barrierOfFive();
        SyncBarrier meeting = family.barrier("meeting", N, null, Workers.PATIENCE);
        AtomicInteger passed = new AtomicInteger();
        AtomicInteger broken = new AtomicInteger();
        AtomicInteger again = new AtomicInteger();
        runParties(() -> {
            if (b.await() == N / 2) {
                b.abort();
            } else {
                try {
                    b.await();
                    passed.incrementAndGet();
                } catch (BarrierBrokenException e) {
                    broken.incrementAndGet();
                }
            }
            // everyone has left the broken barrier before the reset, and nobody enters it before
            if (meeting.await() == N / 2) {
                b.reset();
            }
            meeting.await();
            b.await();
            again.incrementAndGet();
        });
        assertThat(passed.get()).isZero();
        assertThat(broken.get()).isEqualTo(N - 1);
        assertThat(again.get()).isEqualTo(N);
    }

    /** test_timeout: while one party is late, the others' timed waits break the barrier; the late one finds it broken. */
    @Test
    void aTimedWaitBreaksTheBarrierWhileOnePartyIsLate() throws Exception {
        SyncBarrier b = barrierOfFive();
        runParties(() -> {
            if (b.await() == N / 2) {
                eventually("the others' timeout broke the barrier", b::isBroken);
            }
            assertThatThrownBy(() -> b.await(LockContract.SHORT)).isInstanceOf(BarrierBrokenException.class);
        });
    }

    /** test_default_timeout: the same with the barrier's default timeout (the first round waits as long as it takes). */
    @Test
    void theDefaultTimeoutBreaksTheBarrierWhileOnePartyIsLate() throws Exception {
        SyncBarrier b = family.barrier("b", N, null, LockContract.SHORT);
        runParties(() -> {
            if (b.await(Workers.PATIENCE) == N / 2) {
                eventually("the others' timeout broke the barrier", b::isBroken);
            }
            assertThatThrownBy(b::await).isInstanceOf(BarrierBrokenException.class);
        });
    }

    /** test_single_thread: a barrier of one never waits. */
    @Test
    void aBarrierOfOneNeverWaits() throws Exception {
        SyncBarrier b = family.barrier("one", 1, null, null);
        assertThat(b.await()).isZero();
        assertThat(b.await()).isZero();
        assertThat(b.state().rounds()).isEqualTo(2);
    }
}
