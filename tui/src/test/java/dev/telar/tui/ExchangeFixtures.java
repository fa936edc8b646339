package dev.telar.tui;

import dev.telar.probe.SystemSnapshot;
import dev.telar.probe.ThreadInfo;
import dev.telar.workloads.exchange.ChildReport;
import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.exchange.ExchangeProgress;
import dev.telar.workloads.exchange.ExchangeResult;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.exchange.ExchangeStats;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.proc.ChildExit;
import dev.telar.workloads.race.RaceDemo;
import dev.telar.workloads.race.RaceResult;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fixed exchange data for render tests: a queue run with 4 children where child 5102 was killed
 * by SIGKILL, and finished runs of every kind, and the race demo's samples and results.
 */
public final class ExchangeFixtures {
    /** The killed child of the queue run. */
    public static final long KILLED = 5102;
    /** A 512 MiB cap, as the settings' default. */
    public static final ExchangeLimits LIMITS = ExchangeLimits.defaults().withDiskCap(512L << 20);

    private ExchangeFixtures() {
    }

    public static ExchangeSpec spec(Mechanism m, int processes) {
        return new ExchangeSpec(m, processes, ExchangeSpec.LECTURE_DRAWS, RunSpec.SEED, LIMITS);
    }

    /** The queue run with 4 processes, 1.2 s after the start signal: one child killed, one done. */
    public static ExchangeProgress queueProgress() {
        ExchangeStats stats = new ExchangeStats(Mechanism.QUEUE, 1.2, 640, 533, 12.3, 80.1, 3, 2, 1, 12L << 20, 0);
        return new ExchangeProgress(spec(Mechanism.QUEUE, 4), stats, List.of(
                new ExchangeProgress.Child(0, 5101, true, Optional.empty(), 200),
                new ExchangeProgress.Child(1, KILLED, false, Optional.of(new ChildExit(137)), 12),
                new ExchangeProgress.Child(2, 5103, true, Optional.empty(), 198),
                new ExchangeProgress.Child(3, 5104, false, Optional.of(new ChildExit(0)), 320)));
    }

    /** The lab machine with Telar (4242) and its two children still computing, each on its own core. */
    public static SystemSnapshot withChildren() {
        return Snapshots.lab()
                .process(5101, 4242, "alice", 99.0, 60L << 20, "java dev.telar.workloads.proc.ChildMain",
                        List.of(new ThreadInfo(5101, "java", 'S', 0.0, 0, 0.1),
                                new ThreadInfo(5111, "main", 'R', 98.5, 1, 1.1)))
                .process(5103, 4242, "alice", 97.0, 60L << 20, "java dev.telar.workloads.proc.ChildMain",
                        List.of(new ThreadInfo(5113, "main", 'R', 96.0, 3, 1.1)))
                .build();
    }

    /** A completed run of {@code wall} seconds whose total is (or is not) the sequential sum. */
    public static ExchangeEvent.RunFinished completed(Mechanism m, int processes, double wall, boolean exact) {
        List<ChildReport> children = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            children.add(new ChildReport(i, 6000 + i, Optional.of(new ChildExit(0)),
                    m.carriesMessages() ? 320 : -1, m.carriesMessages() ? 320 : 1, wall));
        }
        ExchangeResult r = new ExchangeResult(spec(m, processes), RunResult.Status.COMPLETED, Problem.NONE, wall, 0.45,
                wall * processes, 1.6e8, children, m.carriesMessages() ? 3L << 20 : 4096);
        return new ExchangeEvent.RunFinished(r, exact ? 1.6e8 : 1.6e8 + 1);
    }

    /** The queue run with 4 processes, failed: child 5102 was killed by SIGKILL after sending 12 messages, all read. */
    public static ExchangeEvent.RunFinished queueKilled() {
        List<ChildReport> children = List.of(
                new ChildReport(0, 5101, Optional.of(new ChildExit(0)), 320, 320, 1.1),
                new ChildReport(1, KILLED, Optional.of(new ChildExit(137)), 12, 12, Double.NaN),
                new ChildReport(2, 5103, Optional.of(new ChildExit(0)), 320, 320, 1.1),
                new ChildReport(3, 5104, Optional.of(new ChildExit(0)), 320, 320, 1.1));
        ExchangeResult r = new ExchangeResult(spec(Mechanism.QUEUE, 4), RunResult.Status.FAILED,
                Problem.of(ProblemCode.EXCHANGE_CHILD_FAILED, 1, KILLED, 137, 12, 12), 1.3, 0.5, Double.NaN, Double.NaN,
                children, 12L << 20);
        return new ExchangeEvent.RunFinished(r, Double.NaN);
    }

    /** A cancelled run. */
    public static ExchangeEvent.RunFinished cancelled(Mechanism m, int processes) {
        return new ExchangeEvent.RunFinished(new ExchangeResult(spec(m, processes), RunResult.Status.CANCELLED,
                Problem.CANCELLED, 0.2, 0.4, Double.NaN, Double.NaN, List.of(), 0), Double.NaN);
    }

    public static RaceDemo.Sample unlockedSample() {
        return new RaceDemo.Sample(false, 0.1, 2_345_678, 4_000_000);
    }

    public static RaceDemo.Sample lockedSample() {
        return new RaceDemo.Sample(true, 0.3, 1_200_000, 4_000_000);
    }

    /** 4 processes × 1M: 1,654,322 updates lost without the lock, none with it. */
    public static RaceResult raceDone() {
        return new RaceResult(4, 1_000_000, RunResult.Status.COMPLETED, Problem.NONE, 4_000_000, 2_345_678, 4_000_000, 0.12,
                0.85);
    }

    public static RaceResult raceFailed() {
        return new RaceResult(4, 1_000_000, RunResult.Status.FAILED, Problem.of(ProblemCode.PROCESS_ENDED, 2, 5203, 137),
                4_000_000, 0, 0, Double.NaN, Double.NaN);
    }
}
