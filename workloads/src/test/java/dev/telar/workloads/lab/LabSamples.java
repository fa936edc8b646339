package dev.telar.workloads.lab;

import dev.telar.workloads.exchange.ChildReport;
import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.exchange.ExchangeProgress;
import dev.telar.workloads.exchange.ExchangeResult;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.exchange.ExchangeStats;
import dev.telar.workloads.exchange.TotalCheck;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.proc.ChildExit;
import dev.telar.workloads.race.RaceDemo;
import dev.telar.workloads.race.RaceResult;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import dev.telar.workloads.sync.BarrierState;
import dev.telar.workloads.sync.ConditionState;
import dev.telar.workloads.sync.EventState;
import dev.telar.workloads.sync.LockState;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.Participant;
import dev.telar.workloads.sync.SemaphoreState;
import dev.telar.workloads.sync.SyncState;
import dev.telar.workloads.sync.scenario.BarrierFigures;
import dev.telar.workloads.sync.scenario.ConditionFigures;
import dev.telar.workloads.sync.scenario.EventFigures;
import dev.telar.workloads.sync.scenario.LockFigures;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.PrimitiveFigures;
import dev.telar.workloads.sync.scenario.RLockFigures;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSnapshot;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import dev.telar.workloads.sync.scenario.ScenarioStatus;
import dev.telar.workloads.sync.scenario.SemaphoreFigures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One realistic instance of every lab command and event, with nested content as the runners make it. */
final class LabSamples {
    static final RunSpec SPEC = new RunSpec(KernelKind.CPU, ModelKind.PROCESS_POOL_MAP, 4, 4, 2_000_000, 1, 0, 5.0,
            new int[] {0, 1}, RunSpec.SEED);
    static final ExchangeLimits LIMITS = new ExchangeLimits(4096, 64L << 20);
    static final ExchangeSpec EXCHANGE = new ExchangeSpec(Mechanism.QUEUE, 3, 3_000_000, RunSpec.SEED, LIMITS);
    private static final Participant ALICE = new Participant(4321, 1, "pid 4321");
    private static final Participant BOB = new Participant(4322, 2, "pid 4322#2");

    private LabSamples() {
    }

    static List<LabCommand> commands() {
        return List.of(
                new LabCommand.RunExperiment(SPEC, true),
                new LabCommand.RunSweep(SPEC.with(ModelKind.THREAD_TARGET, 2)),
                new LabCommand.CompareExchange(List.of(Mechanism.PIPE, Mechanism.DICT), 4, 1_000_000, true),
                new LabCommand.CompareExchange(List.of(Mechanism.QUEUE), 2, 1_000, false, TotalCheck.BASELINE_FIRST),
                new LabCommand.CompareExchange(List.of(Mechanism.MANAGER_VALUE), 4, 1_000, true, TotalCheck.AFTER_RUN,
                        Optional.of(new ManagerTarget("robot-1:2181", Optional.empty(), 10_000))),
                new LabCommand.RunRace(2, 100_000),
                new LabCommand.RunScenario(new ScenarioSpec(Primitive.SEMAPHORE, Mode.PROCESSES, 0.5, 3, 40, false)),
                new LabCommand.RunScenario(ScenarioSpec.of(Primitive.LOCK, Mode.THREADS),
                        Optional.of(new ManagerTarget("robot-1:2181,robot-2:2181", Optional.of(Path.of("/etc/telar/lab.key")), 6_000))),
                new LabCommand.Cancel(),
                new LabCommand.SetLock(true));
    }

