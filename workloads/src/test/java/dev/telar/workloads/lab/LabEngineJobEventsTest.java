package dev.telar.workloads.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.exchange.TotalCheck;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import dev.telar.workloads.sync.scenario.ScenarioStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the headless commands read from the lab: the scenario's spec with its defaults filled in,
 * a rejection inside the job's start and end, and the exchange's sequential baseline measured
 * before the run (or not computed at all).
 */
class LabEngineJobEventsTest {
    @TempDir
    Path parent;

    @AfterEach
    void noChildLeft() {
        ChildLauncher.killAll();
    }

    /** Runs one job on a fresh engine and returns its events from JobStarted to JobEnded. */
    private List<LabEvent> job(LabCommand.Job command) throws InterruptedException {
        BlockingQueue<LabEvent> events = new LinkedBlockingQueue<>();
        List<LabEvent> seen = new ArrayList<>();
        try (LabEngine lab = new LabEngine(parent, ExchangeLimits.defaults())) {
            lab.subscribe(events::add);
            lab.send(command);
            LabEvent e;
            do {
                e = events.poll(60, TimeUnit.SECONDS);
                assertThat(e).as("the job goes on; so far %s", seen).isNotNull();
                if (!(e instanceof LabEvent.Ready)) {
                    seen.add(e);
                }
            } while (!(e instanceof LabEvent.JobEnded));
            assertThat(lab.running()).as("slot free after JobEnded").isEmpty();
        }
        assertThat(seen.get(0)).isEqualTo(new LabEvent.JobStarted(command.kind()));
        return seen;
    }

    private static <T> List<T> of(List<?> events, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    private static List<ExchangeEvent> exchange(List<LabEvent> events) {
        List<ExchangeEvent> out = new ArrayList<>();
        for (LabEvent.Exchange x : of(events, LabEvent.Exchange.class)) {
            out.add(x.event());
        }
        return out;
    }

    @Test
    void aScenarioStartsWithItsSpecAndTheScenariosDefaultsFilledIn() throws Exception {
        List<LabEvent> events = job(new LabCommand.RunScenario(ScenarioSpec.of(Primitive.LOCK, Mode.THREADS)
                .withSize(2_000)));
        assertThat(events.get(1)).isEqualTo(new LabEvent.ScenarioStarted(
                new ScenarioSpec(Primitive.LOCK, Mode.THREADS, 0, 4, 2_000, true)));
        List<LabEvent.ScenarioEnded> ended = of(events, LabEvent.ScenarioEnded.class);
        assertThat(ended).hasSize(1);
        assertThat(ended.get(0).outcome().status()).isEqualTo(ScenarioStatus.COMPLETED);
        assertThat(events.get(events.size() - 2)).isSameAs(ended.get(0));
    }

    @Test
    void aRejectedSpecIsReportedBetweenTheJobsStartAndEnd() throws Exception {
        List<LabEvent> events = job(new LabCommand.RunScenario(
                new ScenarioSpec(Primitive.CONDITION, Mode.THREADS, 0, 3, 0, true)));
        assertThat(events).hasSize(3);
        LabEvent.Rejected rejected = (LabEvent.Rejected) events.get(1);
        assertThat(rejected.asked()).isEqualTo(JobKind.SCENARIO);
        assertThat(rejected.reason()).isEqualTo(Problem.of(ProblemCode.SCENARIO_WORKERS_EVEN, 3));
        assertThat(events.get(2)).isEqualTo(new LabEvent.JobEnded(JobKind.SCENARIO));
    }

    @Test
    void theBaselineFirstIsTheSequentialSumTimedBeforeTheRunAndTheRunIsCheckedAgainstIt() throws Exception {
        long draws = 1_000_001;
        double expected = new ExchangeSpec(Mechanism.ARRAY, 2, draws, RunSpec.SEED, ExchangeLimits.defaults())
                .sequentialSum();
        List<ExchangeEvent> events = exchange(job(new LabCommand.CompareExchange(List.of(Mechanism.ARRAY), 2, draws,
                false, TotalCheck.BASELINE_FIRST)));
        assertThat(events).hasSize(4);
        ExchangeEvent.SequentialMeasured measured = (ExchangeEvent.SequentialMeasured) events.get(0);
        assertThat(measured.processes()).isEqualTo(2);
        assertThat(measured.draws()).isEqualTo(draws);
        assertThat(measured.sum()).isEqualTo(expected);
        assertThat(measured.seconds()).isPositive();
        assertThat(events.get(1)).isInstanceOf(ExchangeEvent.RunStarted.class);
        ExchangeEvent.RunFinished finished = (ExchangeEvent.RunFinished) events.get(2);
        assertThat(finished.result().status()).as(finished.result().problem().toString())
                .isEqualTo(RunResult.Status.COMPLETED);
        assertThat(finished.expected()).isEqualTo(expected);
        assertThat(finished.totalMatches()).isTrue();
        assertThat(events.get(3)).isInstanceOf(ExchangeEvent.Idle.class);
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).as("run directories removed").isEmpty();
        }
    }

    @Test
    void withoutACheckNoSumIsComputed() throws Exception {
        List<ExchangeEvent> events = exchange(job(new LabCommand.CompareExchange(List.of(Mechanism.VALUE), 2, 1_000,
                false, TotalCheck.NONE)));
        assertThat(events).hasSize(3);
        ExchangeEvent.RunFinished finished = (ExchangeEvent.RunFinished) events.get(1);
        assertThat(finished.result().status()).as(finished.result().problem().toString())
                .isEqualTo(RunResult.Status.COMPLETED);
        assertThat(finished.expected()).isNaN();
    }
}
