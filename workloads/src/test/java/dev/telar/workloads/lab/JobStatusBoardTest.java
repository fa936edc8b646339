package dev.telar.workloads.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.probe.Probe;
import dev.telar.probe.ProcessIdentity;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.remote.fleet.HostSummary;
import dev.telar.workloads.remote.fleet.JobStatusFile;
import dev.telar.workloads.remote.fleet.RunningJob;
import dev.telar.workloads.remote.fleet.SummaryMaker;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.ExperimentRunner;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab engine's job status file, end to end on this machine: a real engine running a real sync
 * scenario writes it, the agent's summary (made from the real probe) carries the job with its
 * figures, and the file is gone once the job ended; an experiment's events become its figures.
 */
class JobStatusBoardTest {
    @TempDir
    Path tmp;

    private final ProcessIdentity self = ProcessIdentity.current();

    /** What {@code telar agent} publishes for this host now, with the status files in {@code dir}. */
    private static HostSummary summary(Path dir) {
        return SummaryMaker.of(Probe.live().sample(pid -> false), "here", 1, SummaryMaker.DEFAULT_TOP, JobStatusFile.readLive(dir));
    }

    /** Asks {@code look} every 50 ms until it gives something, at most 10 s. */
    private static <T> T await(Supplier<Optional<T>> look, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            Optional<T> found = look.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + what + " within 10 s");
    }

    private static void awaitEnd(BlockingQueue<LabEvent> events, JobKind kind) throws InterruptedException {
        for (LabEvent e = events.poll(10, TimeUnit.SECONDS); ; e = events.poll(10, TimeUnit.SECONDS)) {
            assertThat(e).as("an event within 10 s").isNotNull();
            if (e.equals(new LabEvent.JobEnded(kind))) {
                return;
            }
        }
    }

    @Test
    @Timeout(30)
    void aRunningScenarioIsInTheAgentsSummaryWithItsFiguresUntilItEnds() throws Exception {
        Path dir = tmp.resolve("place").resolve("jobs");
        BlockingQueue<LabEvent> events = new LinkedBlockingQueue<>();
        long before = System.currentTimeMillis();
        try (LabEngine lab = new LabEngine(tmp.resolve("runs"), ExchangeLimits.defaults(), Optional.empty(), Optional.of(dir))) {
            lab.subscribe(events::add);
            Path file = dir.resolve("job-" + self.pid() + "-" + self.startTicks() + ".status");
            assertThat(lab.statusFile()).contains(file);
            assertThat(Files.exists(file)).as("nothing is written while no job runs").isFalse();
            // At the lecture's pace the Lock scenario takes a while: long enough to be seen running.
            lab.send(new LabCommand.RunScenario(new ScenarioSpec(Primitive.LOCK, Mode.THREADS, 1, 2, 100_000, true)));
            RunningJob job = await(() -> summary(dir).running().stream().filter(j -> j.figures().getOrDefault("updates", 0.0) > 0)
                    .findFirst(), "running job with updates");
            assertThat(job.pid()).isEqualTo(self.pid());
            assertThat(job.kind()).isEqualTo("scenario");
            assertThat(job.label()).isEqualTo("sync lock, threads, 2 workers");
            assertThat(job.startedAtMillis()).isBetween(before, System.currentTimeMillis());
            assertThat(job.figures().keySet()).containsExactly("lock_on", "total", "expected", "updates", "lost_updates");
            assertThat(job.figures()).containsEntry("lock_on", 1.0).containsEntry("lost_updates", 0.0);
            assertThat(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS)).isEqualTo(PosixFilePermissions.fromString("rwx------"));

            lab.send(new LabCommand.Cancel());
            awaitEnd(events, JobKind.SCENARIO);
            assertThat(Files.exists(file, LinkOption.NOFOLLOW_LINKS)).as("removed at the job's end").isFalse();
            assertThat(summary(dir).running()).isEmpty();
            try (Stream<Path> left = Files.list(dir)) {
                assertThat(left).as("no temp file left either").isEmpty();
            }
        }
    }

    @Test
    @Timeout(10)
    void anExperimentsEventsBecomeItsLabelAndFiguresAndClosingRemovesTheFile() throws Exception {
        Path dir = tmp.resolve("jobs");
        RunSpec spec = new RunSpec(KernelKind.CPU, ModelKind.THREAD_TARGET, 4, 2, 1_000, 1, 1, 5, new int[0], RunSpec.SEED);
        try (JobStatusBoard board = JobStatusBoard.open(Optional.of(dir))) {
            Path file = board.path().orElseThrow();
            board.accept(new LabEvent.JobStarted(JobKind.EXPERIMENT));
            board.accept(new LabEvent.Experiment(new ExperimentEvent.Started(ExperimentRunner.baselineOf(spec))));
            board.accept(new LabEvent.Experiment(new ExperimentEvent.Finished(
                    new RunResult(ExperimentRunner.baselineOf(spec), RunResult.Status.COMPLETED, Problem.NONE, 0.9, 0.9, 1, Double.NaN, 0))));
            board.accept(new LabEvent.Experiment(new ExperimentEvent.Started(spec)));
            board.accept(new LabEvent.Experiment(new ExperimentEvent.Finished(
                    new RunResult(spec, RunResult.Status.COMPLETED, Problem.NONE, 0.5, 0.9, 1, 0.9, 0))));
            // Events closer together than the gap: the file shows the latest of them once written.
            RunningJob job = await(() -> JobStatusFile.readLive(dir).stream().filter(j -> j.figures().size() == 3).findFirst(),
                    "experiment with three figures");
            assertThat(job.kind()).isEqualTo("experiment");
            assertThat(job.label()).isEqualTo("cpu thread-target, 2 workers");
            assertThat(job.figures()).isEqualTo(Map.of("runs", 2.0, "wall_s", 0.5, "speedup", 1.8));
            assertThat(List.copyOf(job.figures().keySet())).containsExactly("runs", "wall_s", "speedup");
            assertThat(Files.exists(file)).isTrue();
        }
        assertThat(JobStatusFile.readLive(dir)).as("closing removes the file").isEmpty();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }
}