    static List<LabEvent> events() {
        RunResult done = new RunResult(SPEC, RunResult.Status.COMPLETED, Problem.NONE, 1.25, 4.5, 12_345.678, 4.75, 0, 0.4);
        RunResult failed = new RunResult(SPEC, RunResult.Status.FAILED, Problem.of(ProblemCode.ERROR, "worker 2 died"), Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, 0);
        // A problem with a cause that has a cause, an empty argument (no exit yet) and non-ASCII words.
        Problem died = Problem.because(Problem.because(Problem.of(ProblemCode.DISK_FULL, "No space left on device é"),
                ProblemCode.LAB_UNSENDABLE), ProblemCode.EXCHANGE_CHILD_FAILED_SAYING, 1, 77, "", 11, 12);
        ExchangeResult result = new ExchangeResult(EXCHANGE, RunResult.Status.FAILED, died,
                0.8, 0.3, 1.9, Double.NaN, List.of(
                        new ChildReport(0, 76, Optional.of(new ChildExit(0)), 25, 25, 0.61),
                        new ChildReport(1, 77, Optional.of(new ChildExit(137)), 12, 11, Double.NaN),
                        new ChildReport(2, 78, Optional.empty(), -1, 0, Double.NaN)),
                3L << 20);
        ExchangeStats stats = new ExchangeStats(Mechanism.QUEUE, 0.6, 1_200, 2_000.5, 14.5, 230.25, 17, 2, 1, 1L << 20, 3);
        ExchangeProgress progress = new ExchangeProgress(EXCHANGE, stats, List.of(
                new ExchangeProgress.Child(0, 76, true, Optional.empty(), 400),
                new ExchangeProgress.Child(1, 77, false, Optional.of(new ChildExit(137)), 399),
                new ExchangeProgress.Child(2, 78, false, Optional.of(new ChildExit(0)), 401)));
        RaceResult race = new RaceResult(2, 100_000, RunResult.Status.COMPLETED, Problem.NONE, 200_000, 131_072, 200_000, 0.2, 0.9);
        List<LabEvent> events = new ArrayList<>(List.of(
                new LabEvent.Ready(ProcessHandle.current().pid()),
                new LabEvent.JobStarted(JobKind.EXPERIMENT),
                new LabEvent.JobEnded(JobKind.SWEEP),
                new LabEvent.Refused(JobKind.RACE, JobKind.SCENARIO),
                new LabEvent.Rejected(JobKind.EXCHANGE, Problem.of(ProblemCode.EXCHANGE_DRAWS, 4, 100_000_000_000L, 2)),
                new LabEvent.Experiment(new ExperimentEvent.Started(SPEC)),
                new LabEvent.Experiment(new ExperimentEvent.Children(List.of(101L, 102L, 103L))),
                new LabEvent.Experiment(new ExperimentEvent.Finished(done)),
                new LabEvent.Experiment(new ExperimentEvent.Finished(failed)),
                new LabEvent.Experiment(new ExperimentEvent.Idle()),
                new LabEvent.Experiment(new ExperimentEvent.SweepFinished(List.of(done, failed))),
                new LabEvent.Exchange(new ExchangeEvent.RunStarted(EXCHANGE)),
                new LabEvent.Exchange(new ExchangeEvent.RunFinished(result, Double.NaN)),
                new LabEvent.Exchange(new ExchangeEvent.RaceStarted(2, 100_000)),
                new LabEvent.Exchange(new ExchangeEvent.RaceFinished(race)),
                new LabEvent.Exchange(new ExchangeEvent.SequentialMeasured(4, 320_000_000L, 1.6e8 + 0.25, 0.61)),
                new LabEvent.Exchange(new ExchangeEvent.Idle()),
                new LabEvent.ScenarioStarted(new ScenarioSpec(Primitive.BARRIER, Mode.THREADS, 1.0, 4, 3, true)),
                new LabEvent.ExchangeProgressed(progress),
                new LabEvent.RaceSampled(new RaceDemo.Sample(false, 0.35, 91_000, 200_000)),
                new LabEvent.LabLost(Problem.of(ProblemCode.LAB_KILLED, 4242, 137))));
        for (Optional<SyncState> state : syncStates()) {
            events.add(new LabEvent.ScenarioUpdated(new ScenarioSnapshot(Primitive.LOCK, Mode.THREADS, ScenarioStatus.RUNNING,
                    state, Optional.of(figures().get(0)), List.of("telar-sync-0", "telar-sync-1"),
                    List.of("pid 4321 took the lock", "é ✓"), 1.5)));
        }
        for (PrimitiveFigures f : figures()) {
            events.add(new LabEvent.ScenarioUpdated(new ScenarioSnapshot(f.primitive(), Mode.PROCESSES,
                    ScenarioStatus.RUNNING, Optional.empty(), Optional.of(f), List.of("pid 4321"), List.of(), 0.25)));
        }
        events.add(new LabEvent.ScenarioEnded(new ScenarioOutcome(Primitive.BARRIER, Mode.PROCESSES, ScenarioStatus.FAILED,
                Optional.of(figures().get(5)), false, "failed", 3.25,
                Problem.of(ProblemCode.SCENARIO_WORKER_ENDED, 88, 137))));
        events.add(new LabEvent.ScenarioEnded(new ScenarioOutcome(Primitive.EVENT, Mode.THREADS, ScenarioStatus.FAILED,
                Optional.empty(), false, "did not start", 0.01, Problem.of(ProblemCode.ERROR, "no room"))));
        return events;
    }

    /** Each primitive's figures, in {@link Primitive} order; the lock's per-worker list in no sorted order. */
    static List<PrimitiveFigures> figures() {
        return List.of(
                new LockFigures(false, 1_998_734_112L, 2_000_000_000L, 4_000, 1_265_888L, List.of(500_000L, 3L,
                        499_999L)),
                new RLockFigures(999_993, 7, 7, 2, 0),
                new SemaphoreFigures(3, 2, 3, 20),
                new ConditionFigures(4, 4, 25, 21, 4),
                new EventFigures(2, 8, 4, 4, 1),
                new BarrierFigures(2, 5, 11, 0));
    }

    /** Each kind of primitive state, and none. */
    static List<Optional<SyncState>> syncStates() {
        LockState held = new LockState(true, Optional.of(ALICE), 2, List.of(BOB), 17, false, 0);
        LockState free = new LockState(false, Optional.empty(), 0, List.of(), 3, true, 1);
        return List.of(
                Optional.empty(),
                Optional.of(held),
                Optional.of(new SemaphoreState(3, true, 1, List.of(ALICE, BOB), List.of(), 40, false, 2)),
                Optional.of(new ConditionState(free, List.of(ALICE, BOB), 5, 7)),
                Optional.of(new EventState(true, List.of(BOB), 1)),
                Optional.of(new BarrierState(3, 2, List.of(ALICE, BOB), 4, 3, false)));
    }
}
