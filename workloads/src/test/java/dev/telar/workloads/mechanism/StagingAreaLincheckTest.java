package dev.telar.workloads.mechanism;

import dev.telar.workloads.LincheckJar;
import dev.telar.workloads.words.HeapWords;
import dev.telar.workloads.words.ReorderingWords;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lane's staging area under Lincheck's model checker: one writer stages messages in a
 * two-slot area (moving full batches to a "journal" and restarting the area, as {@link LaneWriter}
 * does), one reader takes them by number (from the area, else the journal, as {@link LaneReader}
 * does). Specification: the reader gets every message exactly once, in order, with its own key and
 * value; "not written yet" only when it is not. The writer's release writes may be overtaken by its
 * later plain writes ({@link ReorderingWords}), as on ARM: without the fence after a restart, the
 * reader takes the first message of the new batch for the first of the old one.
 */
@Timeout(60)
public class StagingAreaLincheckTest {
    static {
        // The model checker's bootstrap jar is removed when this JVM exits (see LincheckJar).
        LincheckJar.removeAtExit();
    }

    private static final int SLOTS = 2;
    private static final long WORD = 0;
    private static final long SLOTS_AT = 64;
    private static final long KEY0 = 100;

    private final HeapWords shared = new HeapWords(256);
    private final ReorderingWords writerView = new ReorderingWords(shared);
    private final StagingArea writerSide = new StagingArea(writerView, WORD, SLOTS_AT, SLOTS);
    private final StagingArea readerSide = new StagingArea(shared, WORD, SLOTS_AT, SLOTS);
    /** Keys of the messages moved out of the area, by number; written before the area restarts. */
    private final AtomicLongArray journal = new AtomicLongArray(32);
    private long base;
    private int count;
    private long next;
    private final long[] keys = new long[SLOTS];
    private final double[] values = new double[SLOTS];

    /** Writes the next message: key {@code 100 + n}, value {@code n}. */
    @Operation(nonParallelGroup = "writer")
    public void write() {
        if (count == SLOTS) {
            for (int i = 0; i < count; i++) {
                journal.set((int) (base + i), KEY0 + base + i);
            }
            base += count;
            count = 0;
            writerSide.restart(base);
        }
        long seq = base + count;
        writerSide.stage(base, count, KEY0 + seq, seq);
        count++;
        writerView.flush(); // visible at the latest when the call returns
    }

    /**
     * Reads the next message.
     *
     * @return its key; -1 when it is not written yet; -2 when the value is not the key's
     */
    @Operation(nonParallelGroup = "reader")
    public long read() {
        int n = readerSide.read(next, keys, values);
        if (n == StagingArea.NOT_WRITTEN) {
            return -1;
        }
        long key;
        double value;
        if (n > 0) {
            key = keys[0];
            value = values[0];
        } else {
            key = journal.get((int) next);
            value = key - KEY0;
        }
        next++;
        return value == key - KEY0 ? key : -2;
    }

    /** What the two operations mean, one at a time. */
    public static class Specification {
        private long written;
        private long next;

        public void write() {
            written++;
        }

        public long read() {
            return next < written ? KEY0 + next++ : -1;
        }
    }

    @Test
    void everyMessageIsReadOnceInOrderEvenWhenReleaseWritesAreOvertaken() throws Exception {
        // The interleaving that matters, always checked: the area is full; the writer restarts it
        // and stages message 2 while the reader asks for message 0.
        Actor write = new Actor(getClass().getMethod("write"), List.of(), false, false, false, false, false);
        Actor read = new Actor(getClass().getMethod("read"), List.of(), false, false, false, false, false);
        ExecutionScenario reuse = new ExecutionScenario(List.of(write, write),
                List.of(List.of(write, write), List.of(read, read)), List.of(read, read), null);
        new ModelCheckingOptions()
                .addCustomScenario(reuse)
                .iterations(20)
                .invocationsPerIteration(400)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(1)
                .sequentialSpecification(Specification.class)
                .check(StagingAreaLincheckTest.class);
    }
}
