package dev.telar.workloads.bench;

import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildExit;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.proc.StartGate;
import dev.telar.workloads.sync.SharedCounters;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synchronization benchmark, shaped like the Python peer ({@code bench/peers/mp_peer.py N}): for N
 * operations, Lock acquire/release by 2 participants x N/2 each ({@code lock_acq_rel}) and by one
 * alone ({@code lock_acq_rel_uncontended}), Barrier(2) rounds, N/20 ({@code barrier_rounds}), and
 * Event ping-pong round trips, N/20 ({@code event_pingpong}); each between child JVMs and, prefixed
 * {@code thread_}, between threads of this JVM. The participants meet, warm up together on the
 * same loop (the lock until its pace is steady, see {@link WarmUp}), then run {@link #ROUNDS}
 * timed rounds, each released by a start gate and timed from its start time to the last
 * participant's end; the median round counts. Not thread-safe: run one benchmark at a time.
 */
public final class SyncBench {
    private static final Logger LOG = LoggerFactory.getLogger(SyncBench.class);
    static final String BOARD = "bench";
    static final String GATE = "bench.gate";
    /**
     * Timed rounds per figure; the median counts. A round of the peer's counts lasts 5 to 50 ms
     * here, where one preemption of a few milliseconds would decide a single round's figure.
     */
    public static final int ROUNDS = 5;
    /** Most participants of one figure. */
    static final int MAX_PARTICIPANTS = 2;
    private static final int END = 0;
    static final int BOARD_SIZE = END + ROUNDS * MAX_PARTICIPANTS;
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
     * One figure: the median of {@link #ROUNDS} timed rounds.
     *
     * @param kinds       one participant per entry (see {@link SyncBenchChild}), at most {@link #MAX_PARTICIPANTS}
     * @param each        operations per participant and round
     * @param counted     operations the figure counts per round (e.g. rounds rather than arrivals)
     */
    public BenchResult measure(String name, boolean processes, List<String> kinds, long each, long counted)
            throws InterruptedException {
        long warm = Math.min(each, 20_000);
        double[] seconds = processes ? inChildren(kinds, each, warm) : inThreads(kinds, each, warm);
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted[ROUNDS / 2];
        BenchResult r = new BenchResult(processes ? name : "thread_" + name, counted / median, counted, median,
                kinds.size(), processes, seconds);
        LOG.info("sync bench {}: {} ops/s, rounds {} s", r.name(), Math.round(r.opsPerSecond()), Arrays.toString(seconds));
        return r;
    }

    private static void prepare(SyncPrimitives sync) {
        sync.counters(BOARD, BOARD_SIZE);
        sync.lock("lock");
        sync.barrier("barrier", 2, null, null);
        sync.event("e1");
        sync.event("e2");
    }

    /** Where participant {@code slot} writes the end of round {@code round} on the board. */
    static int endSlot(int round, int slot) {
        return END + round * MAX_PARTICIPANTS + slot;
    }

    private double[] inChildren(List<String> kinds, long each, long warm) throws InterruptedException {
        List<Child> children = new ArrayList<>();
        int parties = kinds.size();
        try (RunDirectory dir = RunDirectory.create(runParent); ProcessSync sync = new ProcessSync(dir.path());
             StartGate gate = StartGate.open(dir.path().resolve(GATE))) {
            prepare(sync);
            SharedCounters board = sync.counters(BOARD, BOARD_SIZE);
            for (int i = 0; i < parties; i++) {
                children.add(ChildLauncher.startTarget(SyncBenchChild.class, List.of(kinds.get(i), dir.path().toString(),
                        Integer.toString(i), Long.toString(each), Long.toString(warm), Integer.toString(parties),
                        Integer.toString(ROUNDS))));
            }
            long[] opened = new long[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                // one meeting before the warm-up, then one "ready" per participant and round
                Duration patience = r == 0 ? START_PATIENCE : RUN_PATIENCE;
                if (!gate.awaitReady(parties * (r + 2), patience, () -> children.stream().allMatch(Child::isAlive))) {
                    throw new IllegalStateException(whyFailed(children, patience));
                }
                opened[r] = gate.openRound(r);
            }
            for (Child c : children) {
                Optional<ChildExit> exit = c.join(RUN_PATIENCE);
                if (exit.isEmpty() || !exit.get().ok()) {
                    throw new IllegalStateException("benchmark child " + c.pid() + " failed: "
                            + exit.map(ChildExit::describe).orElse("still running") + " " + c.lastError());
                }
            }
            double[] seconds = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                long last = Long.MIN_VALUE;
                for (int i = 0; i < parties; i++) {
                    last = Math.max(last, board.get(endSlot(r, i)));
                }
                seconds[r] = (last - opened[r]) / 1e9;
            }
            return seconds;
        } finally {
            children.forEach(Child::kill);
        }
    }

    private static String whyFailed(List<Child> children, Duration patience) {
        for (Child c : children) {
            if (!c.isAlive()) {
                return "benchmark child " + c.pid() + " ended early: " + c.lastError();
            }
        }
        return "benchmark children not ready after " + patience.toSeconds() + " s";
    }

    private static double[] inThreads(List<String> kinds, long each, long warm) throws InterruptedException {
        int parties = kinds.size();
        long[][] starts = new long[ROUNDS][parties];
        long[][] ends = new long[ROUNDS][parties];
        CyclicBarrier roundStart = new CyclicBarrier(parties);
        try (ThreadSync sync = new ThreadSync()) {
            prepare(sync);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < parties; i++) {
                int slot = i;
                String kind = kinds.get(i);
                SyncBenchChild.Loop loop = SyncBenchChild.loop(kind, sync);
                threads.add(new Thread(() -> {
                    try {
                        SyncBenchChild.warmUp(kind, loop, warm);
                        for (int r = 0; r < ROUNDS; r++) {
                            roundStart.await();
                            starts[r][slot] = System.nanoTime();
                            loop.run(each);
                            ends[r][slot] = System.nanoTime();
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        roundStart.reset(); // the others stop waiting for this one
                    }
                }, "telar-bench-" + kinds.get(i) + "-" + i));
            }
            threads.forEach(Thread::start);
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
        }
        double[] seconds = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            seconds[r] = (Arrays.stream(ends[r]).max().orElseThrow() - Arrays.stream(starts[r]).min().orElseThrow()) / 1e9;
        }
        return seconds;
    }

    /**
     * Blocks a child JVM in {@code Event.await} and measures the CPU it uses over {@code window}.
     */
    public IdleWait idleWait(Duration window) throws InterruptedException {
        Child child = null;
        try (RunDirectory dir = RunDirectory.create(runParent); ProcessSync sync = new ProcessSync(dir.path())) {
            prepare(sync);
            sync.event("never");
            child = ChildLauncher.startTarget(SyncBenchChild.class, List.of("idle", dir.path().toString()));
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
                    if (comm.equals(SyncBenchChild.IDLE_THREAD)) {
                        return t;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the threads of " + pid + ": " + e.getMessage(), e);
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no thread named " + SyncBenchChild.IDLE_THREAD + " in process " + pid);
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
