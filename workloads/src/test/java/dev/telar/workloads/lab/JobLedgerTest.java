package dev.telar.workloads.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.exchange.ExchangeResult;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSnapshot;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import dev.telar.workloads.sync.scenario.ScenarioStatus;
import dev.telar.workloads.sync.scenario.SemaphoreFigures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The endings the client makes up for the jobs of a lost lab, from what it saw of them. */
@Timeout(10)
class JobLedgerTest {
    private static final Problem WHY = Problem.of(ProblemCode.LAB_KILLED, 7, 137);
    private final JobLedger ledger = new JobLedger(LabSamples.LIMITS, 0);

    @Test
    void aJobTheLabNeverAnsweredStartsAndFailsSoItsViewHearsOfIt() {
        ledger.sent(new LabCommand.RunRace(3, 500));

        List<LabEvent> out = ledger.lost(WHY, 1);

        assertThat(out).hasSize(5);
        assertThat(out.get(0)).isEqualTo(new LabEvent.JobStarted(JobKind.RACE));
        assertThat(out.get(1)).isEqualTo(new LabEvent.Exchange(new ExchangeEvent.RaceStarted(3, 500)));
        ExchangeEvent.RaceFinished race = (ExchangeEvent.RaceFinished) ((LabEvent.Exchange) out.get(2)).event();
        assertThat(race.result().status()).isEqualTo(RunResult.Status.FAILED);
        assertThat(race.result().problem()).isEqualTo(WHY);
        assertThat(race.result().expected()).isEqualTo(1500);
        assertThat(out.subList(3, 5)).containsExactly(new LabEvent.Exchange(new ExchangeEvent.Idle()),
                new LabEvent.JobEnded(JobKind.RACE));
        assertThat(ledger.busy()).isFalse();
    }

    @Test
    void aComparisonBetweenRunsFailsTheRunItWouldHaveRunNext() {
        LabCommand.CompareExchange job = new LabCommand.CompareExchange(List.of(Mechanism.PIPE, Mechanism.VALUE), 4,
                1_000_000, true);
        ledger.sent(job);
        ledger.observe(new LabEvent.JobStarted(JobKind.EXCHANGE), 0);
        ExchangeSpec one = new ExchangeSpec(Mechanism.PIPE, 1, 1_000_000, RunSpec.SEED, LabSamples.LIMITS);
        ledger.observe(new LabEvent.Exchange(new ExchangeEvent.RunStarted(one)), 0);
        ledger.observe(new LabEvent.Exchange(new ExchangeEvent.RunFinished(new ExchangeResult(one,
                RunResult.Status.COMPLETED, Problem.NONE, 1, 1, 1, 1, List.of(), 0), 1)), 0);

        List<LabEvent> out = ledger.lost(WHY, 1);

        ExchangeSpec four = new ExchangeSpec(Mechanism.PIPE, 4, 1_000_000, RunSpec.SEED, LabSamples.LIMITS);
        assertThat(out.get(0)).isEqualTo(new LabEvent.Exchange(new ExchangeEvent.RunStarted(four)));
        ExchangeEvent.RunFinished run = (ExchangeEvent.RunFinished) ((LabEvent.Exchange) out.get(1)).event();
        assertThat(run.result().spec()).isEqualTo(four);
        assertThat(run.result().status()).isEqualTo(RunResult.Status.FAILED);
        assertThat(run.expected()).isNaN();
        assertThat(out.subList(2, out.size())).containsExactly(new LabEvent.Exchange(new ExchangeEvent.Idle()),
                new LabEvent.JobEnded(JobKind.EXCHANGE));
    }

