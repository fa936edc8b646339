package dev.telar.workloads.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.lab.LabEngine;
import dev.telar.workloads.mechanism.ExchangeLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every step of the lesson on the real engine (child JVMs, Chronicle files, scenarios), at a tiny
 * budget: each one measures (or, for virtual threads on Java 17, says it cannot), its takeaway
 * holds for its own figures, its table has a figure for every run, and nothing is left in the run
 * directory.
 */
@Timeout(300)
class LessonRunnerTest {
    @TempDir
    Path parent;

    @Test
    void everyStepMeasuresWithATakeawayItsFiguresSupport() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        Map<LessonStep, StepFigures> all = new EnumMap<>(LessonStep.class);
        try (LabEngine lab = new LabEngine(parent, ExchangeLimits.defaults())) {
            LessonRunner runner = new LessonRunner(lab);
            LessonRunner.Calibrated calibrated = runner.calibrate(0.1, cores, Duration.ofSeconds(60));
            assertThat(calibrated.sizes()).as("calibration: %s", calibrated.problem()).isPresent();
            LessonSizes sizes = calibrated.sizes().get();
            assertThat(sizes.cpuDraws()).isPositive();
            for (LessonStep step : LessonStep.values()) {
                long t0 = System.nanoTime();
                all.put(step, runner.run(step, sizes, Duration.ofSeconds(60)));
                System.out.printf("lesson step %s: %d ms, key %s, takeaway %s%n", step.id(),
                        (System.nanoTime() - t0) / 1_000_000, all.get(step).key(), all.get(step).takeaway().code());
            }
        }
        for (StepFigures f : all.values()) {
            boolean virtualMissing = f.step() == LessonStep.VIRTUAL_THREADS && Runtime.version().feature() < 21;
            assertThat(f.outcome()).as("%s: %s", f.step(), f.problem())
                    .isEqualTo(virtualMissing ? StepFigures.Outcome.UNAVAILABLE : StepFigures.Outcome.MEASURED);
            assertThat(f.takeaway().code().holds(f)).as("%s takeaway %s", f.step(), f.takeaway()).isTrue();
            if (f.measured()) {
                assertThat(f.key().present()).as(f.step().id()).isTrue();
                assertThat(f.rows()).as(f.step().id()).isNotEmpty();
                assertThat(f.rows().stream().filter(r -> !r.here().present() && !r.lecture().present())).isEmpty();
                assertThat(f.allExact()).as("%s totals", f.step()).isTrue();
            }
        }
        assertThat(all.get(LessonStep.RACE).lostWithLock()).isZero();
        assertThat(all.get(LessonStep.LOCK).lostWithLock()).isZero();
        assertThat(all.get(LessonStep.GIL).takeaway().code()).isIn(Takeaway.Code.NOT_FASTER, Takeaway.Code.FASTER);
        assertThat(all.get(LessonStep.EXCHANGE_MECHANISMS).rows()).hasSize(2 * LessonStep.MECHANISMS.size());
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).as("run directories left").isEmpty();
        }
    }
}
