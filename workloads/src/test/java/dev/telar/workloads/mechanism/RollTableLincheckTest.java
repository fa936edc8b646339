package dev.telar.workloads.mechanism;

import dev.telar.workloads.LincheckJar;
import dev.telar.workloads.words.HeapWords;
import dev.telar.workloads.words.ReorderingWords;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A lane's cycle table under Lincheck's model checker, in a ring of two entries: one writer records
 * cycles 1, 2, 3, ... (cycle {@code c} starting with message {@code 10 c}); a reader copies the
 * table. Specification: every entry the reader gets is whole (its first message is its own cycle's)
 * and the entries are consecutive cycles. The writer's release writes may be overtaken by its later plain
 * writes ({@link ReorderingWords}), as on ARM.
 */
@Timeout(60)
public class RollTableLincheckTest {
    static {
        // The model checker's bootstrap jar is removed when this JVM exits (see LincheckJar).
        LincheckJar.removeAtExit();
    }

    private static final int SLOTS = 2;

    private final HeapWords shared = new HeapWords(128);
    private final ReorderingWords writerView = new ReorderingWords(shared);
    private final RollTable writerSide = new RollTable(writerView, 0, 64, SLOTS);
    private final RollTable readerSide = new RollTable(shared, 0, 64, SLOTS);
    private long recorded;
    private final long[] cycles = new long[SLOTS];
    private final long[] firsts = new long[SLOTS];

    @Operation(nonParallelGroup = "writer")
    public void roll() {
        recorded++;
        // No flush at the end: the count may still be pending when the next entry is written,
        // which is where a missing fence would show.
        writerSide.record(recorded, 10 * recorded);
    }

    /** @return true when every entry read was whole and they followed each other */
    @Operation(nonParallelGroup = "reader")
    public boolean read() {
        int n = readerSide.read(cycles, firsts);
        for (int k = 0; k < n; k++) {
            if (firsts[k] != 10 * cycles[k] || k > 0 && cycles[k] != cycles[k - 1] + 1) {
                return false;
            }
        }
        return true;
    }

    /** What the operations mean, one at a time. */
    public static class Specification {
        public void roll() {
        }

        public boolean read() {
            return true;
        }
    }

    @Test
    void aReaderNeverGetsAHalfOverwrittenEntry() throws Exception {
        // The interleaving that matters, always checked: the ring is full and the writer
        // overwrites the oldest entries while the reader copies them.
        Actor roll = new Actor(getClass().getMethod("roll"), List.of(), false, false, false, false, false);
        Actor read = new Actor(getClass().getMethod("read"), List.of(), false, false, false, false, false);
        ExecutionScenario overwrite = new ExecutionScenario(List.of(roll, roll),
                List.of(List.of(roll, roll), List.of(read, read)), List.of(read), null);
        new ModelCheckingOptions()
                .addCustomScenario(overwrite)
                .iterations(10)
                .invocationsPerIteration(250)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(1)
                .sequentialSpecification(Specification.class)
                .check(RollTableLincheckTest.class);
    }
}
