package dev.telar.workloads.pool;

import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildExit;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.proc.ChildMain;
import dev.telar.workloads.proc.CoreArg;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pool of long-lived worker processes, each a child JVM running {@link PoolWorker}: the
 * lecture's process pool (pathos {@code ProcessPool}), where {@link #submit} is {@code apipe} and
 * {@link #map} is {@code amap}; {@code get()} on the returned futures waits for the results.
 *
 * <p><b>Transport.</b> Per worker, two Chronicle queues in the pool's own {@link RunDirectory}:
 * {@code tasks-<i>}, written only by this process and read only by worker {@code i}, and
 * {@code results-<i>}, written only by worker {@code i} and read only by this process. Tasks and
 * results are plain records ({@link PoolWire}), never serialized objects. Each task is taken
 * exactly once by construction: this process writes it to exactly one worker's queue and the worker
 * reads that queue in order with its one tailer, so no claim protocol is needed. One writer per
 * queue also means no worker ever waits for another's write lock (a worker killed while appending
 * to a shared queue would hold its lock until Chronicle's timeout). A task goes to the live worker
 * with the fewest tasks in hand, the lowest index on a tie, so an idle pool spreads a batch over
 * all its workers.
 *
 * <p><b>Threads.</b> One thread of this process, {@code telar-child-pool}, owns every appender and
 * tailer: it writes submitted tasks, reads results, completes the futures and buries dead workers.
 * With nothing in flight it parks until the next submission; otherwise it polls with an
 * {@link IdleBackoff}, as the workers do on their task queues, so no reader burns a core.
 *
 * <p><b>Failures.</b> A task that throws in its worker fails its future with a
 * {@link TaskFailedException} carrying the worker's message; the worker goes on. A worker that
 * dies (e.g. {@code kill -9}) fails the futures of its tasks in flight with a
 * {@link WorkerDiedException} naming its pid and how it died, after whatever it wrote before dying
 * was read; the pool goes on with the other workers (dead workers are not replaced), and once all
 * have died a submission fails at once. Workers die with this JVM (see {@link ChildMain}).
 *
 * <p>Thread-safe: every public method may be called from any thread. {@link #close()} sends each
 * worker a stop record, kills those that have not ended within {@link #STOP_GRACE}, fails whatever
 * is still pending and deletes the queues' directory.
 */
public final class ProcessPool implements AutoCloseable {
    /** How long {@link #close()} lets workers end on their own before it kills them. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(2);
    /** How long {@link #start(int)} waits for the workers' JVMs to be ready. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** Results read from one worker before the others get a turn. */
    private static final int READ_BATCH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(ProcessPool.class);

    private final RunDirectory directory;
    private final List<Worker> workers;
    private final Thread io;
    private final ConcurrentLinkedQueue<Pending> submitted = new ConcurrentLinkedQueue<>();
    private final AtomicLong nextId = new AtomicLong();
    private final CompletableFuture<Void> stopsWritten = new CompletableFuture<>();
    private volatile boolean closing;
    private volatile boolean killed;
    private volatile boolean ioStop;
    private boolean closed; // guarded by this

    private ProcessPool(RunDirectory directory, List<Worker> workers) {
        this.directory = directory;
        this.workers = workers;
        this.io = new Thread(this::ioLoop, "telar-child-pool");
        io.setDaemon(true);
    }

    /** The lecture's default pool size: one worker per logical core. */
    public static int defaultSize() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Starts a pool of {@code size} workers (queues under {@link RunDirectory#defaultParent}, no
     * pinning) and waits until all are ready.
     */
    public static ProcessPool start(int size) throws InterruptedException {
        return start(size, RunDirectory.defaultParent(System.getenv()), new int[0]);
    }

    /**
     * Starts a pool and waits until every worker is ready to take tasks.
     *
     * @param size      number of worker processes, 1..1024
     * @param runParent where the pool's run directory (its queues) goes
     * @param cores     cores every worker's computing thread is pinned to; empty for none
     * @throws IllegalStateException when a worker could not start, with its reason
     */
    public static ProcessPool start(int size, Path runParent, int[] cores) throws InterruptedException {
        ProcessPool pool = launch(size, runParent, cores);
        try {
            pool.awaitReady(READY_TIMEOUT);
            return pool;
        } catch (RuntimeException | InterruptedException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Starts the workers' JVMs without waiting for them; tasks submitted meanwhile wait in the
     * workers' queues. Pair with {@link #awaitReady} (e.g. to time start-up apart from work).
     */
    public static ProcessPool launch(int size, Path runParent, int[] cores) {
        if (size < 1 || size > 1024) {
            throw new IllegalArgumentException("pool size must be 1..1024, got " + size);
        }
        RunDirectory dir = RunDirectory.create(runParent);
        List<Worker> workers = new ArrayList<>(size);
        try {
            for (int i = 0; i < size; i++) {
                // Created here, before the child opens them, so both sides find complete metadata.
                ChronicleQueue tasks = PoolWire.open(dir.resolve(taskQueueName(i)));
                workers.add(new Worker(i, tasks, PoolWire.open(dir.resolve(resultQueueName(i)))));
            }
            for (Worker w : workers) {
                w.child = ChildLauncher.start(ChildMain.KIND_TARGET, PoolWorker.class,
                        List.of(dir.path().toString(), Integer.toString(w.index), CoreArg.format(cores)), List.of());
            }
        } catch (RuntimeException e) {
            for (Worker w : workers) {
                if (w.child != null) {
                    w.child.kill();
                }
                w.tasks.close();
                w.results.close();
            }
            dir.close();
            throw e;
        }
        ProcessPool pool = new ProcessPool(dir, List.copyOf(workers));
        pool.io.start();
        for (Worker w : pool.workers) {
            w.child.onExit().thenAcceptAsync(exit -> pool.buryLater(w, exit));
        }
        return pool;
    }

    /**
     * Waits until every worker has announced itself.
     *
     * @throws WorkerDiedException   when a worker ended before it was ready
     * @throws IllegalStateException when {@code timeout} passed first
     */
    public void awaitReady(Duration timeout) throws InterruptedException {
        CompletableFuture<?>[] ready = workers.stream().map(w -> w.ready).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(ready).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("pool workers not ready after " + timeout.toSeconds() + " s");
        }
    }

    /** Number of workers, dead ones included. */
    public int size() {
        return workers.size();
    }

    /** Process ids of the workers, in worker order. */
    public List<Long> pids() {
        return workers.stream().map(w -> w.child.pid()).toList();
    }

    /** The directory that holds the pool's queues (removed by {@link #close()}). */
    public Path directory() {
        return directory.path();
    }

    /**
     * Hands one task to the pool (the lecture's {@code apipe}); returns at once.
     *
     * @return completes with the result; fails with {@link TaskFailedException} when the task threw,
     *         {@link WorkerDiedException} when its worker died, {@link IllegalStateException} when the
     *         pool is closed or has no live worker
     */
    public CompletableFuture<PoolResult> submit(PoolTask task) {
        CompletableFuture<PoolResult> future = new CompletableFuture<>();
        if (closing) {
            future.completeExceptionally(new IllegalStateException("the process pool is closed"));
            return future;
        }
        submitted.add(new Pending(nextId.getAndIncrement(), task, future));
        LockSupport.unpark(io);
        if (ioStop) {
            // Closed meanwhile: the I/O thread's last sweep may have run before our add.
            for (Pending p; (p = submitted.poll()) != null; ) {
                p.future.completeExceptionally(new IllegalStateException("the process pool is closed"));
            }
        }
        return future;
    }

    /**
     * Hands every task to the pool at once (the lecture's {@code amap}); returns at once.
     *
     * @return completes with the results in the order of {@code tasks} once all are in; fails as
     *         {@link #submit} when any task fails (after all have ended)
     */
    public CompletableFuture<List<PoolResult>> map(List<PoolTask> tasks) {
        List<CompletableFuture<PoolResult>> futures = new ArrayList<>(tasks.size());
        for (PoolTask t : tasks) {
            futures.add(submit(t));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
    }

    /**
     * Sends SIGKILL to every worker at once, without waiting; their tasks in flight fail. For
     * cancelling a run from another thread; {@link #close()} still has to follow.
     */
    public void killWorkers() {
        killed = true;
        for (Worker w : workers) {
            w.child.kill();
        }
    }

    /**
     * Stops the workers (a stop record, then SIGKILL for those still running after
     * {@link #STOP_GRACE}), waits for them to end, fails whatever is still pending and deletes the
     * queues. Idempotent; a second caller waits for the first to finish.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing = true;
        LockSupport.unpark(io);
        boolean interrupted = false;
        try {
            stopsWritten.get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + STOP_GRACE.toNanos();
            for (Worker w : workers) {
                long left = Math.max(0, deadline - System.nanoTime());
                if (w.child.join(Duration.ofNanos(left)).isEmpty()) {
                    LOG.warn("pool worker {} (pid {}) did not stop within {} ms; killing it", w.index, w.child.pid(),
                            STOP_GRACE.toMillis());
                    w.child.kill();
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("pool stop records not written: {}", e.toString());
        }
        killWorkers(); // no-op for those that ended; makes sure after an interrupt
        for (Worker w : workers) {
            try {
                w.child.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        ioStop = true;
        LockSupport.unpark(io);
        try {
            io.join(5_000);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        for (Worker w : workers) {
            w.tasks.close();
            w.results.close();
        }
        directory.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static String taskQueueName(int worker) {
        return "tasks-" + worker;
    }

    static String resultQueueName(int worker) {
        return "results-" + worker;
    }

    /** Called once a worker's process has ended: the I/O thread reads its last results, then fails the rest. */
    private void buryLater(Worker w, ChildExit exit) {
        try {
            // Let the error drain finish so the last line the worker wrote can be quoted.
            w.child.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        w.lastWords = w.child.lastError();
        w.exit = exit;
        LockSupport.unpark(io);
    }

    private void ioLoop() {
        IdleBackoff backoff = new IdleBackoff();
        String why = "the process pool was closed";
        try {
            for (Worker w : workers) {
                w.out = w.tasks.createAppender();
                w.in = w.results.createTailer();
            }
            while (!ioStop) {
                boolean busy = dispatch();
                for (Worker w : workers) {
                    if (w.buried) {
                        continue;
                    }
                    busy |= read(w, READ_BATCH);
                    if (w.exit != null) {
                        read(w, Integer.MAX_VALUE);
                        bury(w);
                        busy = true;
                    }
                }
                if (closing && !stopsWritten.isDone()) {
                    writeStops();
                    busy = true;
                }
                if (busy) {
                    backoff.reset();
                } else if (awaitingReplies()) {
                    backoff.pause();
                } else {
                    LockSupport.park(this);
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.error("process pool I/O failed", e);
            why = "the process pool failed: " + e;
        } finally {
            stopsWritten.complete(null);
            failEverything(why);
            for (Worker w : workers) {
                closeQuietly(w.out);
                closeQuietly(w.in);
            }
        }
    }

    private boolean dispatch() {
        boolean any = false;
        for (Pending p; (p = submitted.poll()) != null; ) {
            any = true;
            if (p.future.isDone()) {
                continue; // cancelled by its caller before it was handed out
            }
            Worker target = null;
            for (Worker w : workers) {
                if (w.exit == null && !w.stopped && (target == null || w.inHand.size() < target.inHand.size())) {
                    target = w;
                }
            }
            if (target == null) {
                p.future.completeExceptionally(new IllegalStateException(closing ? "the process pool is closed"
                        : "no live worker left in the process pool"));
                continue;
            }
            PoolWire.writeTask(target.out, p.id, p.task);
            target.inHand.put(p.id, p);
            target.taskAt.put(target.out.lastIndexAppended(), p.id);
        }
        return any;
    }

    /** Reads up to {@code max} records of one worker; true when there was any. */
    private boolean read(Worker w, int max) {
        int n = 0;
        while (n < max) {
            PoolWire.Reply r;
            try {
                r = PoolWire.readReply(w.in);
            } catch (RuntimeException garbled) {
                LOG.warn("skipping an unreadable record from pool worker {}: {}", w.index, garbled.toString());
                n++;
                continue;
            }
            if (r == null) {
                break;
            }
            n++;
            switch (r.type()) {
                case PoolWire.READY -> w.ready.complete(r.pid());
                case PoolWire.DONE -> {
                    Pending p = w.take(r.id());
                    if (p != null) {
                        p.future.complete(new PoolResult(r.id(), r.value(), r.pid(), r.core(), r.cpuNanos()));
                    }
                }
                case PoolWire.ERROR -> {
                    // Matched by the queue index of the record answered, not by the id it carried: that
                    // names our task even when its id was unreadable, and never a record someone
                    // else slipped into the queue with one of our ids.
                    Long id = w.taskAt.get(r.at());
                    Pending p = id == null ? null : w.take(id);
                    if (p != null) {
                        p.future.completeExceptionally(new TaskFailedException(r.message(), r.pid()));
                    } else {
                        LOG.warn("pool worker {} could not run a record it found in its queue: {}", w.index, r.message());
                    }
                }
                default -> LOG.debug("pool worker {} sent an unknown record type {}", w.index, r.type());
            }
        }
        return n > 0;
    }

    private void bury(Worker w) {
        w.buried = true;
        ChildExit exit = w.exit;
        long pid = w.child.pid();
        // Last words count only from a worker that ended by itself, not from one killed.
        Optional<Problem> said = exit.signal() == 0 && exit.code() != 0 ? Problem.said(w.lastWords) : Optional.empty();
        if (!w.ready.isDone()) {
            w.ready.completeExceptionally(new WorkerDiedException(Problem.ended(said, ProblemCode.POOL_WORKER_NOT_READY,
                    ProblemCode.POOL_WORKER_NOT_READY_SAYING, w.index, pid, exit.code()), pid, exit));
        }
        for (Pending p : w.inHand.values()) {
            p.future.completeExceptionally(new WorkerDiedException(Problem.ended(said, ProblemCode.POOL_WORKER_DIED,
                    ProblemCode.POOL_WORKER_DIED_SAYING, w.index, pid, p.id, exit.code()), pid, exit));
        }
        String how = exit.describe();
        w.inHand.clear();
        w.taskAt.clear();
        if (!closing && !killed) {
            LOG.warn("pool worker {} (pid {}) ended: {}", w.index, pid, how);
        }
    }

    private void writeStops() {
        for (Worker w : workers) {
            if (w.exit == null && !w.stopped) {
                PoolWire.writeStop(w.out);
                w.stopped = true;
            }
        }
        stopsWritten.complete(null);
    }

    private boolean awaitingReplies() {
        for (Worker w : workers) {
            if (!w.buried && (!w.inHand.isEmpty() || !w.ready.isDone())) {
                return true;
            }
        }
        return false;
    }

    private void failEverything(String why) {
        for (Worker w : workers) {
            w.ready.completeExceptionally(new IllegalStateException(why));
            for (Pending p : w.inHand.values()) {
                p.future.completeExceptionally(new IllegalStateException(why));
            }
            w.inHand.clear();
        }
        for (Pending p; (p = submitted.poll()) != null; ) {
            p.future.completeExceptionally(new IllegalStateException(why));
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing a pool queue handle: {}", e.toString());
        }
    }

    /** A submitted task and the future its caller holds. */
    private record Pending(long id, PoolTask task, CompletableFuture<PoolResult> future) {
    }

    /** One worker process and its two queues. Fields without volatile belong to the I/O thread. */
    private static final class Worker {
        final int index;
        final ChronicleQueue tasks;
        final ChronicleQueue results;
        final CompletableFuture<Long> ready = new CompletableFuture<>();
        final Map<Long, Pending> inHand = new LinkedHashMap<>();
        /** Task id by the queue index of its record, for the tasks in hand. */
        final Map<Long, Long> taskAt = new HashMap<>();
        volatile Child child;
        volatile ChildExit exit;
        volatile String lastWords = "";
        ExcerptAppender out;
        ExcerptTailer in;
        boolean stopped;
        boolean buried;

        Worker(int index, ChronicleQueue tasks, ChronicleQueue results) {
            this.index = index;
            this.tasks = tasks;
            this.results = results;
        }

        /** Removes and returns the task in hand with this id, or null. */
        Pending take(long id) {
            Pending p = inHand.remove(id);
            taskAt.values().remove(id);
            return p;
        }
    }
}
