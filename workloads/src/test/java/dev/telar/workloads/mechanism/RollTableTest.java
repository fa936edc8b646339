package dev.telar.workloads.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.words.HeapWords;
import org.junit.jupiter.api.Test;

/** Which journal cycle holds a message, as a lagging reader asks it (see {@link LaggingReaderTest}). */
class RollTableTest {
    private final RollTable table = new RollTable(new HeapWords(8 + 4 * 16), 0, 8, 4);

    @Test
    void theNewestCycleStartingAtOrBelowAMessageHoldsIt() {
        table.record(10, 0);  // the writer's empty first document
        table.record(11, 0);  // the first batch went into the next second
        table.record(12, 64);
        table.record(14, 200);
        assertThat(table.cycleHolding(0)).isEqualTo(11);
        assertThat(table.cycleHolding(63)).isEqualTo(11);
        assertThat(table.cycleHolding(64)).isEqualTo(12);
        assertThat(table.cycleHolding(199)).isEqualTo(12);
        assertThat(table.cycleHolding(200)).isEqualTo(14);
        assertThat(table.cycleHolding(1_000_000)).isEqualTo(14);
    }

    @Test
    void aMessageOlderThanEveryEntryLeftIsNotPlaced() {
        for (int e = 0; e < 6; e++) {
            table.record(20 + e, 100L * e); // six entries in four slots: 20 and 21 are gone
        }
        assertThat(table.cycleHolding(150)).as("its entry was overwritten").isEqualTo(-1);
        assertThat(table.cycleHolding(250)).as("the oldest slot is the next one written: in doubt").isEqualTo(-1);
        assertThat(table.cycleHolding(350)).isEqualTo(23);
        assertThat(table.cycleHolding(599)).isEqualTo(25);
        assertThat(new RollTable(new HeapWords(72), 0, 8, 4).cycleHolding(0)).as("empty table").isEqualTo(-1);
    }
}
