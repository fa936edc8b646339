package dev.telar.workloads.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.lab.LabEngine;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.problem.ProblemCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steps of the lesson on the real engine at a tiny budget: the threads part measures with a
 * takeaway its own figures support; a step stopped by its deadline in the middle of a process
 * run reports why and leaves no child process and no run directory. (Every step, processes and
 * exchange included, runs in the handout's test and the tmux lesson test.)
 */
@Timeout(180)
class LessonRunnerTest {
    @TempDir
    Path parent;

    @Test
    void theThreadStepsMeasureWithATakeawayTheirFiguresSupport() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        try (LabEngine lab = new LabEngine(parent, ExchangeLimits.defaults())) {
            LessonRunner runner = new LessonRunner(lab);
            LessonRunner.Calibrated calibrated = runner.calibrate(0.1, cores, Duration.ofSeconds(60));
            assertThat(calibrated.sizes()).as("calibration: %s", calibrated.problem()).isPresent();
            LessonSizes sizes = calibrated.sizes().get();
            assertThat(sizes.cores()).isEqualTo(cores);
            for (LessonStep step : List.of(LessonStep.THREADS_IN_A_PROCESS, LessonStep.VIRTUAL_THREADS,
                    LessonStep.JVM_THREADS, LessonStep.GIL, LessonStep.GIL_IO, LessonStep.THREAD_LIMIT, LessonStep.LOCK)) {
                long t0 = System.nanoTime();
                StepFigures f = runner.run(step, sizes, Duration.ofSeconds(60));
                System.out.printf("lesson step %s: %d ms, key %s, takeaway %s%n", step.id(),
                        (System.nanoTime() - t0) / 1_000_000, f.key(), f.takeaway().code());
                boolean virtualMissing = step == LessonStep.VIRTUAL_THREADS && Runtime.version().feature() < 21;
                assertThat(f.outcome()).as("%s: %s", step, f.problem())
                        .isEqualTo(virtualMissing ? StepFigures.Outcome.UNAVAILABLE : StepFigures.Outcome.MEASURED);
                assertThat(f.takeaway().code().holds(f)).as("%s takeaway %s", step, f.takeaway()).isTrue();
                if (f.measured()) {
                    assertThat(f.key().present()).as(step.id()).isTrue();
                    assertThat(f.rows().stream().filter(r -> !r.here().present() && !r.lecture().present())).isEmpty();
                } else {
                    assertThat(f.problem().code()).isEqualTo(ProblemCode.RUN_VIRTUAL);
                    assertThat(f.takeaway().code()).isEqualTo(Takeaway.Code.NOT_MEASURED);
                }
            }
        }
        assertNothingLeft();
    }

    @Test
    void aStepPastItsDeadlineIsCancelledAndLeavesNothing() throws Exception {
        LessonSizes sizes = LessonSizes.of(30, Runtime.getRuntime().availableProcessors(), 50_000_000, 0.05);
        try (LabEngine lab = new LabEngine(parent, ExchangeLimits.defaults())) {
            LessonRunner runner = new LessonRunner(lab);
            StepFigures f = runner.run(LessonStep.EXCHANGE_MECHANISMS, sizes, Duration.ofMillis(1500));
            assertThat(f.outcome()).isEqualTo(StepFigures.Outcome.FAILED);
            assertThat(f.problem().code()).isEqualTo(ProblemCode.LESSON_STEP_TIMEOUT);
            assertThat(f.takeaway().code()).isEqualTo(Takeaway.Code.NOT_MEASURED);
            assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
                    .as("children after the cancel").isEmpty();
            // The slot is free again: the next step runs.
            StepFigures next = runner.run(LessonStep.GIL_IO, LessonSizes.of(0.1, sizes.cores(), 50_000_000, 0.05),
                    Duration.ofSeconds(60));
            assertThat(next.outcome()).as("%s", next.problem()).isEqualTo(StepFigures.Outcome.MEASURED);
        }
        assertNothingLeft();
    }

    private void assertNothingLeft() throws Exception {
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).as("run directories left").isEmpty();
        }
    }
}
