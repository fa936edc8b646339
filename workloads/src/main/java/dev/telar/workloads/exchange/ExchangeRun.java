package dev.telar.workloads.exchange;

import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildExit;
import dev.telar.workloads.proc.QuietChildren;
import dev.telar.workloads.proc.StartGate;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.shm.Backoff;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running exchange experiment: its children, its latest {@link ExchangeStats}, and its result
 * once done. The experiment runs on a thread of its own; a child that dies is reported (which one,
 * how) while the others go on, and the run then ends as failed, never with a total. Its files live
 * in a fresh {@link RunDirectory}, removed when the run ends. Thread-safe.
 */
public final class ExchangeRun {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeRun.class);

    private final ExchangeSpec spec;
    private final Path parentDir;
    private final Optional<ManagerTarget> manager;
    private final Consumer<ExchangeStats> listener;
    private final List<Child> children = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile ExchangeStats stats;
    private volatile long[] received = new long[0];
    private volatile boolean cancelled;
    private volatile ExchangeResult result;

    ExchangeRun(ExchangeSpec spec, Path parentDir, Optional<ManagerTarget> manager, Consumer<ExchangeStats> listener) {
        this.spec = spec;
        this.parentDir = parentDir;
        this.manager = manager;
        this.listener = listener;
        this.stats = new ExchangeStats(spec.mechanism(), 0, 0, 0, Double.NaN, Double.NaN, 0, 0, 0, 0, 0);
        this.thread = new Thread(this::runSafely, "telar-exchange-" + spec.mechanism().cliName());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The children started so far (in process order). */
    public List<Child> children() {
        return List.copyOf(children);
    }

    /** Messages (or results) received so far from process {@code index}. */
    public long received(int index) {
        long[] r = received;
        return index < r.length ? r[index] : 0;
    }

    /** The latest snapshot. */
    public ExchangeStats stats() {
        return stats;
    }

    /** Stops the run: kills the children; the result says cancelled. */
    public void cancel() {
        cancelled = true;
        children.forEach(Child::kill);
    }

    /** Waits for the result. */
    public ExchangeResult await() throws InterruptedException {
        thread.join();
        return result;
    }

    /** Waits at most {@code timeout}; empty when still running. */
    public Optional<ExchangeResult> await(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
        return Optional.ofNullable(result);
    }

    private void runSafely() {
        try {
            result = run();
        } catch (RuntimeException | IOException | InternalError e) {
            // InternalError: the JVM's word for a fault in a mapped file, i.e. a block the disk
            // could not give. The result must be there either way: a user interface waits for it.
            Problem why = Problem.of(e);
            if (why.code().diskFull()) {
                LOG.warn("exchange run failed: {}", why);
            } else {
                LOG.warn("exchange run failed", e);
            }
            result = failed(why, 0, 0, List.of(), 0);
        } finally {
            children.forEach(Child::kill);
        }
    }

    private ExchangeResult failed(Problem why, double wall, double jvm, List<ChildReport> reports, long disk) {
        return new ExchangeResult(spec, RunResult.Status.FAILED, why, wall, jvm, Double.NaN, Double.NaN, reports,
                disk);
    }

    private ExchangeResult run() throws IOException {
        try (RunDirectory runDir = RunDirectory.create(parentDir);
             Collector collector = Collector.create(spec, runDir.path(), manager);
             StartGate gate = StartGate.open(ExchangeLayout.gate(runDir.path()))) {
            try {
                return runIn(runDir, collector, gate);
            } finally {
                // Before the directory goes: a child still running could create files in it again.
                endChildren();
            }
        }
    }

    /** Kills the children still running and waits (up to 5 s each) until they are gone. */
    private void endChildren() {
        children.forEach(Child::kill);
        for (Child c : children) {
            joinNow(c);
        }
    }

    private ExchangeResult runIn(RunDirectory runDir, Collector collector, StartGate gate) {
        int p = spec.processes();
        Path dir = runDir.path();
        long launched = System.nanoTime();
        for (int i = 0; i < p; i++) {
            List<String> args = new ArrayList<>(List.of(spec.mechanism().name(),
                    dir.toString(), ExchangeLayout.gate(dir).toString(), Integer.toString(i),
                    Long.toString(spec.drawsOf(i)), Long.toString(spec.seed())));
            args.addAll(collector.childArgs());
            Child child = QuietChildren.start(ExchangeChild.class, args);
            children.add(child);
            if (collector instanceof Collector.QueueCollector q) {
                q.childPid(i, child.pid());
            }
        }
        Optional<ChildExit>[] exits = newExits(p);
        boolean ready = gate.awaitReady(p, StartGate.READY_TIMEOUT, () -> !cancelled && children.stream().allMatch(Child::isAlive));
        double jvmStart = (System.nanoTime() - launched) / 1e9;
        if (!ready) {
            collectExits(exits);
            List<ChildReport> reports = reports(collector, exits, new double[p]);
            if (cancelled) {
                return cancelledResult(0, jvmStart, reports, runDir.bytesOnDisk());
            }
            return failed(startFailure(exits), 0, jvmStart, reports, runDir.bytesOnDisk());
        }
        // Every child has its lane by now: open them all before the start, or the first
        // messages would wait (and show as late) while this JVM opens a Chronicle queue.
        collector.poll();
        long opened = gate.openNow();
        long lastArrival = opened;
        long nextStats = opened;
        long lastOps = 0;
        long lastStatsAt = opened;
        long peakDisk = 0;
        Backoff backoff = Backoff.patient();
        while (true) {
            boolean progress = collector.poll();
            long now = System.nanoTime();
            if (progress) {
                lastArrival = now;
                backoff.reset();
            }
            for (int i = 0; i < p; i++) {
                if (exits[i].isEmpty() && !children.get(i).isAlive()) {
                    exits[i] = joinNow(children.get(i));
                    boolean ok = exits[i].map(ChildExit::ok).orElse(false);
                    collector.childEnded(i, ok);
                    progress = true;
                    if (!ok) {
                        LOG.warn("exchange {}: {}", spec.mechanism().cliName(), children.get(i) + " "
                                + exits[i].map(ChildExit::describe).orElse("?"));
                    }
                }
            }
            long[] r = new long[p];
            for (int i = 0; i < p; i++) {
                r[i] = collector.received(i);
            }
            received = r;
            if (now >= nextStats) {
                long disk = runDir.bytesOnDisk();
                peakDisk = Math.max(peakDisk, disk);
                long ops = collector.ops();
                double rate = (ops - lastOps) / Math.max(1e-9, (now - lastStatsAt) / 1e9);
                lastOps = ops;
                lastStatsAt = now;
                int alive = (int) children.stream().filter(Child::isAlive).count();
                boolean messages = spec.mechanism().carriesMessages();
                stats = new ExchangeStats(spec.mechanism(), (now - opened) / 1e9, ops, rate,
                        messages ? collector.latencies.quantileMicros(0.5) : Double.NaN,
                        messages ? collector.latencies.quantileMicros(0.99) : Double.NaN,
                        collector.backlog(), alive, 1, disk, collector.waits());
                listener.accept(stats);
                nextStats = now + STATS_PERIOD_NANOS;
            }
            if (allEnded(exits) && !collector.poll()) {
                break;
            }
            if (cancelled) {
                break;
            }
            if (!progress) {
                backoff.idle();
            }
        }
        double wall = (lastArrival - opened) / 1e9;
        peakDisk = Math.max(peakDisk, runDir.bytesOnDisk());
        double[] cpu = childCpu(exits);
        List<ChildReport> reports = reports(collector, exits, cpu);
        if (cancelled) {
            return cancelledResult(wall, jvmStart, reports, peakDisk);
        }
        for (ChildReport c : reports) {
            if (!c.exit().map(ChildExit::ok).orElse(false)) {
                Child child = children.get(c.index());
                String exit = c.exit().map(e -> Integer.toString(e.code())).orElse("");
                Problem why = c.sent() >= 0
                        ? child.endedAs(ProblemCode.EXCHANGE_CHILD_FAILED, ProblemCode.EXCHANGE_CHILD_FAILED_SAYING,
                                c.index(), c.pid(), exit, c.received(), c.sent())
                        : child.endedAs(ProblemCode.EXCHANGE_CHILD_DIED, ProblemCode.EXCHANGE_CHILD_DIED_SAYING,
                                c.index(), c.pid(), exit);
                return failed(why, wall, jvmStart, reports, peakDisk);
            }
        }
        for (ChildReport c : reports) {
            if (!collector.delivered(c.index())) {
                Problem why = c.sent() >= 0
                        ? Problem.of(ProblemCode.EXCHANGE_TORN, c.index(), c.received(), spec.messagesOf(c.index()))
                        : Problem.of(ProblemCode.EXCHANGE_TORN_VALUE, c.index(), c.received());
                return failed(why, wall, jvmStart, reports, peakDisk);
            }
        }
        double cpuTotal = 0;
        for (double c : cpu) {
            cpuTotal += c;
        }
        return new ExchangeResult(spec, RunResult.Status.COMPLETED, Problem.NONE, wall, jvmStart, cpuTotal,
                collector.total(), reports, peakDisk);
    }

    /** Snapshot period, ms. */
    static final long STATS_PERIOD_NANOS = ExchangeExperiment.STATS_PERIOD_MS * 1_000_000L;

    private ExchangeResult cancelledResult(double wall, double jvm, List<ChildReport> reports, long disk) {
        return new ExchangeResult(spec, RunResult.Status.CANCELLED, Problem.CANCELLED, wall, jvm, Double.NaN, Double.NaN,
                reports, disk);
    }

    @SuppressWarnings("unchecked")
    private static Optional<ChildExit>[] newExits(int n) {
        Optional<ChildExit>[] exits = new Optional[n];
        java.util.Arrays.fill(exits, Optional.empty());
        return exits;
    }

    private void collectExits(Optional<ChildExit>[] exits) {
        for (int i = 0; i < children.size(); i++) {
            if (!children.get(i).isAlive()) {
                exits[i] = joinNow(children.get(i));
            }
        }
    }

    private static Optional<ChildExit> joinNow(Child child) {
        try {
            return child.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean allEnded(Optional<ChildExit>[] exits) {
        for (Optional<ChildExit> e : exits) {
            if (e.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private Problem startFailure(Optional<ChildExit>[] exits) {
        for (int i = 0; i < exits.length; i++) {
            if (exits[i].isPresent()) {
                Child child = children.get(i);
                return child.endedAs(ProblemCode.EXCHANGE_LOST_AT_START, ProblemCode.EXCHANGE_LOST_AT_START_SAYING, i,
                        child.pid(), exits[i].get().code());
            }
        }
        return Problem.of(ProblemCode.EXCHANGE_NOT_READY, StartGate.READY_TIMEOUT.toSeconds());
    }

    /** CPU seconds each child reported after the start signal (NaN when it did not report). */
    private double[] childCpu(Optional<ChildExit>[] exits) {
        double[] cpu = new double[exits.length];
        for (int i = 0; i < exits.length; i++) {
            cpu[i] = Double.NaN;
            if (exits[i].map(ChildExit::ok).orElse(false)) {
                try {
                    String line;
                    while ((line = children.get(i).stdout().readLine()) != null) {
                        if (line.startsWith("cpu ")) {
                            cpu[i] = Long.parseLong(line.substring(4).trim()) / 1e9;
                        }
                    }
                } catch (IOException | NumberFormatException e) {
                    LOG.debug("no CPU time from {}: {}", children.get(i), e.toString());
                }
            }
        }
        return cpu;
    }

    private List<ChildReport> reports(Collector collector, Optional<ChildExit>[] exits, double[] cpu) {
        List<ChildReport> out = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            out.add(new ChildReport(i, children.get(i).pid(), exits[i], collector.sent(i), collector.received(i),
                    cpu[i]));
        }
        return out;
    }
}
