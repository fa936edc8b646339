package dev.telar.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A futex word in native memory: a sleeper is woken by another thread, a stale value returns at once, a timeout ends the wait. */
class FutexTest {
    private static Memory word() {
        Memory m = new Memory(8);
        m.setInt(0, 0);
        return m;
    }

    @Test
    void aSleeperIsWokenAndAStaleValueDoesNotSleep() throws Exception {
        assumeTrue(Futex.available(), "futexes need Linux on x86-64 or AArch64");
        Memory word = word();
        long address = Pointer.nativeValue(word);
        long t0 = System.nanoTime();
        Futex.await(address, 1, 5_000_000_000L); // the word holds 0, not 1: no sleep
        assertThat(System.nanoTime() - t0).isLessThan(1_000_000_000L);

        AtomicLong wokeAfter = new AtomicLong(-1);
        Thread sleeper = new Thread(() -> {
            long s = System.nanoTime();
            while (word.getInt(0) == 0) {
                Futex.await(address, 0, 5_000_000_000L);
            }
            wokeAfter.set(System.nanoTime() - s);
        });
        sleeper.start();
        Thread.sleep(50); // let it fall asleep; the assertion below does not depend on it
        word.setInt(0, 1);
        Futex.wake(address, Integer.MAX_VALUE);
        sleeper.join(5_000);
        assertThat(sleeper.isAlive()).isFalse();
        assertThat(wokeAfter.get()).as("woken, not timed out").isBetween(0L, 4_000_000_000L);
    }

    @Test
    void aWaitTimesOut() {
        assumeTrue(Futex.available(), "futexes need Linux on x86-64 or AArch64");
        Memory word = word();
        long t0 = System.nanoTime();
        Futex.await(Pointer.nativeValue(word), 0, 20_000_000L);
        assertThat(System.nanoTime() - t0).isBetween(15_000_000L, 2_000_000_000L);
        assertThat(Futex.wake(Pointer.nativeValue(word), 1)).isZero();
    }
}
