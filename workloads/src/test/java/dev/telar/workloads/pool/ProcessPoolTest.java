package dev.telar.workloads.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.probe.Kernel;
import dev.telar.workloads.kernel.CpuKernel;
import dev.telar.workloads.kernel.TaskContext;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    void anIdlePoolBurnsNoCore() throws Exception {
        pool.map(List.of(TaskKinds.task(SMALL, 0), TaskKinds.task(SMALL, 1))).get(30, TimeUnit.SECONDS);
        Thread io = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("telar-child-pool"))
                .findFirst().orElseThrow();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long ioBefore = threads.getThreadCpuTime(io.getId());
        List<Long> before = pollingTicks();
        Thread.sleep(1000); // the measurement window: one second of nothing to do
        List<Long> after = pollingTicks();
        for (int w = 0; w < before.size(); w++) {
            // Polling backs off to 1 ms parks, then 10 ms: a few percent of a core at most; a
            // spinning reader would use 100 %.
            assertThat((after.get(w) - before.get(w)) * 1000 / Kernel.clockTicksPerSecond())
                    .as("CPU ms of worker %d's polling thread in 1 s idle", w).isLessThan(100);
        }
        // With nothing in flight the parent's reader parks until the next submission.
        assertThat(threads.getThreadCpuTime(io.getId()) - ioBefore).as("I/O thread CPU ns").isLessThan(20_000_000);
    }

    /** User + system clock ticks of each worker's telar-pool-N thread, read from /proc. */
    private static List<Long> pollingTicks() throws Exception {
        List<Long> out = new ArrayList<>();
        for (int w = 0; w < pool.size(); w++) {
            Path tasks = Path.of("/proc", Long.toString(pool.pids().get(w)), "task");
            long ticks = -1;
            try (Stream<Path> all = Files.list(tasks)) {
                for (Path t : (Iterable<Path>) all::iterator) {
                    if (Files.readString(t.resolve("comm")).strip().equals("telar-pool-" + w)) {
                        String stat = Files.readString(t.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                    }
                }
            }
            assertThat(ticks).as("worker %d has a telar-pool-%d thread", w, w).isNotNegative();
            out.add(ticks);
        }
        return out;
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
                    .extracting(e -> ((WorkerDiedException) e).problem()) // worker 0, task 0, SIGKILL; no last words
                    .isEqualTo(Problem.of(ProblemCode.POOL_WORKER_DIED, 0, pids.get(0), 0, 137));

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
