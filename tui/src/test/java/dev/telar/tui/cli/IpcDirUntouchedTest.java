package dev.telar.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.config.IpcSettings;
import dev.telar.tui.IpcPlace;
import dev.telar.workloads.bench.SyncBench;
import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.kernel.CpuKernel;
import dev.telar.workloads.pool.PoolTask;
import dev.telar.workloads.pool.ProcessPool;
import dev.telar.workloads.pool.TaskKinds;
import dev.telar.workloads.race.RaceDemo;
import dev.telar.workloads.race.RaceResult;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.RunningScenario;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import dev.telar.workloads.sync.scenario.SyncScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The user's report: with {@code ipc.dir} a shared 0755 directory holding their file
 * {@code run-1-2.txt} (and another user's directory {@code run-1-2}), a run changed the directory
 * to 0700 and deleted the file. Every kind of run that makes run directories must leave that
 * directory as it was (mode, owner, entries, contents), adding only Telar's own subdirectory.
 */
class IpcDirUntouchedTest {
    private static final int OTHER_UID = 65534;

    @TempDir
    Path tmp;

    private Path shared;
    private Path config;
    private Map<String, String> before;
    private Map<String, String> foreignBefore;

    @BeforeEach
    void sharedDirectory() throws IOException {
        shared = Files.createDirectory(tmp.resolve("shareddir"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(shared.resolve("run-1-2.txt"), "the user's file");
        Path foreign = Files.createDirectory(shared.resolve("run-1-2"));
        Files.writeString(foreign.resolve("notes"), "someone else's");
        if (RunDirectory.effectiveUid() == 0) {
            Files.setAttribute(foreign, "unix:uid", OTHER_UID, LinkOption.NOFOLLOW_LINKS);
        }
        before = snapshot(shared);
        foreignBefore = snapshot(foreign);
        config = tmp.resolve("config.yaml");
        Files.writeString(config, "ipc:\n  dir: " + shared + "\n");
    }

    @AfterEach
    void sharedDirectoryIsAsTheUserLeftIt() throws IOException {
        Map<String, String> after = snapshot(shared);
        String own = RunDirectory.placeIn(shared).getFileName().toString();
        String ownEntry = after.remove(own);
        assertThat(after).as("the user's directory and entries").isEqualTo(before);
        assertThat(snapshot(shared.resolve("run-1-2"))).as("another user's directory").isEqualTo(foreignBefore);
        assertThat(ownEntry).as("Telar's own subdirectory").isEqualTo("40700 " + RunDirectory.effectiveUid());
        try (Stream<Path> left = Files.list(RunDirectory.placeIn(shared))) {
            assertThat(left).as("run directories removed at the end").isEmpty();
        }
    }

    private CliTest.Run cli(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliTest.run(CliTest.env(false, Map.of("TERM", "xterm", "HOME", tmp.toString())), all);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pipe", "queue", "value", "array", "dict"})
    @Timeout(120)
    void runExchange(String via) {
        CliTest.Run r = cli("run", "exchange", "--via", via, "--processes", "2", "--draws", "1000", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"status\":\"completed\"");
    }

    @Test
    @Timeout(120)
    void benchIpc() {
        CliTest.Run r = cli("bench", "ipc", "--messages", "100", "--only", "pipe", "--json");
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    @Timeout(120)
    void raceDemo() throws Exception {
        RaceResult r = RaceDemo.run(IpcPlace.parentDir(new IpcSettings(shared, IpcSettings.MB * 64), Map.of()), 2, 10_000, s -> { });
        assertThat(r.status()).as(r.problem().toString()).isEqualTo(RunResult.Status.COMPLETED);
    }

    @Test
    @Timeout(120)
    void syncScenarioInProcessMode() throws Exception {
        try (RunningScenario run = SyncScenarioRunner.start(
                ScenarioSpec.of(Primitive.LOCK, Mode.PROCESSES).withWorkers(2).withSize(2_000), RunDirectory.placeIn(shared))) {
            ScenarioOutcome o = run.await();
            assertThat(o.correct()).as(o.summary()).isTrue();
        }
    }

    @Test
    @Timeout(120)
    void processPool() throws Exception {
        try (ProcessPool pool = ProcessPool.start(1, RunDirectory.placeIn(shared), new int[0])) {
            PoolTask task = TaskKinds.task(new CpuKernel(1_000, 1), 0);
            assertThat(pool.submit(task).get(60, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    @Timeout(120)
    void benchSync() throws Exception {
        // one figure in one child JVM: every figure makes its run directory the same way
        assertThat(new SyncBench(RunDirectory.placeIn(shared))
                .measure("lock_acq_rel_uncontended", true, java.util.List.of("lock"), 1_000, 1_000).opsPerSecond()).isPositive();
    }

    /** Mode and owner of a directory and of each entry, with the contents of files. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        out.put(".", describe(dir));
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                out.put(p.getFileName().toString(), describe(p)
                        + (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? " " + Files.readString(p) : ""));
            }
        }
        return out;
    }

    private static String describe(Path p) throws IOException {
        return Integer.toOctalString((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)) + " "
                + Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }
}