    @Test
    void aSweepBetweenRunsFailsWithoutAnnouncingItselfAgain() {
        ledger.sent(new LabCommand.RunSweep(LabSamples.SPEC));
        ledger.observe(new LabEvent.JobStarted(JobKind.SWEEP), 0);
        ledger.observe(new LabEvent.Experiment(new ExperimentEvent.Started(LabSamples.SPEC)), 0);
        ledger.observe(new LabEvent.Experiment(new ExperimentEvent.Finished(new RunResult(LabSamples.SPEC,
                RunResult.Status.COMPLETED, Problem.NONE, 1, 1, 1, 1, 0))), 0);

        List<LabEvent> out = ledger.lost(WHY, 1);

        assertThat(out).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Experiment", "Experiment", "JobEnded");
        RunResult failed = ((ExperimentEvent.Finished) ((LabEvent.Experiment) out.get(0)).event()).result();
        assertThat(failed.status()).isEqualTo(RunResult.Status.FAILED);
        assertThat(failed.problem()).isEqualTo(WHY);
    }

    /** A scenario lost mid-run ends failed with the figures of its last snapshot, as a failed runner ends it. */
    @Test
    void aScenarioFailsWithTheFiguresItHadReached() {
        ScenarioSpec spec = new ScenarioSpec(Primitive.SEMAPHORE, Mode.PROCESSES, 0, 8, 6, true);
        ledger.sent(new LabCommand.RunScenario(spec));
        ledger.observe(new LabEvent.JobStarted(JobKind.SCENARIO), 0);
        SemaphoreFigures soFar = new SemaphoreFigures(3, 2, 3, 17);
        ledger.observe(new LabEvent.ScenarioUpdated(new ScenarioSnapshot(Primitive.SEMAPHORE, Mode.PROCESSES,
                ScenarioStatus.RUNNING, Optional.empty(), Optional.of(soFar), List.of("pid 41"), List.of(), 0.5)), 0);

        List<LabEvent> out = ledger.lost(WHY, 2_000_000_000L);

        assertThat(out).hasSize(3);
        ScenarioSnapshot last = ((LabEvent.ScenarioUpdated) out.get(0)).snapshot();
        assertThat(last.status()).isEqualTo(ScenarioStatus.FAILED);
        assertThat(last.figures()).contains(soFar);
        ScenarioOutcome outcome = ((LabEvent.ScenarioEnded) out.get(1)).outcome();
        assertThat(outcome.status()).isEqualTo(ScenarioStatus.FAILED);
        assertThat(outcome.figures(SemaphoreFigures.class)).contains(soFar);
        assertThat(outcome.failure()).isEqualTo(WHY);
        assertThat(outcome.seconds()).isEqualTo(2.0);
        assertThat(out.get(2)).isEqualTo(new LabEvent.JobEnded(JobKind.SCENARIO));
    }

    /** A scenario lost before it reported anything ends failed with no figures at all, not made-up zeros. */
    @Test
    void aScenarioLostBeforeItsFirstSnapshotHasNoFigures() {
        ledger.sent(new LabCommand.RunScenario(new ScenarioSpec(Primitive.LOCK, Mode.THREADS, 0, 4, 100, true)));

        List<LabEvent> out = ledger.lost(WHY, 1);

        assertThat(out).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("JobStarted", "ScenarioEnded", "JobEnded");
        assertThat(((LabEvent.ScenarioEnded) out.get(1)).outcome().figures()).isEmpty();
    }

    @Test
    void aJobWhoseRunnerHadFinishedOnlyLacksItsEnd() {
        ledger.sent(new LabCommand.RunExperiment(LabSamples.SPEC, false));
        ledger.observe(new LabEvent.JobStarted(JobKind.EXPERIMENT), 0);
        ledger.observe(new LabEvent.Experiment(new ExperimentEvent.Idle()), 0);
        ledger.sent(new LabCommand.RunRace(2, 10));
        assertThat(ledger.busy()).isTrue();
        ledger.observe(new LabEvent.Refused(JobKind.RACE, JobKind.EXPERIMENT), 0);

        assertThat(ledger.lost(WHY, 1)).containsExactly(new LabEvent.JobEnded(JobKind.EXPERIMENT));
        assertThat(ledger.busy()).isFalse();
        assertThat(ledger.idleSince()).isEqualTo(1);
    }
}
