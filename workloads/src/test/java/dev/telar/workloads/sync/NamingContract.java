package dev.telar.workloads.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The families' naming rule: a name stands for one primitive; asking for it again with the same
 * kind and parameters gives that primitive, asking with another kind or other parameters is an
 * error that names both. For processes the rule holds between JVMs too: {@link #otherParticipant()}
 * is then a second family over the same directory, as a child JVM opens it.
 */
public abstract class NamingContract extends FamilyTest {
    /** How another participant reaches the same primitives: the same family for threads, a second one over the directory for processes. */
    protected abstract SyncPrimitives otherParticipant();

    private void refused(Runnable ask, String message) {
        assertThatThrownBy(ask::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void theSameNameAndParametersGiveTheSamePrimitive() {
        SyncSemaphore s = family.semaphore("s", 3);
        assertThat(s.tryAcquire()).isTrue();
        assertThat(family.semaphore("s", 3).available()).isEqualTo(2);
        try (SyncPrimitives other = otherParticipant()) {
            assertThat(other.semaphore("s", 3).available()).isEqualTo(2);
        }
        s.release();
    }

    @Test
    void aSemaphoreAskedWithAnotherValueOrBoundIsRefused() {
        family.semaphore("s", 3);
        refused(() -> family.semaphore("s", 5), "'s' is already a Semaphore(3), not a Semaphore(5)");
        refused(() -> family.boundedSemaphore("s", 3), "'s' is already a Semaphore(3), not a BoundedSemaphore(3)");
        try (SyncPrimitives other = otherParticipant()) {
            refused(() -> other.semaphore("s", 5), "'s' is already a Semaphore(3), not a Semaphore(5)");
            refused(() -> other.boundedSemaphore("s", 3), "'s' is already a Semaphore(3), not a BoundedSemaphore(3)");
        }
    }

    @Test
    void aBarrierAskedWithOtherPartiesOrTimeoutIsRefused() {
        family.barrier("b", 3, null, null);
        refused(() -> family.barrier("b", 4, null, null), "'b' is already a Barrier(3), not a Barrier(4)");
        refused(() -> family.barrier("b", 3, null, Duration.ofSeconds(2)),
                "'b' is already a Barrier(3), not a Barrier(3, timeout 2000 ms)");
        try (SyncPrimitives other = otherParticipant()) {
            refused(() -> other.barrier("b", 4, null, null), "'b' is already a Barrier(3), not a Barrier(4)");
            refused(() -> other.barrier("b", 3, null, Duration.ofSeconds(2)),
                    "'b' is already a Barrier(3), not a Barrier(3, timeout 2000 ms)");
            assertThat(other.barrier("b", 3, null, null).parties()).isEqualTo(3);
        }
    }

    @Test
    void aNameReopenedAsAnotherKindIsRefused() {
        family.lock("x");
        refused(() -> family.semaphore("x", 1), "'x' is already a Lock, not a Semaphore(1)");
        refused(() -> family.rlock("x"), "'x' is already a Lock, not an RLock");
        refused(() -> family.event("x"), "'x' is already a Lock, not an Event");
        try (SyncPrimitives other = otherParticipant()) {
            refused(() -> other.semaphore("x", 1), "'x' is already a Lock, not a Semaphore(1)");
            refused(() -> other.barrier("x", 2, null, null), "'x' is already a Lock, not a Barrier(2)");
            assertThat(other.lock("x").isLocked()).isFalse();
        }
        // the refused requests left nothing behind: the name is still the Lock's alone
        assertThat(family.lock("x").tryAcquire()).isTrue();
    }

    @Test
    void aConditionAskedOverAnotherLockIsRefused() {
        SyncLock l = family.lock("l");
        SyncLock m = family.lock("m");
        family.condition("c", l);
        refused(() -> family.condition("c", m), "'c' is already a Condition(Lock l), not a Condition(Lock m)");
        assertThat(family.condition("c", l).lock()).isSameAs(l);
    }

    @Test
    void countersAskedWithAnotherSizeAreRefused() {
        family.counters("n", 2);
        refused(() -> family.counters("n", 3), "'n' is already a Counters(2), not a Counters(3)");
        try (SyncPrimitives other = otherParticipant()) {
            refused(() -> other.counters("n", 3), "'n' is already a Counters(2), not a Counters(3)");
        }
    }
}
