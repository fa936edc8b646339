package dev.telar.workloads.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The heap's warm-up ends with the young generation just emptied, whatever the collector. */
class HeapPrefaultTest {
    @Test
    void fillingTheYoungGenerationCollectsItHereAndNotLater() {
        long before = HeapPrefault.collections();
        long touched = HeapPrefault.touchYoungGeneration();
        assertThat(HeapPrefault.collections()).as("collections during the warm-up").isGreaterThan(before);
        assertThat(touched).isPositive().isLessThanOrEqualTo(HeapPrefault.MAX_BYTES);
    }
}
