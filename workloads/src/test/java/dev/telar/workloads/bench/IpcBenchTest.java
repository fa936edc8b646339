package dev.telar.workloads.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.workloads.mechanism.ExchangeLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code telar bench ipc}'s machinery with real child JVMs, a short warm-up and few messages. */
class IpcBenchTest {
    @TempDir
    Path dir;

    @Test
    void everyMechanismRunsItsRoundsAndTheLockedCountersHoldEveryIncrement() throws Exception {
        List<BenchFigure> seen = new ArrayList<>();
        List<BenchFigure> figures = IpcBench.run(dir, ExchangeLimits.defaults(), WarmUp.BRIEF, IpcBench.NAMES, 5_000,
                seen::add);

        assertThat(figures).extracting(BenchFigure::name).containsExactlyElementsOf(IpcBench.NAMES);
        assertThat(seen).isEqualTo(figures);
        for (BenchFigure f : figures) {
            assertThat(f.roundSeconds()).as(f.name()).hasSize(IpcBench.ROUNDS);
            assertThat(java.util.Arrays.stream(f.roundSeconds()).min().orElseThrow()).as(f.name()).isPositive();
            assertThat(f.opsPerSecond()).as(f.name()).isPositive();
            // the median round: as many rounds faster as slower
            double[] rates = f.roundRates();
            long faster = java.util.Arrays.stream(rates).filter(r -> r > f.opsPerSecond()).count();
            long slower = java.util.Arrays.stream(rates).filter(r -> r < f.opsPerSecond()).count();
            assertThat(faster).as(f.name()).isEqualTo(slower);
        }
        // The peer's counts: pipe and queue N messages; value N/2 per process; array N per process; dict N/50.
        assertThat(figures.get(0).operations()).isEqualTo(5_000);
        assertThat(figures.get(1).operations()).isEqualTo(5_000);
        assertThat(figures.get(2).operations()).isEqualTo(5_000);
        assertThat(figures.get(3).operations()).isEqualTo(10_000);
        assertThat(figures.get(4).operations()).isEqualTo(200);
        // verified: the shared value and dict entry equal rounds x increments exactly (else run throws)
        assertThat(figures).filteredOn(BenchFigure::verified).extracting(BenchFigure::name)
                .containsExactly("value_locked_incr", "manager_dict_locked_incr");
        assertThat(figures.get(0).p50Micros()).isPositive();
        assertThat(figures.get(0).p99Micros()).isGreaterThanOrEqualTo(figures.get(0).p50Micros());
        // every run directory was removed
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void onlyTheNamedMechanismsRun() throws Exception {
        List<BenchFigure> figures = IpcBench.run(dir, ExchangeLimits.defaults(), WarmUp.BRIEF,
                List.of("manager_dict_locked_incr"), 1_000, f -> { });
        assertThat(figures).extracting(BenchFigure::name).containsExactly("manager_dict_locked_incr");
        assertThat(figures.get(0).verified()).isTrue();
    }

    @Test
    void anUnknownMechanismOrCountIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> IpcBench.run(dir, ExchangeLimits.defaults(), WarmUp.BRIEF, List.of("smoke"), 1_000,
                f -> { })).hasMessage("unknown mechanism smoke (valid: pipe, queue, value_locked_incr, array_store, "
                        + "manager_dict_locked_incr)");
        assertThatThrownBy(() -> IpcBench.run(dir, 5, f -> { }))
                .hasMessage("messages must be 100..1000000000, got 5");
    }

    @Test
    void warmUpStopsAtItsLongestEvenWhenThePaceNeverSettles() {
        WarmUp w = new WarmUp(Duration.ZERO, Duration.ofMillis(50));
        long[] n = {0};
        long t = System.nanoTime();
        // batches that take ever longer never look steady
        int batches = w.run(() -> {
            n[0]++;
            long until = System.nanoTime() + n[0] * n[0] * 20_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        });
        long ms = (System.nanoTime() - t) / 1_000_000;
        assertThat(batches).isGreaterThanOrEqualTo(WarmUp.STEADY_BATCHES);
        assertThat(ms).isBetween(50L, 2_000L);
        assertThat(WarmUp.steady(new long[] {100, 105, 109})).isTrue();
        assertThat(WarmUp.steady(new long[] {100, 105, 111})).isFalse();
        assertThat(WarmUp.parse("1000:4000")).isEqualTo(WarmUp.BENCHMARK);
        assertThatThrownBy(() -> WarmUp.parse("4000")).hasMessage("warm-up must be LEAST_MS:MOST_MS, got 4000");
    }
}
