package dev.telar.workloads.sync.bench;

import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildExit;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.sync.SharedCounters;
import dev.telar.workloads.sync.SyncEvent;
import dev.telar.workloads.sync.SyncPrimitives;
import dev.telar.workloads.sync.process.ProcessSync;
import dev.telar.workloads.sync.thread.ThreadSync;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synchronization benchmark, shaped like the Python peer ({@code py_mp_peer.py N}): for N
 * operations, Lock acquire/release by 2 participants x N/2 each ({@code lock_acq_rel}) and by one
 * alone ({@code lock_acq_rel_uncontended}), Barrier(2) rounds, N/20 ({@code barrier_rounds}), and
 * Event ping-pong round trips, N/20 ({@code event_pingpong}); each between child JVMs and, prefixed
 * {@code thread_}, between threads of this JVM. Every participant warms up on the same loop first;
 * the timed part runs from the first participant's start to the last one's end, all released by
 * one Event. Not thread-safe: run one benchmark at a time.
 */
public final class SyncBench {
    private static final Logger LOG = LoggerFactory.getLogger(SyncBench.class);
    static final String BOARD = "bench";
    static final int READY = 0;
    static final int START = 2;
    static final int BOARD_SIZE = START + 2 * 4;
    private static final Duration START_PATIENCE = Duration.ofSeconds(60);
    private static final Duration RUN_PATIENCE = Duration.ofSeconds(300);
    /** Linux's USER_HZ: the unit of utime and stime in /proc/<pid>/stat on every common platform. */
    private static final double CLOCK_TICKS_PER_SECOND = 100;

    private final Path runParent;

    /** @param runParent where process benchmarks create their run directories */
    public SyncBench(Path runParent) {
        this.runParent = runParent;
    }

    /** The smallest N that still times something. */
    public static final long MIN_OPS = 1_000;

    /**
     * Runs every figure for N = {@code ops}, processes first, then threads.
     *
     * @throws IllegalArgumentException when {@code ops} is below {@link #MIN_OPS}
     */
    public List<BenchResult> runAll(long ops) throws InterruptedException {
        if (ops < MIN_OPS) {
            throw new IllegalArgumentException("--ops must be at least " + MIN_OPS + ", not " + ops);
        }
        List<BenchResult> out = new ArrayList<>();
        for (boolean processes : new boolean[] {true, false}) {
            out.add(measure("lock_acq_rel", processes, List.of("lock", "lock"), ops / 2, ops));
            out.add(measure("lock_acq_rel_uncontended", processes, List.of("lock"), ops, ops));
            out.add(measure("barrier_rounds", processes, List.of("barrier", "barrier"), ops / 20, ops / 20));
            out.add(measure("event_pingpong", processes, List.of("ping", "pong"), ops / 20, ops / 20));
        }
        return out;
    }

    /**
     * One figure.
     *
     * @param kinds       one participant per entry (see {@link BenchChild})
     * @param each        operations per participant
     * @param counted     operations the figure counts (e.g. rounds rather than arrivals)
     */
    public BenchResult measure(String name, boolean processes, List<String> kinds, long each, long counted)
            throws InterruptedException {
        long warm = Math.min(each, name.startsWith("lock") ? 200_000 : 20_000);
        long[] span = processes ? inChildren(kinds, each, warm) : inThreads(kinds, each, warm);
        double seconds = (span[1] - span[0]) / 1e9;
        BenchResult r = new BenchResult(processes ? name : "thread_" + name, counted / seconds, counted, seconds,
                kinds.size(), processes);
        LOG.info("sync bench {}: {} ops/s", r.name(), Math.round(r.opsPerSecond()));
        return r;
    }

    private static void prepare(SyncPrimitives sync) {
        sync.counters(BOARD, BOARD_SIZE);
        sync.event("go");
        sync.lock("lock");
        sync.barrier("barrier", 2, null, null);
        sync.event("e1");
        sync.event("e2");
    }

