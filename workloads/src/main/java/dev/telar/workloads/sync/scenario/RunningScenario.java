package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.kernel.CancelledException;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildExit;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerLink;
import dev.telar.workloads.remote.ManagerServer;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.sync.LockState;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.Participant;
import dev.telar.workloads.sync.SyncPrimitives;
import dev.telar.workloads.sync.SyncState;
import dev.telar.workloads.sync.process.ProcessSync;
import dev.telar.workloads.sync.remote.RemoteSync;
import dev.telar.workloads.sync.thread.ThreadSync;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scenario run in progress: live snapshots for a panel, a lock switch for the Lock scenario,
 * cancellation and the outcome. One runner thread prepares the primitives, starts the workers
 * (threads, or child JVMs), plays the scenario's coordinating part, waits for the workers and
 * computes the verdict; then it removes the run's files. Thread-safe.
 */
public final class RunningScenario implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningScenario.class);
    /** After a cancel, how long child JVMs get to notice before they are killed. */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(1);
    /** How the names of remote runs' spaces begin: {@code run-PID-MILLIS}. */
    static final String RUN_SPACE_PREFIX = "run-";
    /**
     * Remote runs: longest {@link #close()} waits for the runner after a cancel before it gives the
     * run up (children killed, the manager left as it is), should the runner be held in a call to a
     * manager that stopped answering.
     */
    private static final Duration REMOTE_CLOSE_WAIT = CANCEL_GRACE.plusSeconds(1);

    private final ScenarioSpec spec;
    private final SyncScenario scenario;
    private final int workers;
    private final long size;
    private final Path runParent;
    /** Where a remote run's workers meet; empty for threads and processes. */
    private final Optional<ManagerTarget> manager;
    private final long startNanos = System.nanoTime();
    private final ArrayDeque<String> events = new ArrayDeque<>();
    private final List<String> workerNames = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Child> children = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ScenarioOutcome> outcome = new CompletableFuture<>();
    /** Why the run failed, first come; null while nothing failed. */
    private final AtomicReference<Problem> firstFailure = new AtomicReference<>();
    private final Object contextLock = new Object();
    private volatile ScenarioStatus status = ScenarioStatus.STARTING;
    private volatile ScenarioContext ctx;
    private volatile ScenarioSnapshot last;
    /** A remote run's manager and the runner's link to it; null for threads and processes. */
    private volatile RemoteRun remote;
    /** A remote run's connection, its link and its space; null for threads and processes. */
    private volatile ManagerClient client;
    private volatile ManagerLink link;
    private volatile boolean cancelRequested;
    private Thread runner;
    /**
     * Remote runs: the last snapshot whose figures could be read from the manager, kept by a
     * sampler thread, so that a panel never waits on the manager and keeps the last figures when
     * it stops answering.
     */
    private volatile ScenarioSnapshot lastSeen;
    /** Guards {@link #abandoned} against {@link #finishing}: one of the two ends the run. */
    private final Object endLock = new Object();
    /** A remote run given up without its runner: the manager stopped answering, or could not be told of a cancel. */
    private volatile boolean abandoned;
    /** The runner's own end has begun; a give-up comes too late then. */
    private boolean finishing;
    private final java.util.concurrent.atomic.AtomicBoolean clientClosed = new java.util.concurrent.atomic.AtomicBoolean();

    RunningScenario(ScenarioSpec spec, SyncScenario scenario, int workers, long size, Path runParent,
                    Optional<ManagerTarget> manager) {
        this.manager = manager;
        this.spec = spec;
        this.scenario = scenario;
        this.workers = workers;
        this.size = size;
        this.runParent = runParent;
    }

    void begin() {
        runner = new Thread(this::run, "telar-scenario-" + spec.primitive().label());
        runner.setDaemon(true);
        runner.start();
    }

    /** The spec with defaults filled in: workers and size actually used. */
    public ScenarioSpec spec() {
        return new ScenarioSpec(spec.primitive(), spec.mode(), spec.slowdown(), workers, size, spec.lockEnabled());
    }

    public ScenarioStatus status() {
        return status;
    }

    public boolean isDone() {
        return outcome.isDone();
    }

    /** Waits for the outcome. */
    public ScenarioOutcome await() throws InterruptedException {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("scenario runner failed", e.getCause());
        }
    }

    /** Waits at most {@code timeout}; empty when still running. */
    public Optional<ScenarioOutcome> await(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("scenario runner failed", e.getCause());
        }
    }

    /** Asks the run to stop: workers see it at their next step or wait slice; child JVMs are killed after a grace period. */
    public void cancel() {
        cancelRequested = true;
        stop(true);
    }

    /**
     * Stops the run after one of its parts failed: as a cancel, but a remote run whose link is down
     * is not given up at once: its end waits to learn whether the manager comes back (see {@link #finish}).
     */
    private void stopAfterFailure() {
        stop(false);
    }

    private void stop(boolean asked) {
        ScenarioContext c = ctx;
        if (isDone()) {
            return;
        }
        if (spec.mode() == Mode.REMOTE) {
            cancelRemote(c, asked);
        } else if (c != null && !status.ended()) {
            synchronized (contextLock) {
                if (!status.ended()) {
                    c.cancel();
                    try {
                        scenario.onCancel(c);
                    } catch (RuntimeException e) {
                        LOG.debug("scenario cancel hook failed", e);
                    }
                }
            }
        }
        threads.forEach(Thread::interrupt);
    }

    /**
     * A remote run's cancel, which never waits on the manager: this JVM knows of it at once, the
     * workers are told by a thread of its own; with the link down they cannot be told at all, and
     * the run is given up now (children killed) rather than after the manager's silence.
     */
    private void cancelRemote(ScenarioContext c, boolean asked) {
        if (c != null) {
            c.cancelHere();
        }
        if (linkDown()) {
            if (asked) {
                abandon();
            }
            return;
        }
        if (c == null) {
            return; // the runner cancels again once the context is there
        }
        Thread teller = new Thread(() -> {
            synchronized (contextLock) {
                if (!status.ended()) {
                    try {
                        c.cancel();
                        scenario.onCancel(c);
                    } catch (RuntimeException e) {
                        LOG.debug("cannot tell the remote workers of the cancel", e);
                    }
                }
            }
        }, "telar-scenario-cancel");
        teller.setDaemon(true);
        teller.start();
    }

    /** A remote run whose link to the manager is not (or no longer) connected. */
    private boolean linkDown() {
        RemoteRun r = remote;
        return r != null && r.link() != ManagerLink.State.CONNECTED;
    }

    /** Why a remote run fails when its manager stopped answering. */
    private Problem managerLost() {
        RemoteRun r = remote;
        long ms = r == null ? 0 : r.sessionMillis();
        String seconds = ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.1f", ms / 1000.0);
        return Problem.of(ProblemCode.SCENARIO_MANAGER_LOST, r == null ? "?" : r.address(), seconds);
    }

    /** A failure in the run's own words: with the link down, the manager's silence is the reason, whatever call noticed it. */
    private Problem failureOf(Throwable e) {
        return linkDown() ? managerLost() : Problem.of(e);
    }

    /**
     * Gives a remote run up without waiting for its runner, which may be held in a call to a manager
     * that no longer answers: the children are killed, the outcome is the first failure (else a
     * cancel), with the last figures read; the run's space stays on the manager, which cannot be
     * reached (a later run removes it). Does nothing once the run ends by itself.
     */
    private void abandon() {
        synchronized (endLock) {
            if (abandoned || finishing) {
                return;
            }
            abandoned = true;
        }
        ScenarioContext c = ctx;
        if (c != null) {
            c.cancelHere();
        }
        children.forEach(Child::kill);
        threads.forEach(Thread::interrupt);
        if (runner != null) {
            runner.interrupt();
        }
        Problem failure = firstFailure.get();
        ScenarioStatus end = failure != null ? ScenarioStatus.FAILED : ScenarioStatus.CANCELLED;
        ScenarioSnapshot seen = sampled(end);
        last = seen;
        status = end;
        LOG.warn("scenario {} given up ({}) while its manager did not answer", spec.primitive().label(), end);
        outcome.complete(new ScenarioOutcome(spec.primitive(), spec.mode(), end, seen.figures(), false,
                end == ScenarioStatus.FAILED ? "failed" : "cancelled; the manager could not be told",
                seen.elapsedSeconds(), end == ScenarioStatus.FAILED ? failure : Problem.NONE));
        Thread closer = new Thread(this::closeClient, "telar-scenario-close");
        closer.setDaemon(true);
        closer.start();
    }

    /** Remote runs: the last figures read, with the status, events, time and link as they are now. */
    private ScenarioSnapshot sampled(ScenarioStatus now) {
        ScenarioSnapshot seen = lastSeen;
        List<String> recent;
        synchronized (events) {
            recent = new ArrayList<>(events);
        }
        return new ScenarioSnapshot(spec.primitive(), spec.mode(), now, seen == null ? Optional.empty() : seen.state(),
                seen == null ? Optional.empty() : seen.figures(), workerNames, recent,
                (System.nanoTime() - startNanos) / 1e9, Optional.ofNullable(remote));
    }

    /**
     * Remote runs: reads the primitive's state and figures every {@link ScenarioContext#SLICE}
     * while the link is up and the run goes on; a reading that fails keeps the one before.
     */
    private void sample() {
        try {
            while (!status.ended() && !isDone()) {
                if (!linkDown()) {
                    synchronized (contextLock) {
                        if (!status.ended()) {
                            ScenarioSnapshot t = take();
                            if (t.figures().isPresent() || lastSeen == null) {
                                lastSeen = t;
                            }
                        }
                    }
                }
                Thread.sleep(ScenarioContext.SLICE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The Lock scenario's switch: workers take the lock around their updates or not, from their next
     * update on.
     */
    public void setLockEnabled(boolean on) {
        ScenarioContext c = ctx;
        if (linkDown()) {
            // the workers cannot be told, and the caller must not wait for a manager that may be gone
            event("runner", "lock switch not sent: the manager does not answer");
            return;
        }
        if (c != null && !status.ended()) {
            synchronized (contextLock) {
                if (!status.ended()) {
                    c.setLockEnabled(on);
                    event("runner", on ? "lock switched on" : "lock switched off");
                }
            }
        }
    }

    /** The current state for a panel; after the end, the final one. Never blocks the workers. */
    public ScenarioSnapshot snapshot() {
        ScenarioSnapshot s = last;
        if (s != null && status.ended()) {
            return s;
        }
        if (spec.mode() == Mode.REMOTE) {
            return sampled(status); // never a call to the manager on the panel's thread
        }
        synchronized (contextLock) {
            if (status.ended() && last != null) {
                return last;
            }
            return take();
        }
    }

    /** Under contextLock, while the family is open. */
    private ScenarioSnapshot take() {
        ScenarioContext c = ctx;
        Optional<SyncState> state = Optional.empty();
        Optional<PrimitiveFigures> figures = Optional.empty();
        if (c != null) {
            try {
                state = Optional.of(scenario.primitive(c).state());
                figures = Optional.of(scenario.figures(c));
            } catch (RuntimeException e) {
                LOG.debug("snapshot failed", e);
            }
        }
        List<String> recent;
        synchronized (events) {
            recent = new ArrayList<>(events);
        }
        return new ScenarioSnapshot(spec.primitive(), spec.mode(), status, state, figures, workerNames, recent,
                (System.nanoTime() - startNanos) / 1e9, Optional.ofNullable(remote));
    }

    private void event(String who, String text) {
        LOG.debug("{} {}: {}", spec.primitive().label(), who, text);
        synchronized (events) {
            if (events.size() == SyncScenarioRunner.KEPT_EVENTS) {
                events.removeFirst();
            }
            events.addLast(who + ": " + text);
        }
    }

    private void run() {
        RunDirectory dir = null;
        SyncPrimitives family = null;
        try {
            if (spec.mode() == Mode.PROCESSES) {
                dir = RunDirectory.create(runParent);
                family = new ProcessSync(dir.path());
            } else if (spec.mode() == Mode.REMOTE) {
                family = meetAtManager();
            } else {
                family = new ThreadSync();
            }
            ScenarioContext c = new ScenarioContext(family, spec, workers, size,
                    text -> event(Thread.currentThread() == runner ? "runner" : Thread.currentThread().getName(), text));
            c.setLockEnabled(spec.lockEnabled());
            scenario.prepare(c);
            ctx = c;
            if (cancelRequested) {
                cancel();
            }
            status = ScenarioStatus.RUNNING;
            if (spec.mode() == Mode.PROCESSES) {
                startChildren(c, dir.path().toString());
            } else if (spec.mode() == Mode.REMOTE) {
                Thread sampler = new Thread(this::sample, "telar-scenario-sample");
                sampler.setDaemon(true);
                sampler.start();
                startChildren(c, remote.space());
            } else {
                startThreads(c);
            }
            try {
                scenario.coordinate(c);
            } catch (CancelledException | InterruptedException stopped) {
                // the run was cancelled
            } catch (Exception e) {
                if (firstFailure.compareAndSet(null, failureOf(e))) {
                    LOG.warn("scenario {} failed in its runner", spec.primitive().label(), e);
                    stopAfterFailure();
                }
            }
            awaitWorkers(c);
        } catch (RuntimeException | InterruptedException | Error e) {
            firstFailure.compareAndSet(null, failureOf(e));
            LOG.warn("scenario {} failed", spec.primitive().label(), e);
        } finally {
            finish(family, dir, firstFailure.get());
        }
    }

    private void startThreads(ScenarioContext c) {
        for (int w = 0; w < workers; w++) {
            int index = w;
            Thread t = new Thread(() -> {
                try {
                    c.control().add(ScenarioContext.STARTED, 1);
                    scenario.work(c, index);
                } catch (CancelledException | InterruptedException stopped) {
                    // cancelled
                } catch (Exception | Error e) {
                    if (firstFailure.compareAndSet(null, Problem.of(e))) {
                        LOG.warn("scenario worker {} failed", index, e);
                        stopAfterFailure();
                    }
                }
            }, "worker-" + w);
            t.setDaemon(true);
            threads.add(t);
            workerNames.add(t.getName());
        }
        threads.forEach(Thread::start);
    }

    /**
     * Connects to the run's manager and opens a space of the run's own there, named after this JVM
     * and the instant, so that runs from several machines at one manager never meet by accident.
     * The link's changes are shown as events and in the snapshot.
     */
    private SyncPrimitives meetAtManager() throws InterruptedException {
        ManagerTarget target = manager.orElseThrow(() -> new ProblemException(Problem.of(ProblemCode.SCENARIO_NO_MANAGER)));
        client = target.connect();
        String space = RUN_SPACE_PREFIX + ProcessHandle.current().pid() + "-" + Long.toHexString(System.currentTimeMillis());
        RemoteSync family;
        long serverNow;
        try {
            family = new RemoteSync(client, space);
            serverNow = family.claim();
        } catch (RuntimeException e) {
            client.close();
            client = null;
            throw e;
        }
        removeAbandonedSpaces(serverNow);
        link = ManagerLink.follow(client);
        ManagerLink.View first = link.now();
        remote = new RemoteRun(target.address(), space, first.state(), first.session().toMillis());
        link.addListener(v -> {
            RemoteRun r = remote;
            remote = r.with(v.state(), v.session().toMillis());
            event("manager", switch (v.state()) {
                case CONNECTED -> "connected again";
                case SUSPENDED -> "connection suspended: lock uncertain";
                case LOST -> "session lost: lock gone";
            });
            if (v.state() == ManagerLink.State.LOST) {
                // A whole session without an answer: the run's locks and counters are out of reach.
                // Given up on a thread of its own, as a listener must return quickly.
                firstFailure.set(managerLost());
                Thread giveUp = new Thread(this::abandon, "telar-scenario-lost");
                giveUp.setDaemon(true);
                giveUp.start();
            }
        });
        event("runner", "meeting at the manager " + target.address() + " in space " + space
                + " (session " + first.session().toMillis() / 1000.0 + " s)");
        return family;
    }

    /**
     * Removes the spaces that runs killed before their end left on the manager (none of them can
     * be in use: their runners' owner nodes are gone, and they are older than the longest session).
     * A failure here is logged, not the run's: the run does not need those spaces gone.
     */
    private void removeAbandonedSpaces(long serverNow) {
        try {
            List<String> removed = RemoteSync.removeAbandoned(client, RUN_SPACE_PREFIX, ManagerServer.MAX_SESSION, serverNow);
            if (!removed.isEmpty()) {
                LOG.info("removed the spaces of runs that are gone: {}", removed);
                event("runner", "removed " + removed.size() + " space(s) left by runs that are gone");
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot remove the spaces of runs that are gone", e);
        }
    }

    /** @param place the run directory (processes) or the run's space on the manager (remote) */
    private void startChildren(ScenarioContext c, String place) {
        for (int w = 0; w < workers; w++) {
            Child child = ChildLauncher.startTarget(ScenarioChild.class,
                    ScenarioChild.args(spec, place, w, workers, size, manager));
            children.add(child);
            workerNames.add("pid " + child.pid());
            Thread reader = new Thread(() -> readEvents(child), "telar-scenario-out-" + child.pid());
            reader.setDaemon(true);
            reader.start();
        }
    }

    private void readEvents(Child child) {
        try {
            String line;
            while ((line = child.stdout().readLine()) != null) {
                if (line.startsWith(ScenarioChild.EVENT)) {
                    event("pid " + child.pid(), line.substring(ScenarioChild.EVENT.length()));
                }
            }
        } catch (IOException e) {
            LOG.debug("output of child {} closed", child.pid(), e);
        }
    }

    /**
     * Waits for every worker. Children are watched together, so that one that fails (while the
     * others wait for it, say at a barrier) cancels the run at once; after a cancel, children
     * still running when the grace period is over are killed.
     */
    private void awaitWorkers(ScenarioContext c) throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
        List<Child> running = new ArrayList<>(children);
        long cancelSeen = 0;
        while (!running.isEmpty()) {
            for (java.util.Iterator<Child> it = running.iterator(); it.hasNext(); ) {
                Child child = it.next();
                if (child.isAlive()) {
                    continue;
                }
                it.remove();
                ChildExit exit = child.join();
                if (!exit.ok() && !c.cancelled()) {
                    Problem why = linkDown() ? managerLost()
                            : child.endedAs(ProblemCode.SCENARIO_WORKER_ENDED, ProblemCode.SCENARIO_WORKER_SAYING,
                            child.pid(), exit.code());
                    Optional<Participant> holder = spec.mode() == Mode.REMOTE ? holder(c).filter(h -> h.pid() == child.pid())
                            : Optional.empty();
                    if (holder.isPresent()) {
                        // A holder that vanished: the run goes on, to show the manager freeing its lock
                        // when its session expires; it still ends as failed, for the worker's sake.
                        vanished.add(new Vanished(holder.get(), System.nanoTime()));
                        event("runner", holder.get().name() + " vanished while holding the lock");
                        firstFailure.compareAndSet(null, why);
                        continue;
                    }
                    if (firstFailure.compareAndSet(null, why)) {
                        LOG.warn("scenario {}: worker {}", spec.primitive().label(), why);
                        stopAfterFailure();
                    }
                }
            }
            tellFreed(c);
            if (c.cancelled()) {
                if (cancelSeen == 0) {
                    cancelSeen = System.nanoTime();
                } else if (System.nanoTime() - cancelSeen > CANCEL_GRACE.toNanos()) {
                    running.forEach(Child::kill);
                }
            }
            if (!running.isEmpty()) {
                running.get(0).join(Duration.ofMillis(50));
            }
        }
    }

    /** A remote lock holder that vanished, and when ({@link System#nanoTime}). */
    private record Vanished(Participant holder, long atNanos) {
    }

    /** Remote runs: holders that vanished and whose lock is not free yet; the runner's thread only. */
    private final List<Vanished> vanished = new ArrayList<>();

    /** Who holds the run's lock now, if its primitive is a lock. */
    private Optional<Participant> holder(ScenarioContext c) {
        try {
            SyncState state = scenario.primitive(c).state();
            return state instanceof LockState lock ? lock.holder() : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Tells, once, when the lock of a holder that vanished is held by it no more (the manager freed it). */
    private void tellFreed(ScenarioContext c) {
        if (vanished.isEmpty()) {
            return;
        }
        Optional<Participant> now = holder(c);
        for (java.util.Iterator<Vanished> it = vanished.iterator(); it.hasNext(); ) {
            Vanished v = it.next();
            if (now.isEmpty() || now.get().pid() != v.holder().pid()) {
                it.remove();
                double seconds = (System.nanoTime() - v.atNanos()) / 1e9;
                event("manager", String.format(Locale.ROOT, "lock freed %.1f s after %s vanished", seconds, v.holder().name()));
            }
        }
    }

    /** @param failure why the run failed, or null when it did not */
    private void finish(SyncPrimitives family, RunDirectory dir, Problem failure) {
        if (spec.mode() == Mode.REMOTE && linkDown()) {
            // No call to a manager that may be gone: wait to learn whether it comes back (then end
            // as usual) or its session is lost (then the run is given up, by the link's listener).
            awaitLinkSettled();
            if (linkDown()) {
                abandon();
            }
        }
        synchronized (endLock) {
            if (abandoned) {
                // the outcome is out already; the manager did not answer, so its space stays
                children.forEach(Child::kill);
                closeClient();
                return;
            }
            finishing = true;
        }
        ScenarioOutcome result;
        synchronized (contextLock) {
            ScenarioContext c = ctx;
            boolean cancelled = cancelRequested || c != null && cancelledSafely(c);
            ScenarioStatus end = failure != null ? ScenarioStatus.FAILED
                    : cancelled ? ScenarioStatus.CANCELLED : ScenarioStatus.COMPLETED;
            Optional<PrimitiveFigures> figures = Optional.empty();
            boolean correct = false;
            String summary;
            if (c != null) {
                try {
                    figures = Optional.of(scenario.figures(c));
                    SyncScenario.Verdict v = scenario.verdict(c);
                    correct = end == ScenarioStatus.COMPLETED && v.correct();
                    summary = v.summary();
                } catch (RuntimeException e) {
                    summary = "no verdict: " + e.getMessage();
                }
            } else {
                summary = "did not start";
            }
            if (end == ScenarioStatus.FAILED) {
                summary = "failed"; // why is the failure's problem, worded by the user interface
            } else if (end == ScenarioStatus.CANCELLED) {
                summary = "cancelled; so far " + summary;
            }
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            last = take();
            ScenarioSnapshot seen = lastSeen;
            if (last.figures().isEmpty() && seen != null) {
                last = seen; // the manager did not answer at the end: the last figures read
            }
            if (figures.isEmpty() && seen != null) {
                figures = seen.figures();
            }
            status = end;
            last = new ScenarioSnapshot(last.primitive(), last.mode(), end, last.state(), last.figures(),
                    last.workers(), last.recentEvents(), seconds, last.remote());
            result = new ScenarioOutcome(spec.primitive(), spec.mode(), end, figures, correct, summary, seconds,
                    end == ScenarioStatus.FAILED ? failure : Problem.NONE);
            for (Child child : children) {
                child.kill(); // all have ended already unless the runner itself failed
            }
            if (family instanceof RemoteSync r) {
                closeRemote(r);
            } else if (family != null) {
                family.close();
            }
            if (dir != null) {
                try {
                    dir.close();
                } catch (RuntimeException e) {
                    LOG.warn("cannot remove {}", dir, e);
                }
            }
        }
        outcome.complete(result);
    }

    /** Removes the run's space (the run made it; every worker has ended) and ends the session. */
    private void closeRemote(RemoteSync family) {
        try {
            family.removeSpace();
        } catch (RuntimeException e) {
            LOG.warn("cannot remove the space {} from the manager", family.space(), e);
        } finally {
            closeClient();
        }
    }

    /**
     * Waits while the link is suspended, at most a session and 2 s more: until it is connected
     * again, or lost, or the run is given up (which interrupts the runner).
     */
    private void awaitLinkSettled() {
        RemoteRun r = remote;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(r.sessionMillis() + 2_000);
        while (remote.link() == ManagerLink.State.SUSPENDED && !abandoned && System.nanoTime() - end < 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether the run was cancelled, a failed read of the control row counting as not: the end must come anyway. */
    private static boolean cancelledSafely(ScenarioContext c) {
        try {
            return c.cancelled();
        } catch (RuntimeException e) {
            LOG.debug("cannot read the cancel flag", e);
            return false;
        }
    }

    /** Stops following the link and ends the session, once. */
    private void closeClient() {
        if (client == null || !clientClosed.compareAndSet(false, true)) {
            return;
        }
        if (link != null) {
            link.close();
        }
        client.close();
    }

    /** Cancels the run if it still runs, and waits for it to end (files removed, children gone). */
    @Override
    public void close() throws InterruptedException {
        if (!isDone()) {
            cancel();
        }
        if (spec.mode() == Mode.REMOTE && await(REMOTE_CLOSE_WAIT).isEmpty()) {
            abandon(); // the runner is held by a manager that does not answer
        }
        await();
    }
}
