package dev.telar.workloads.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.exchange.ExchangeExperiment;
import dev.telar.workloads.exchange.ExchangeResult;
import dev.telar.workloads.exchange.ExchangeRun;
import dev.telar.workloads.exchange.ExchangeRunner;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.ipc.Tmpfs;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.race.RaceResult;
import dev.telar.workloads.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every mechanism run on a tmpfs too small for it, in this JVM: the run ends FAILED with a
 * "disk full" reason, this JVM goes on (no SIGBUS, no stray InternalError), no child is left and
 * the run directory is gone. The sizes put the shortage where each mechanism first needs room.
 */
class DiskFullTest {
    @ParameterizedTest(name = "{0} on a {1} tmpfs: {2}")
    @CsvSource({
            "PIPE,  16k, the parent's journal",
            "QUEUE, 16k, each child's journal",
            "VALUE, 8k,  the start gate's mapped file",
            "ARRAY, 4k,  the start gate's mapped file",
            "DICT,  64k, the Chronicle Map file"})
    @Timeout(90)
    void aRunOnAFullDiskFailsWithDiskFullAndLeavesNothing(Mechanism mechanism, String size, String where)
            throws Exception {
        try (Tmpfs tmpfs = Tmpfs.mount(size)) {
            ExchangeSpec spec = new ExchangeSpec(mechanism, 2, 20_000_000L, 1, ExchangeLimits.defaults());
            ExchangeRun run = ExchangeExperiment.start(spec, tmpfs.path(), s -> { });
            ExchangeResult r = run.await(Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("run not ended"));

            assertThat(r.status()).as(r.problem().toString()).isEqualTo(RunResult.Status.FAILED);
            // A full disk, met by this JVM or by a child (then its last words); one line each argument.
            assertThat(r.problem().diskFull()).as(r.problem().toString()).isPresent();
            assertThat(r.problem().toLine()).doesNotContain("\n").doesNotContain("InternalError");
            assertThat(run.children()).noneMatch(c -> c.isAlive());
            try (Stream<Path> left = Files.list(tmpfs.path())) {
                assertThat(left).as("the run directory is removed").isEmpty();
            }
        }
        // Still here: this JVM survived. And it can still run a mechanism elsewhere.
        assertThat(Runtime.getRuntime().availableProcessors()).isPositive();
    }

    /**
     * The dashboard's path: its {@link ExchangeRunner} runs every mechanism of a comparison in the
     * dashboard's own JVM. On a full disk each run ends FAILED "disk full", the job goes on to the
     * next mechanism and ends, and the runner takes the next job (here the race demo, which fails
     * the same way).
     */
    @org.junit.jupiter.api.Test
    @Timeout(90)
    void theDashboardsRunnerReportsEveryRunAsDiskFullAndGoesOn() throws Exception {
        try (Tmpfs tmpfs = Tmpfs.mount("4k"); ExchangeRunner runner = new ExchangeRunner(tmpfs.path(),
                ExchangeLimits.defaults())) {
            java.util.concurrent.BlockingQueue<ExchangeEvent> events = new java.util.concurrent.LinkedBlockingQueue<>();
            runner.subscribe(events::add);
            runner.submitComparison(Mechanism.LOCAL, 2, 20_000_000L, false);
            runner.submitRace(2, 1000);
            java.util.List<ExchangeResult> runs = new java.util.ArrayList<>();
            RaceResult race = null;
            int idle = 0;
            while (idle < 2) {
                ExchangeEvent e = events.poll(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(e).as("an event within 60 s").isNotNull();
                if (e instanceof ExchangeEvent.RunFinished f) {
                    runs.add(f.result());
                } else if (e instanceof ExchangeEvent.RaceFinished f) {
                    race = f.result();
                } else if (e instanceof ExchangeEvent.Idle) {
                    idle++;
                }
            }
            assertThat(runs).extracting(r -> r.spec().mechanism()).containsExactlyElementsOf(Mechanism.LOCAL);
            for (ExchangeResult r : runs) {
                assertThat(r.status()).as(r.spec().mechanism() + ": " + r.problem()).isEqualTo(RunResult.Status.FAILED);
                assertThat(r.problem().code().diskFull()).as(r.spec().mechanism() + ": " + r.problem()).isTrue();
            }
            assertThat(race).isNotNull();
            assertThat(race.status()).isEqualTo(RunResult.Status.FAILED);
            assertThat(race.problem().code().diskFull()).as(race.problem().toString()).isTrue();
            assertThat(runner.busy()).isFalse();
            try (Stream<Path> left = Files.list(tmpfs.path())) {
                assertThat(left).isEmpty();
            }
        }
    }

    /**
     * A journal that grows while the disk fills: the writer's periodic check stops it with
     * DiskFullException before Chronicle writes into a page the file system cannot give (which
     * would fault), and every message sent before is kept in the lane.
     */
    @org.junit.jupiter.api.Test
    @Timeout(60)
    void aGrowingJournalStopsWithDiskFullBeforeItFaults() throws Exception {
        try (Tmpfs tmpfs = Tmpfs.mount("2m")) {
            Path dir = tmpfs.path().resolve("pipe");
            Pipe.create(dir, new ExchangeLimits(100_000_000L, ExchangeLimits.DEFAULT_DISK_CAP));
            long sent = 0;
            try (PipeEnd a = Pipe.open(dir, Pipe.Side.A)) {
                dev.telar.workloads.ipc.DiskFullException stop = null;
                try {
                    while (sent < 10_000_000L) {
                        a.send(sent, sent);
                        sent++;
                    }
                } catch (dev.telar.workloads.ipc.DiskFullException e) {
                    stop = e;
                }
                assertThat(stop).as("the writer stopped for a full disk after %d messages", sent).isNotNull();
                // The journal of lane a-to-b, on the tmpfs, with what it has and what it needs.
                assertThat(stop.problem().code()).isEqualTo(ProblemCode.DISK_FULL_JOURNAL);
                assertThat(stop.problem().args()).hasSize(4).startsWith("a-to-b", Pipe.lane(dir, Pipe.Side.A).toString());
                assertThat(stop.problem().args().get(3)).matches("[0-9.]+ (KiB|MiB)");
                assertThat(sent).as("about a MiB of messages fitted").isGreaterThan(10_000);
            }
            try (Lane lane = Lane.open(Pipe.lane(dir, Pipe.Side.A), net.openhft.chronicle.core.time.SystemTimeProvider.INSTANCE)) {
                assertThat(lane.written()).as("every message sent before the stop is in the lane").isEqualTo(sent);
            }
        }
    }
}
