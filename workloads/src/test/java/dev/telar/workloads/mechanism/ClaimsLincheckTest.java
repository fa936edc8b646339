package dev.telar.workloads.mechanism;

import dev.telar.workloads.LincheckJar;
import dev.telar.workloads.words.HeapWords;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A shared queue's claims under Lincheck's model checker: one producer stages messages in a lane,
 * consumers on three threads (each with its own {@link Claims} and slot, as each
 * {@link SharedQueue.Consumer} has) claim them, settling each other's claims as they go.
 * Specification: claims hand out 0, 1, 2, ... each exactly once, never a message not written yet,
 * and "nothing" only when all written ones are taken.
 */
@Timeout(60)
@Param(name = "thread", gen = ThreadIdGen.class)
public class ClaimsLincheckTest {
    static {
        // The model checker's bootstrap jar is removed when this JVM exits (see LincheckJar).
        LincheckJar.removeAtExit();
    }

    private static final long TAKEN = 0;
    private static final long STAGE = 64;
    private static final long SLOTS = 128;
    private static final long CONSUMER_SLOTS = 0;

    private final HeapWords lane = new HeapWords(1024);
    private final HeapWords slots = new HeapWords(256);
    private final StagingArea staged = new StagingArea(lane, STAGE, SLOTS, 32);
    private final Claims[] claims = new Claims[8];
    private int written;

    public ClaimsLincheckTest() {
        for (int i = 0; i < claims.length; i++) {
            claims[i] = new Claims(slots, CONSUMER_SLOTS, i, 1);
            slots.put(Claims.claimAt(CONSUMER_SLOTS, i), Claims.IDLE);
        }
    }

    @Operation(nonParallelGroup = "producer")
    public void put() {
        staged.stage(0, written, written, written);
        written++;
    }

    /** @return the claimed message's number, -1 when none is left */
    @Operation
    public long claim(@Param(name = "thread") int thread) {
        Claims mine = claims[thread];
        long held = mine.claim(0, lane, TAKEN, staged);
        if (held == Claims.IDLE) {
            mine.idle();
            return -1;
        }
        mine.returned(held);
        return Claims.seqOf(held);
    }

    /** What the operations mean, one at a time. */
    public static class Specification {
        private long written;
        private long taken;

        public void put() {
            written++;
        }

        public long claim(int thread) {
            return taken < written ? taken++ : -1;
        }
    }

    @Test
    void everyWrittenMessageIsClaimedExactlyOnce() {
        new ModelCheckingOptions()
                .iterations(20)
                .invocationsPerIteration(200)
                .threads(3)
                .actorsPerThread(2)
                .actorsBefore(2)
                .actorsAfter(1)
                .sequentialSpecification(Specification.class)
                .check(ClaimsLincheckTest.class);
    }
}
