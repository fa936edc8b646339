package dev.telar.workloads.sync.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The result names {@code telar sync --json} prints, as each primitive's figures give them. */
class PrimitiveFiguresTest {
    @Test
    void everyFigureHasItsResultNameInOrder() {
        assertThat(new LockFigures(false, 7, 9, 4, 2, List.of(5L, 3L)).named()).containsExactly(entry("lock_on", 0L),
                entry("total", 7L), entry("expected", 9L), entry("updates", 4L), entry("lost_updates", 2L),
                entry("numbers_0", 5L), entry("numbers_1", 3L));
        assertThat(new RLockFigures(999_993, 7, 7, 2, 0).named()).containsExactly(entry("account_a", 999_993L),
                entry("account_b", 7L), entry("transfers", 7L), entry("deepest_hold_count", 2L), entry("violations", 0L));
        assertThat(new SemaphoreFigures(3, 1, 3, 20).named()).containsExactly(entry("permits", 3L), entry("inside", 1L),
                entry("most_inside", 3L), entry("uses", 20L));
        assertThat(new ConditionFigures(4, 2, 25, 23, 4).named()).containsExactly(entry("capacity", 4L),
                entry("in_buffer", 2L), entry("produced", 25L), entry("consumed", 23L), entry("fullest", 4L));
        assertThat(new EventFigures(2, 8, 4, 3, 1).named()).containsExactly(entry("cycles", 2L), entry("ready", 8L),
                entry("passes", 4L), entry("phases_done", 3L), entry("violations", 1L));
        assertThat(new BarrierFigures(2, 5, 11, 0).named()).containsExactly(entry("rounds", 2L),
                entry("target_rounds", 5L), entry("phases_done", 11L), entry("violations", 0L));
    }

    @ParameterizedTest
    @EnumSource(Primitive.class)
    void zeroFiguresBelongToTheirPrimitive(Primitive p) {
        PrimitiveFigures zero = PrimitiveFigures.zero(p);
        assertThat(zero.primitive()).isEqualTo(p);
        assertThat(zero.named()).isNotEmpty()
                .allSatisfy((name, value) -> assertThat(value).as(name).isEqualTo(name.equals("lock_on") ? 1L : 0L));
    }
}