    /** The earliest start and the latest end of the participants' timed parts. */
    private static long[] span(SharedCounters board, int participants) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < participants; i++) {
            first = Math.min(first, board.get(START + 2 * i));
            last = Math.max(last, board.get(START + 2 * i + 1));
        }
        return new long[] {first, last};
    }

    private long[] inChildren(List<String> kinds, long each, long warm) throws InterruptedException {
        List<Child> children = new ArrayList<>();
        try (RunDirectory dir = RunDirectory.create(runParent); ProcessSync sync = new ProcessSync(dir.path())) {
            prepare(sync);
            SharedCounters board = sync.counters(BOARD, BOARD_SIZE);
            for (int i = 0; i < kinds.size(); i++) {
                children.add(ChildLauncher.startTarget(BenchChild.class, List.of(kinds.get(i), dir.path().toString(),
                        Integer.toString(i), Long.toString(each), Long.toString(warm))));
            }
            long deadline = System.nanoTime() + START_PATIENCE.toNanos();
            while (board.get(READY) < kinds.size()) {
                for (Child c : children) {
                    if (!c.isAlive()) {
                        throw new IllegalStateException("benchmark child " + c.pid() + " ended early: " + c.lastError());
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("benchmark children not ready after " + START_PATIENCE.toSeconds() + " s");
                }
                Thread.sleep(1);
            }
            sync.event("go").set();
            for (Child c : children) {
                Optional<ChildExit> exit = c.join(RUN_PATIENCE);
                if (exit.isEmpty() || !exit.get().ok()) {
                    throw new IllegalStateException("benchmark child " + c.pid() + " failed: "
                            + exit.map(ChildExit::describe).orElse("still running") + " " + c.lastError());
                }
            }
            return span(board, kinds.size());
        } finally {
            children.forEach(Child::kill);
        }
    }

    private static long[] inThreads(List<String> kinds, long each, long warm) throws InterruptedException {
        try (ThreadSync sync = new ThreadSync()) {
            prepare(sync);
            SharedCounters board = sync.counters(BOARD, BOARD_SIZE);
            SyncEvent go = sync.event("go");
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < kinds.size(); i++) {
                int slot = i;
                BenchChild.Loop loop = BenchChild.loop(kinds.get(i), sync);
                threads.add(new Thread(() -> {
                    try {
                        loop.run(warm);
                        board.add(READY, 1);
                        go.await();
                        long t0 = System.nanoTime();
                        loop.run(each);
                        long t1 = System.nanoTime();
                        board.set(START + 2 * slot, t0);
                        board.set(START + 2 * slot + 1, t1);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "telar-bench-" + kinds.get(i) + "-" + i));
            }
            threads.forEach(Thread::start);
            while (board.get(READY) < kinds.size() && failure.get() == null) {
                Thread.sleep(1);
            }
            go.set();
            for (Thread t : threads) {
                t.join(RUN_PATIENCE.toMillis());
                if (t.isAlive()) {
                    threads.forEach(Thread::interrupt);
                    throw new IllegalStateException("benchmark thread " + t.getName() + " still running");
                }
            }
            if (failure.get() != null) {
                throw new IllegalStateException("benchmark thread failed: " + failure.get(), failure.get());
            }
            return span(board, kinds.size());
        }
    }

    /**
     * Blocks a child JVM in {@code Event.await} and measures the CPU it uses over {@code window}.
     */
    public IdleWait idleWait(Duration window) throws InterruptedException {
        Child child = null;
        try (RunDirectory dir = RunDirectory.create(runParent); ProcessSync sync = new ProcessSync(dir.path())) {
            prepare(sync);
            sync.event("never");
            child = ChildLauncher.startTarget(BenchChild.class, List.of("idle", dir.path().toString(), "0", "0", "0"));
            String line;
            try {
                line = child.stdout().readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!"waiting".equals(line)) {
                throw new IllegalStateException("idle child did not start: " + child.lastError());
            }
            long pid = child.pid();
            Path task = waiterTask(pid);
            Thread.sleep(300); // past the spinning phase, into the longest pauses
            long ticks0 = processTicks(pid);
            long[] sched0 = schedstat(task);
            long t0 = System.nanoTime();
            Thread.sleep(window.toMillis());
            long ticks1 = processTicks(pid);
            long[] sched1 = schedstat(task);
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new IdleWait(seconds, 100 * (ticks1 - ticks0) / CLOCK_TICKS_PER_SECOND / seconds,
                    100 * (sched1[0] - sched0[0]) / 1e9 / seconds, (sched1[2] - sched0[2]) / seconds);
        } finally {
            if (child != null) {
                child.kill();
            }
        }
    }

    private static Path waiterTask(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    String comm = Files.readString(t.resolve("comm"), StandardCharsets.US_ASCII).strip();
                    if (comm.equals(BenchChild.IDLE_THREAD)) {
                        return t;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the threads of " + pid + ": " + e.getMessage(), e);
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no thread named " + BenchChild.IDLE_THREAD + " in process " + pid);
    }

    /** utime + stime of a process, clock ticks. */
    static long processTicks(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]);
    }

    /** run nanoseconds, wait nanoseconds, times run: /proc/.../schedstat. */
    static long[] schedstat(Path task) {
        String[] f = read(task.resolve("schedstat")).trim().split(" ");
        return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])};
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }
}
