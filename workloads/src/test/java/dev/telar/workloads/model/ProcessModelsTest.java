package dev.telar.workloads.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.run.ExperimentRunner;
import dev.telar.workloads.run.Experiments;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The four process models against the sequential run, with real child JVMs. */
class ProcessModelsTest {
    private static final long DRAWS = 2_000_000;
    private static double sequential;

    static RunSpec cpu(ModelKind model, int workers, int tasks, long draws) {
        return new RunSpec(KernelKind.CPU, model, tasks, workers, draws, 1, 2, 5, new int[0], RunSpec.SEED);
    }

    @BeforeAll
    static void sequentialSum() {
        RunResult r = Experiments.run(cpu(ModelKind.SEQUENTIAL, 1, 3, DRAWS));
        assertThat(r.status()).isEqualTo(RunResult.Status.COMPLETED);
        sequential = r.result();
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"PROCESS_TARGET", "PROCESS_SUBCLASS", "PROCESS_POOL_SUBMIT",
            "PROCESS_POOL_MAP"})
    void everyProcessModelComputesExactlyTheSequentialSum(ModelKind model) {
        List<List<Long>> announced = new CopyOnWriteArrayList<>();
        RunControl control = new RunControl();
        control.watchChildren(announced::add);
        // Three tasks on two processes: one process runs two of them.
        RunResult r = Experiments.run(cpu(model, 2, 3, DRAWS), control);
        assertThat(r.status()).as(r.problem().toString()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(r.result()).isEqualTo(sequential); // bit for bit: same seeds, same combining order
        assertThat(r.startSeconds()).as("JVM start-up, reported apart").isPositive();
        assertThat(r.wallSeconds()).isPositive();
        assertThat(r.wallWithStartSeconds()).isEqualTo(r.wallSeconds() + r.startSeconds());
        assertThat(r.cpuSeconds()).as("the children's task CPU time").isPositive();
        assertThat(announced).hasSize(1);
        assertThat(announced.get(0)).hasSize(2).doesNotContain(ProcessHandle.current().pid())
                .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void aProcessRunIsComparedWithOneProcessOfTheSameModel() {
        assertThat(Arrays.stream(ModelKind.values()).filter(ModelKind::startsProcesses)).containsExactly(
                ModelKind.PROCESS_TARGET, ModelKind.PROCESS_SUBCLASS, ModelKind.PROCESS_POOL_SUBMIT,
                ModelKind.PROCESS_POOL_MAP);
        RunSpec four = cpu(ModelKind.PROCESS_POOL_SUBMIT, 4, 4, DRAWS);
        assertThat(ExperimentRunner.baselineOf(four)).isEqualTo(cpu(ModelKind.PROCESS_POOL_SUBMIT, 1, 4, DRAWS));
        assertThat(ExperimentRunner.baselineOf(cpu(ModelKind.POOL_MAP, 4, 4,
                DRAWS))).isEqualTo(cpu(ModelKind.SEQUENTIAL, 1, 4, DRAWS));
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"PROCESS_TARGET", "PROCESS_POOL_MAP"})
    void cancellingKillsTheChildrenAtOnce(ModelKind model) throws Exception {
        CompletableFuture<List<Long>> announced = new CompletableFuture<>();
        RunControl control = new RunControl();
        control.watchChildren(announced::complete);
        // Tasks that would take minutes.
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(
                () -> Experiments.run(cpu(model, 2, 2, 100_000_000_000L), control));
        List<Long> pids = announced.get(30, TimeUnit.SECONDS);
        long cancelled = System.nanoTime();
        control.cancel();
        RunResult r = run.get(5, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - cancelled) / 1e9;
        assertThat(r.status()).isEqualTo(RunResult.Status.CANCELLED);
        assertThat(seconds).as("time from cancel to the run's end").isLessThan(0.5);
        assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(leftRunDirectories()).isEmpty();
    }

    /** Run directories of this JVM under the default place (a pool's queues). */
    private static List<Path> leftRunDirectories() throws Exception {
        Path parent = RunDirectory.defaultParent(System.getenv());
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(parent)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("run-" + ProcessHandle.current().pid() + "-"))
                    .toList();
        }
    }
}
