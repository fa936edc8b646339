package dev.telar.workloads.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.workloads.kernel.CpuKernel;
import dev.telar.workloads.kernel.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real pool of two worker JVMs, fed through Chronicle queues. */
class ProcessPoolTest {
    private static final CpuKernel SMALL = new CpuKernel(1_000_000, 77);
    @TempDir
    static Path shared;
    private static ProcessPool pool;

    @BeforeAll
    static void startPool() throws Exception {
        pool = ProcessPool.start(2, shared, new int[0]);
    }

    @AfterAll
    static void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void submitAndMapReturnTheKernelsExactResults() throws Exception {
        PoolResult one = pool.submit(TaskKinds.task(SMALL, 3)).get(30, TimeUnit.SECONDS);
        assertThat(one.value()).isEqualTo(SMALL.runTask(3, TaskContext.FREE));
        assertThat(pool.pids()).contains(one.workerPid());
        assertThat(one.cpuNanos()).isPositive();

        List<PoolTask> tasks = IntStream.range(0, 4).mapToObj(i -> TaskKinds.task(SMALL, i)).toList();
        List<PoolResult> all = pool.map(tasks).get(30, TimeUnit.SECONDS);
        assertThat(all).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(all.get(i).value()).as("task %d, bit for bit", i).isEqualTo(SMALL.runTask(i, TaskContext.FREE));
        }
        assertThat(all.stream().map(PoolResult::taskId).distinct()).hasSize(4);
        // Handed out together to an idle pool, the tasks are spread over both workers.
        assertThat(all.stream().map(PoolResult::workerPid).collect(Collectors.toSet()))
                .isEqualTo(Set.copyOf(pool.pids()));
    }

    @Test
    void aThrowingTaskComesBackWithItsMessageAndThePoolGoesOn() throws Exception {
        CompletableFuture<PoolResult> bad = pool.submit(new PoolTask("cpu", new long[] {0, 1, 0}));
        assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TaskFailedException.class)
                .hasMessage("IllegalArgumentException: draws must be positive, got 0");
        CompletableFuture<PoolResult> unknown = pool.submit(new PoolTask("java.lang.Runtime", new long[] {1}));
        assertThatThrownBy(() -> unknown.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(TaskFailedException.class)
                .hasMessage("IllegalArgumentException: unknown task kind 'java.lang.Runtime'; known: cpu, io, matmul");

        List<PoolResult> after = pool.map(List.of(TaskKinds.task(SMALL, 0), TaskKinds.task(SMALL, 1)))
                .get(30, TimeUnit.SECONDS);
        assertThat(after.get(1).value()).isEqualTo(SMALL.runTask(1, TaskContext.FREE));
        assertThat(pool.pids()).allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void aKilledWorkerFailsItsTaskWithPidAndSignalTheOthersGoOnAndCloseLeavesNothing(@TempDir Path parent)
            throws Exception {
        ProcessPool own = ProcessPool.start(2, parent, new int[0]);
        List<Long> pids = own.pids();
        try {
            // An idle pool hands the first task to worker 0; this one would take minutes.
            CompletableFuture<PoolResult> endless = own.submit(TaskKinds.task(new CpuKernel(100_000_000_000L, 1), 0));
            ProcessHandle.of(pids.get(0)).orElseThrow().destroyForcibly();
            assertThatThrownBy(() -> endless.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(WorkerDiedException.class)
                    .hasMessage("pool worker 0 (pid " + pids.get(0) + ") died with task 0 in flight: killed by SIGKILL (9)");

            PoolResult next = own.submit(TaskKinds.task(SMALL, 2)).get(30, TimeUnit.SECONDS);
            assertThat(next.workerPid()).isEqualTo(pids.get(1));
            assertThat(next.value()).isEqualTo(SMALL.runTask(2, TaskContext.FREE));
        } finally {
            own.close();
        }
        assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(own.directory()).doesNotExist();
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
        assertThatThrownBy(() -> own.submit(TaskKinds.task(SMALL, 0)).get(1, TimeUnit.SECONDS)).cause()
                .isInstanceOf(IllegalStateException.class).hasMessage("the process pool is closed");
    }
}
