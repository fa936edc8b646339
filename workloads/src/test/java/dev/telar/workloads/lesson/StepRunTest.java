package dev.telar.workloads.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.lab.JobKind;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The step state machine's rules, fed lab events by hand (no job runs). */
class StepRunTest {
    private static final LessonSizes SIZES = LessonSizes.of(2, 4, 100_000_000, 0.1);

    @Test
    void aTwoJobStepSendsItsSecondJobWhenTheFirstEndsAndIsDoneAfterIt() {
        StepRun run = new StepRun(LessonStep.LOCK, SIZES);
        LabCommand.Job first = run.start();
        assertThat(first).isInstanceOf(LabCommand.RunScenario.class);
        assertThat(((LabCommand.RunScenario) first).spec().lockEnabled()).isFalse();
        assertThat(run.accept(new LabEvent.JobStarted(JobKind.SCENARIO))).isEmpty();
        Optional<LabCommand.Job> second = run.accept(new LabEvent.JobEnded(JobKind.SCENARIO));
        assertThat(second).hasValueSatisfying(j -> assertThat(((LabCommand.RunScenario) j).spec().lockEnabled()).isTrue());
        assertThat(run.done()).isFalse();
        assertThat(run.accept(new LabEvent.JobEnded(JobKind.SCENARIO))).isEmpty();
        assertThat(run.done()).isTrue();
        // Both jobs ended without their outcomes: not a measurement.
        assertThat(run.figures().outcome()).isEqualTo(StepFigures.Outcome.FAILED);
        assertThat(run.figures().takeaway().code()).isEqualTo(Takeaway.Code.NOT_MEASURED);
    }

    @Test
    void aRefusedJobEndsTheStepAsFailedNamingTheJobThatHoldsTheLab() {
        StepRun run = new StepRun(LessonStep.GIL, SIZES);
        run.start();
        run.accept(new LabEvent.Refused(JobKind.EXPERIMENT, JobKind.EXCHANGE));
        assertThat(run.done()).isTrue();
        assertThat(run.figures().problem()).isEqualTo(Problem.of(ProblemCode.LAB_BUSY, "exchange"));
    }

    @Test
    void virtualThreadsOnAnOldJvmAreUnavailableNotFailed() {
        StepRun run = new StepRun(LessonStep.VIRTUAL_THREADS, SIZES);
        run.start();
        run.accept(new LabEvent.Rejected(JobKind.EXPERIMENT, Problem.of(ProblemCode.RUN_VIRTUAL, 17)));
        assertThat(run.done()).isTrue();
        assertThat(run.figures().outcome()).isEqualTo(StepFigures.Outcome.UNAVAILABLE);
    }

    @Test
    void anAbandonedStepSendsNothingMoreAndSaysCancelled() {
        StepRun run = new StepRun(LessonStep.LOCK, SIZES);
        run.start();
        run.abandon(StepFigures.Outcome.CANCELLED, Problem.CANCELLED);
        assertThat(run.accept(new LabEvent.JobEnded(JobKind.SCENARIO))).isEmpty();
        assertThat(run.figures().outcome()).isEqualTo(StepFigures.Outcome.CANCELLED);
    }

    @Test
    void theRulesOfTheSpeedUpSentences() {
        StepFigures fast = speedup(3.2, 4);
        StepFigures slow = speedup(1.05, 4);
        StepFigures oneCore = speedup(0.98, 1);
        assertThat(Takeaway.Code.FASTER.holds(fast)).isTrue();
        assertThat(Takeaway.Code.NOT_FASTER.holds(fast)).isFalse();
        assertThat(Takeaway.Code.FASTER.holds(slow)).isFalse();
        assertThat(Takeaway.Code.NOT_FASTER.holds(slow)).isTrue();
        assertThat(Takeaway.Code.ONE_CORE.holds(oneCore)).isTrue();
        assertThat(Takeaway.Code.ONE_CORE.holds(fast)).isFalse();
        assertThat(Takeaway.Code.FASTER.holds(speedup(Double.NaN, 4))).as("no figure, no claim").isFalse();
    }

    @Test
    void sizesFollowTheBudgetAndStayInRange() {
        LessonSizes small = LessonSizes.of(0.1, 2, 1e9, 0.02);
        LessonSizes big = LessonSizes.of(4, 2, 1e9, 0.02);
        assertThat(big.cpuDraws()).isEqualTo(40 * small.cpuDraws());
        assertThat(big.matrixOrder()).isGreaterThan(small.matrixOrder());
        assertThat(LessonSizes.of(1e9, 2, 1e9, 0.02).budgetSeconds()).isEqualTo(LessonSizes.MAX_BUDGET);
        assertThat(LessonSizes.of(0, 2, 1, 1e9).cpuDraws()).isPositive();
    }

    private static StepFigures speedup(double x, int cores) {
        return new StepFigures(LessonStep.JVM_THREADS, StepFigures.Outcome.MEASURED, Problem.NONE, cores,
                Figure.speedup(x), LessonStep.JVM_THREADS.lectureKey(), List.of(), true, 0, 0, 0,
                new Takeaway(Takeaway.Code.NOT_MEASURED, List.of()));
    }
}
