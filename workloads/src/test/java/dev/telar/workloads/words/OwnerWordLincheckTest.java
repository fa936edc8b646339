package dev.telar.workloads.words;

import dev.telar.workloads.LincheckJar;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lock word under Lincheck's model checker: threads stand for processes (owner id = thread + 1)
 * and add one to a plain counter under the lock; a "dying" participant takes the lock under an id
 * of 100 or more and never gives it back, as a process killed while holding it, and the others take
 * over from it. Specification: every increment sees the counter exactly as the previous one left it
 * (mutual exclusion, also across a takeover: exactly one waiter gets a dead holder's lock), and a
 * holder's release succeeds.
 */
@Timeout(60)
@Param(name = "thread", gen = ThreadIdGen.class)
public class OwnerWordLincheckTest {
    static {
        // The model checker's bootstrap jar is removed when this JVM exits (see LincheckJar).
        LincheckJar.removeAtExit();
    }

    private static final long FIRST_DEAD = 100;

    private final HeapWords words = new HeapWords(64);
    private final OwnerWord lock = new OwnerWord(words, 8);
    private final java.util.concurrent.atomic.AtomicLong nextDead = new java.util.concurrent.atomic.AtomicLong(FIRST_DEAD);
    private long counter;

    private static boolean dead(long owner) {
        return owner >= FIRST_DEAD;
    }

    private void take(long me) {
        while (!lock.tryTake(me)) {
            long holder = lock.owner();
            if (holder != 0 && dead(holder) && lock.takeOver(holder, me)) {
                return;
            }
        }
    }

    /** @return the counter after this increment, or -1 when the release failed */
    @Operation
    public long increment(@Param(name = "thread") int thread) {
        long me = thread + 1;
        take(me);
        long value = counter + 1;
        counter = value;
        return lock.release(me) ? value : -1;
    }

    /** Takes the lock and dies holding it. */
    @Operation
    public void dieHolding() {
        take(nextDead.getAndIncrement());
    }

    /** What the operations mean, one at a time. */
    public static class Specification {
        private long counter;

        public long increment(int thread) {
            return ++counter;
        }

        public void dieHolding() {
        }
    }

    @Test
    void incrementsUnderTheLockAreExactAcrossTakeovers() {
        new ModelCheckingOptions()
                .iterations(20)
                .invocationsPerIteration(300)
                .threads(3)
                .actorsPerThread(2)
                .actorsBefore(1)
                .actorsAfter(1)
                .sequentialSpecification(Specification.class)
                .check(OwnerWordLincheckTest.class);
    }
}
