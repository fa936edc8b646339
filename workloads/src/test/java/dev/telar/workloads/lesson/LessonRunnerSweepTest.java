package dev.telar.workloads.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.lab.LabEngine;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import dev.telar.workloads.run.Sweep;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LessonRunner#sweep} on the real engine: the baseline then one run per count the sweep
 * picks, each completed with its speed-up's baseline; a sweep past its deadline is cancelled,
 * reported as such, and leaves the lab free for the next job.
 */
@Timeout(120)
class LessonRunnerSweepTest {
    @TempDir
    Path parent;

    private static RunSpec cpu(long draws) {
        return new RunSpec(KernelKind.CPU, ModelKind.THREAD_TARGET, 4, 1, draws, 1, 1, 5, new int[0], RunSpec.SEED);
    }

    @Test
    void aSweepReturnsItsBaselineAndOneRunPerCount() throws Exception {
        try (LabEngine lab = new LabEngine(parent, ExchangeLimits.defaults())) {
            LessonRunner.Swept swept = new LessonRunner(lab).sweep(cpu(20_000), Duration.ofSeconds(60));
            int cores = Runtime.getRuntime().availableProcessors();
            int counts = Sweep.counts(cores, Sweep.defaultCount(KernelKind.CPU)).size();
            assertThat(swept.complete()).as("%s", swept.problem()).isTrue();
            assertThat(swept.results()).hasSize(1 + counts);
            assertThat(swept.results()).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(RunResult.Status.COMPLETED);
                assertThat(r.baselineWallSeconds()).isEqualTo(swept.results().get(0).wallSeconds());
            });
            assertThat(swept.results().subList(1, swept.results().size()).stream().map(r -> r.spec().workers()))
                    .containsExactlyElementsOf(Sweep.counts(cores, Sweep.defaultCount(KernelKind.CPU)));
        }
    }

    @Test
    void aSweepPastItsDeadlineIsCancelledAndTheLabIsFreeAfter() throws Exception {
        try (LabEngine lab = new LabEngine(parent, ExchangeLimits.defaults())) {
            LessonRunner runner = new LessonRunner(lab);
            LessonRunner.Swept late = runner.sweep(cpu(4_000_000_000L), Duration.ofMillis(300));
            assertThat(late.complete()).isFalse();
            assertThat(late.problem().code()).isEqualTo(ProblemCode.LESSON_STEP_TIMEOUT);
            LessonRunner.Swept next = runner.sweep(cpu(20_000), Duration.ofSeconds(60));
            assertThat(next.complete()).as("the next sweep: %s", next.problem()).isTrue();
        }
    }
}
