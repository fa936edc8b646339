package dev.telar.workloads.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.remote.fleet.JobStatusFile;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import dev.telar.workloads.sync.scenario.ScenarioStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's lab client against real lab JVMs: events, refusals, cancel, close, crashes, idleness. */
@Timeout(90)
class LabClientTest {
    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path place;

    private final BlockingQueue<LabEvent> events = new LinkedBlockingQueue<>();
    private LabClient client;

    @AfterEach
    void closeAndKill() throws IOException {
        if (client != null) {
            client.close();
        }
        ChildLauncher.killAll();
        // A lab killed with -9 leaves its job status file; the next engine would remove it, the test does now.
        Path jobs = JobStatusFile.defaultDirectory(System.getenv());
        if (Files.isDirectory(jobs)) {
            JobStatusFile.removeStale(jobs);
        }
    }

    /** An experiment of 10 waits of {@code waitMillis} on one thread: light on the cores, long as wanted. */
    private static RunSpec io(long waitMillis) {
        return new RunSpec(KernelKind.IO, ModelKind.SEQUENTIAL, 1, 1, waitMillis, 1, 1, 5.0, new int[0], RunSpec.SEED);
    }

    @Test
    void anExperimentGivesTheEnginesEventsASecondJobIsRefusedCancelArrivesAndCloseLeavesNothing() throws Exception {
        LabCommand.RunExperiment job = new LabCommand.RunExperiment(io(100), false);
        List<String> inProcess = new ArrayList<>();
        LabEngine engine = new LabEngine(place, LabSamples.LIMITS);
        BlockingQueue<LabEvent> local = new LinkedBlockingQueue<>();
        engine.subscribe(local::add);
        engine.send(job);
        for (LabEvent e = local.take(); ; e = local.poll(WAIT_SECONDS, TimeUnit.SECONDS)) {
            inProcess.add(shape(e));
            if (e instanceof LabEvent.JobEnded) {
                break;
            }
        }
        engine.close();

        client = new LabClient(place, LabSamples.LIMITS, Duration.ofSeconds(60));
        client.subscribe(events::add);
        assertThat(client.labPid()).as("no lab before the first job").isEmpty();
        client.send(job);
        long lab = next(LabEvent.Ready.class).pid();
        assertThat(lab).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(ProcessHandle.of(lab).flatMap(h -> h.info().commandLine()).orElse(""))
                .contains("-Dtelar.child=LabMain", "-XX:+ExitOnOutOfMemoryError");
        List<LabEvent> seen = new ArrayList<>(List.of(new LabEvent.Ready(lab)));
        seen.addAll(until(e -> e instanceof LabEvent.Experiment x && x.event() instanceof ExperimentEvent.Started));
        client.send(new LabCommand.RunRace(2, 1000));
        seen.addAll(until(LabEvent.JobEnded.class::isInstance));

        List<String> shapes = seen.stream().map(LabClientTest::shape).toList();
        assertThat(shapes).containsExactly("Ready", "JobStarted:EXPERIMENT", "Experiment:Started", "Refused:RACE<EXPERIMENT",
                "Experiment:Finished:COMPLETED", "Experiment:Idle", "JobEnded:EXPERIMENT");
        assertThat(shapes.stream().filter(s -> !s.startsWith("Refused")).toList()).isEqualTo(inProcess);
        RunResult done = finished(seen);
        assertThat(done.spec()).isEqualTo(io(100));
        assertThat(done.wallSeconds()).isGreaterThanOrEqualTo(1.0);

        // A cancel reaches the lab at once; the run ends cancelled.
        Path dir = client.channelDir().orElseThrow();
        client.send(new LabCommand.RunExperiment(io(2000), false));
        until(e -> e instanceof LabEvent.Experiment x && x.event() instanceof ExperimentEvent.Started);
        long cancelled = System.nanoTime();
        client.send(new LabCommand.Cancel());
        List<LabEvent> end = until(LabEvent.JobEnded.class::isInstance);
        Duration took = Duration.ofNanos(System.nanoTime() - cancelled);
        assertThat(finished(end).status()).isEqualTo(RunResult.Status.CANCELLED);
        System.out.printf("cancel to cancelled run: %d ms%n", took.toMillis());
        assertThat(took).as("cancel to cancelled run").isLessThan(Duration.ofMillis(1000));
        assertThat(client.labPid()).hasValue(lab);

        // Closing mid-run: the job ends, the lab goes, and so does every file.
        client.send(new LabCommand.RunExperiment(io(2000), false));
        until(e -> e instanceof LabEvent.Experiment x && x.event() instanceof ExperimentEvent.Started);
        long closing = System.nanoTime();
        client.close();
        Duration closed = Duration.ofNanos(System.nanoTime() - closing);
        System.out.printf("close mid-run: %d ms%n", closed.toMillis());
        assertThat(closed).isLessThan(LabClient.LEAVE_WAIT);
        assertThat(ProcessHandle.of(lab).map(ProcessHandle::isAlive)).as("lab JVM after close").isNotEqualTo(
                java.util.Optional.of(true));
        assertThat(until(LabEvent.JobEnded.class::isInstance)).noneMatch(LabEvent.LabLost.class::isInstance);
        assertThat(dir).doesNotExist();
        assertThat(runDirectories()).isEmpty();
        client.send(new LabCommand.RunExperiment(io(1), false));
        assertThat(events.poll(300, TimeUnit.MILLISECONDS)).as("nothing after close").isNull();
    }

    @Test
    void aKilledLabAndALabOutOfMemoryFailTheirJobAndTheNextJobGetsANewLab() throws Exception {
        client = new LabClient(place, LabSamples.LIMITS, Duration.ofSeconds(60), List.of("-Xmx64m"));
        client.subscribe(events::add);

        client.send(new LabCommand.RunExperiment(io(2000), false));
        long first = next(LabEvent.Ready.class).pid();
        until(e -> e instanceof LabEvent.Experiment x && x.event() instanceof ExperimentEvent.Started);
        Path firstDir = client.channelDir().orElseThrow();
        ProcessHandle.of(first).orElseThrow().destroyForcibly();
        Problem killed = Problem.of(ProblemCode.LAB_KILLED, first, 137); // 128 + SIGKILL
        assertLost(killed, io(2000));
        assertThat(firstDir).doesNotExist();

        // Three matrices of 2000 x 2000 doubles (32 MB each) do not fit in a 64 MB heap.
        RunSpec matmul = new RunSpec(KernelKind.MATMUL, ModelKind.SEQUENTIAL, 1, 1, 2000, 1, 1, 5.0, new int[0],
                RunSpec.SEED);
        client.send(new LabCommand.RunExperiment(matmul, false));
        long second = next(LabEvent.Ready.class).pid();
        assertThat(second).isNotEqualTo(first);
        assertLost(Problem.of(ProblemCode.LAB_OUT_OF_MEMORY, second, LabMain.EXIT_OUT_OF_MEMORY), matmul);

        client.send(new LabCommand.RunExperiment(io(1), false));
        long third = next(LabEvent.Ready.class).pid();
        assertThat(third).isNotIn(first, second);
        assertThat(finished(until(LabEvent.JobEnded.class::isInstance)).status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(runDirectories()).containsExactly(client.channelDir().orElseThrow());
    }

    @Test
    void exchangeRaceAndScenarioJobsEndFailedWhenTheirLabIsKilled() throws Exception {
        client = new LabClient(place, LabSamples.LIMITS, Duration.ofSeconds(60));
        client.subscribe(events::add);

        Killed scenario = killMidJob(new LabCommand.RunScenario(ScenarioSpec.of(Primitive.LOCK, Mode.THREADS)
                .withSlowdown(1)), LabEvent.ScenarioUpdated.class::isInstance);
        List<LabEvent> end = scenario.ending();
        LabEvent.ScenarioEnded ended = (LabEvent.ScenarioEnded) end.get(end.size() - 2);
        assertThat(ended.outcome().status()).isEqualTo(ScenarioStatus.FAILED);
        assertThat(ended.outcome().failure()).isEqualTo(scenario.reason());
        assertThat(ended.outcome().primitive()).isEqualTo(Primitive.LOCK);
        LabEvent.ScenarioUpdated last = (LabEvent.ScenarioUpdated) end.get(end.size() - 3);
        assertThat(last.snapshot().status()).isEqualTo(ScenarioStatus.FAILED);
        assertThat(end.get(end.size() - 1)).isEqualTo(new LabEvent.JobEnded(JobKind.SCENARIO));

        Killed exchange = killMidJob(new LabCommand.CompareExchange(List.of(Mechanism.PIPE), 2, ExchangeSpec.MAX_DRAWS,
                false), e -> e instanceof LabEvent.Exchange x && x.event() instanceof ExchangeEvent.RunStarted);
        ExchangeEvent.RunFinished run = (ExchangeEvent.RunFinished) ((LabEvent.Exchange) exchange.ending().get(0)).event();
        assertThat(run.result().status()).isEqualTo(RunResult.Status.FAILED);
        assertThat(run.result().problem()).isEqualTo(exchange.reason());
        assertThat(run.result().spec().mechanism()).isEqualTo(Mechanism.PIPE);
        assertThat(run.result().spec().processes()).isEqualTo(2);
        assertThat(exchange.ending()).hasSize(3);

        Killed race = killMidJob(new LabCommand.RunRace(2, 1_000_000_000L),
                e -> e instanceof LabEvent.Exchange x && x.event() instanceof ExchangeEvent.RaceStarted);
        ExchangeEvent.RaceFinished raced = (ExchangeEvent.RaceFinished) ((LabEvent.Exchange) race.ending().get(0)).event();
        assertThat(raced.result().status()).isEqualTo(RunResult.Status.FAILED);
        assertThat(raced.result().problem()).isEqualTo(race.reason());
        assertThat(race.ending()).hasSize(3);
        assertThat(runDirectories()).isEmpty();
    }

    @Test
    void anIdleLabCostsAlmostNothingThenLeavesAndTheNextJobStartsAnother() throws Exception {
        client = new LabClient(place, LabSamples.LIMITS, Duration.ofSeconds(8));
        client.subscribe(events::add);
        client.warmUp();
        long lab = next(LabEvent.Ready.class).pid();
        Path dir = client.channelDir().orElseThrow();
        Path link = TaskStats.thread(ProcessHandle.current().pid(), "telar-lab-link").orElseThrow();
        Thread.sleep(1500); // past the tail of its start: class loading, compilations

        long cpu0 = TaskStats.cpuNanos(lab);
        long runs0 = TaskStats.runs(link);
        long t0 = System.nanoTime();
        Thread.sleep(3000);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long labCpu = TaskStats.cpuNanos(lab) - cpu0;
        long linkRuns = TaskStats.runs(link) - runs0;
        System.out.printf("idle lab over %.1f s: lab CPU %.1f ms, client thread ran %d times%n", seconds, labCpu / 1e6,
                linkRuns);
        assertThat(labCpu).as("lab CPU over %.1f s idle, ns", seconds).isLessThan(30_000_000L);
        assertThat(linkRuns).as("client thread wake-ups over %.1f s", seconds).isLessThanOrEqualTo(5);

        // Eight seconds after it was ready the lab leaves by itself; nothing is reported lost.
        assertThat(ProcessHandle.of(lab).map(h -> h.onExit().orTimeout(15, TimeUnit.SECONDS).join()))
                .hasValueSatisfying(h -> assertThat(h.isAlive()).isFalse());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Files.exists(dir) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(dir).doesNotExist();
        assertThat(client.labPid()).isEmpty();
        long runs1 = TaskStats.runs(link);
        Thread.sleep(1000);
        assertThat(TaskStats.runs(link) - runs1).as("client thread wake-ups without a lab").isLessThanOrEqualTo(1);
        assertThat(events).isEmpty();

        client.send(new LabCommand.RunExperiment(io(1), false));
        long next = next(LabEvent.Ready.class).pid();
        assertThat(next).isNotEqualTo(lab);
        assertThat(finished(until(LabEvent.JobEnded.class::isInstance)).status()).isEqualTo(RunResult.Status.COMPLETED);
    }

    @Test
    void theLabDiesWithItsDashboardAndItsDirectoryIsRemovedByTheNextStart() throws Exception {
        Child dashboard = ChildLauncher.startTarget(DashboardStandIn.class, List.of(place.toString()));
        String line = dashboard.stdout().readLine();
        assertThat(line).as("lab pid from the stand-in (%s)", dashboard.lastError()).matches("\\d+");
        ProcessHandle lab = ProcessHandle.of(Long.parseLong(line)).orElseThrow();
        assertThat(runDirectories()).hasSize(1);

        dashboard.kill();
        assertThat(lab.onExit().orTimeout(5, TimeUnit.SECONDS).join().isAlive()).isFalse();
        assertThat(dashboard.join(Duration.ofSeconds(5))).isPresent();
        // Nobody was left to remove the channel; its marker names a dead owner, so the next start does.
        assertThat(RunDirectory.removeStale(place)).hasSize(1);
        assertThat(runDirectories()).isEmpty();
    }

    /** What a job's view heard once its lab was killed: the events up to its end, and the reason given. */
    private record Killed(Problem reason, List<LabEvent> ending) {
    }

    /**
     * Sends {@code job} (a new lab starts), kills the lab once {@code running} is seen, and checks
     * that the job ends with the lab runner's Idle (exchange and race), then JobEnded, then LabLost.
     *
     * @return the events from the kill to JobEnded, without the exchange's progress events
     */
    private Killed killMidJob(LabCommand.Job job, Predicate<LabEvent> running) throws InterruptedException {
        client.send(job);
        long lab = next(LabEvent.Ready.class).pid();
        until(running);
        ProcessHandle.of(lab).orElseThrow().destroyForcibly();
        Problem reason = Problem.of(ProblemCode.LAB_KILLED, lab, 137);
        List<LabEvent> end = until(LabEvent.JobEnded.class::isInstance).stream()
                .filter(e -> !(e instanceof LabEvent.ExchangeProgressed || e instanceof LabEvent.RaceSampled)).toList();
        assertThat(end.get(end.size() - 1)).isEqualTo(new LabEvent.JobEnded(job.kind()));
        if (job.kind() == JobKind.EXCHANGE || job.kind() == JobKind.RACE) {
            assertThat(end.get(end.size() - 2)).isEqualTo(new LabEvent.Exchange(new ExchangeEvent.Idle()));
        }
        assertThat(next(LabEvent.LabLost.class).reason()).isEqualTo(reason);
        return new Killed(reason, end);
    }

    /** The failed ending of an experiment whose lab was lost, then LabLost, all with {@code reason}. */
    private void assertLost(Problem reason, RunSpec spec) throws InterruptedException {
        List<LabEvent> end = until(LabEvent.JobEnded.class::isInstance);
        RunResult failed = finished(end);
        assertThat(failed.status()).isEqualTo(RunResult.Status.FAILED);
        assertThat(failed.problem()).isEqualTo(reason);
        assertThat(failed.spec()).isEqualTo(spec);
        assertThat(end.subList(end.size() - 2, end.size())).containsExactly(
                new LabEvent.Experiment(new ExperimentEvent.Idle()), new LabEvent.JobEnded(JobKind.EXPERIMENT));
        assertThat(next(LabEvent.LabLost.class).reason()).isEqualTo(reason);
    }

    private <T extends LabEvent> T next(Class<T> type) throws InterruptedException {
        LabEvent e = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(e).as("next event, a %s", type.getSimpleName()).isInstanceOf(type);
        return type.cast(e);
    }

    /** The events up to and including the first that matches. */
    private List<LabEvent> until(Predicate<LabEvent> last) throws InterruptedException {
        List<LabEvent> seen = new ArrayList<>();
        while (true) {
            LabEvent e = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(e).as("an event after %s", seen).isNotNull();
            seen.add(e);
            if (last.test(e)) {
                return seen;
            }
        }
    }

    private static RunResult finished(List<LabEvent> events) {
        return events.stream().filter(e -> e instanceof LabEvent.Experiment x && x.event() instanceof ExperimentEvent.Finished)
                .map(e -> ((ExperimentEvent.Finished) ((LabEvent.Experiment) e).event()).result())
                .reduce((a, b) -> b).orElseThrow();
    }

    private List<Path> runDirectories() throws Exception {
        try (Stream<Path> dirs = Files.list(place)) {
            return dirs.filter(Files::isDirectory).toList();
        }
    }

    /** The kind of an event with what tells one ending from another, without times or pids. */
    private static String shape(LabEvent e) {
        if (e instanceof LabEvent.JobStarted s) {
            return "JobStarted:" + s.kind();
        } else if (e instanceof LabEvent.JobEnded s) {
            return "JobEnded:" + s.kind();
        } else if (e instanceof LabEvent.Refused r) {
            return "Refused:" + r.asked() + "<" + r.running();
        } else if (e instanceof LabEvent.Experiment x) {
            return "Experiment:" + x.event().getClass().getSimpleName()
                    + (x.event() instanceof ExperimentEvent.Finished f ? ":" + f.result().status() : "");
        }
        return e.getClass().getSimpleName();
    }
}
