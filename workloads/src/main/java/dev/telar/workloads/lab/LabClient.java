package dev.telar.workloads.lab;

import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildExit;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.proc.ChildMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's {@link Lab}: the same commands and events as {@link LabEngine}, with the engine
 * in a separate lab JVM ({@link LabMain}) that computes with the full JIT and a large heap while
 * the dashboard stays lean.
 *
 * <p>The lab JVM starts when the first job command comes (or {@link #warmUp()}); its first event is
 * {@link LabEvent.Ready} with its pid. After {@code idle} without a job the client asks it to
 * leave; it exits and its run directory goes; the next job starts a new one, transparently. If
 * the lab dies (killed, crashed, out of memory), the client reports the job it ran as the engine
 * would report a failed job, with the reason (e.g. {@link ProblemCode#LAB_OUT_OF_MEMORY}, pid and exit
 * code), then {@link LabEvent.JobEnded}, then {@link LabEvent.LabLost}; the next job starts a new lab.
 *
 * A lab that has not said it is ready within {@link #START_WAIT} is killed and reported lost
 * likewise; one asked to leave that has not left within {@link #LEAVE_WAIT} is killed.
 *
 * <p>Threads: one client thread does everything that touches the lab: starts it, forwards the
 * commands {@link #send} queued (in order), reads its events and hands them to the subscribers,
 * in order, and notices its end. While a lab runs that thread sleeps on the channel's doorbell, so
 * it wakes when the lab writes, when a command is queued or when the lab's process ends, and
 * otherwise once a {@link #LOOK} (for the idle clock); while no lab runs it sleeps until a command
 * comes. Every method is thread-safe and returns at once, except {@link #close()}.
 */
public final class LabClient implements Lab {
    /** How long the lab may stay without a job before it is asked to leave, by default. */
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(60);
    /** Longest sleep of the client thread while a lab runs. */
    static final Duration LOOK = Duration.ofSeconds(1);
    /** How long a lab may take to say it is ready before it is killed. */
    static final Duration START_WAIT = Duration.ofSeconds(60);
    /** How long a lab asked to leave may take before it is killed. */
    static final Duration LEAVE_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(LabClient.class);

    private final Path place;
    private final ExchangeLimits limits;
    private final long idleNanos;
    private final List<String> labFlags;
    private final Subscribers subscribers = new Subscribers(null);
    private final ConcurrentLinkedQueue<LabCommand> queued = new ConcurrentLinkedQueue<>();
    private final Object threadLock = new Object();
    private Thread thread;
    private volatile boolean warm;
    private volatile boolean closing;
    private volatile Session session;

    /**
     * A client whose lab leaves after {@link #DEFAULT_IDLE} without a job.
     *
     * @param place  Telar's own place ({@link RunDirectory}): the channel's run directory and the
     *               lab's run directories go there
     * @param limits back-pressure and disk cap of the lab's exchange runs
     */
    public LabClient(Path place, ExchangeLimits limits) {
        this(place, limits, DEFAULT_IDLE);
    }

    /** As {@link #LabClient(Path, ExchangeLimits)}, the lab leaving after {@code idle} without a job. */
    public LabClient(Path place, ExchangeLimits limits, Duration idle) {
        this(place, limits, idle, List.of());
    }

    /** As above, with extra flags for the lab JVM after {@link LabMain#jvmFlags()} (tests: a small heap). */
    LabClient(Path place, ExchangeLimits limits, Duration idle, List<String> extraLabFlags) {
        if (idle.isNegative()) {
            throw new IllegalArgumentException("idle time must not be negative: " + idle);
        }
        this.place = place;
        this.limits = limits;
        this.idleNanos = idle.toNanos();
        List<String> flags = new ArrayList<>(LabMain.jvmFlags());
        flags.addAll(extraLabFlags);
        this.labFlags = List.copyOf(flags);
    }

    /**
     * Adds a listener; when a lab runs and has said it is ready, the listener is told its pid at
     * once ({@link LabEvent.Ready}), as {@link LabEngine#subscribe} does.
     */
    @Override
    public void subscribe(Consumer<LabEvent> listener) {
        subscribers.add(listener);
    }

    /** Queues the command for the lab; a job command starts a lab when none runs. Ignored after {@link #close()}. */
    @Override
    public void send(LabCommand command) {
        if (closing) {
            return;
        }
        queued.add(command);
        wake();
    }

    /**
     * Starts a lab now if none runs (a workload view opened: its first job will not wait for a JVM
     * to start), and counts the lab as idle from now.
     */
    @Override
    public void warmUp() {
        if (closing) {
            return;
        }
        warm = true;
        wake();
    }

    /** Pid of the lab JVM that runs and has said it is ready, if any. */
    public OptionalLong labPid() {
        return subscribers.ready().map(r -> OptionalLong.of(r.pid())).orElse(OptionalLong.empty());
    }

    /** The channel's run directory of the lab that runs, if any (for tests). */
    Optional<Path> channelDir() {
        Session s = session;
        return s == null ? Optional.empty() : Optional.of(s.channel.dir());
    }

    /**
     * Asks the lab to leave (its job cancelled, its children killed, its run directories removed),
     * waits for it at most {@link #LEAVE_WAIT}, kills it if it has not left by then, and removes
     * the channel's run directory. Events the lab sends meanwhile are still delivered. Idempotent.
     */
    @Override
    public void close() {
        closing = true;
        Thread t;
        synchronized (threadLock) {
            t = thread;
        }
        if (t == null || t == Thread.currentThread()) {
            return; // called by a listener: the client thread ends after this event
        }
        wake();
        try {
            t.join(LEAVE_WAIT.plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            Session s = session;
            LOG.warn("the lab client thread did not end; killing the lab {}", s == null ? "(none)" : s.child);
            if (s != null) {
                s.child.kill();
            }
        }
    }

    private void wake() {
        synchronized (threadLock) {
            if (thread == null) {
                thread = new Thread(this::loop, "telar-lab-link");
                thread.setDaemon(true);
                thread.start();
            }
            LockSupport.unpark(thread);
        }
        Session s = session;
        if (s != null) {
            s.channel.wakeReader();
        }
    }

    // ---- the client thread

    private void loop() {
        try {
            while (true) {
                Session s = session;
                if (s != null) {
                    step(s);
                } else if (closing) {
                    return;
                } else if (warm || queued.stream().anyMatch(LabCommand.Job.class::isInstance)) {
                    begin();
                } else {
                    // Cancel or a switch with no lab: nothing to act on.
                    queued.removeIf(c -> !(c instanceof LabCommand.Job));
                    LockSupport.park(this);
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.error("the lab client thread failed", e);
            Session s = session;
            session = null;
            if (s != null) {
                s.child.kill();
                s.channel.close();
            }
            subscribers.forgetReady();
            synchronized (threadLock) {
                thread = null; // the next command starts a new one
            }
        }
    }

    /** Starts a lab: makes its channel, starts its JVM. A failure fails the queued jobs. */
    private void begin() {
        warm = false;
        LabChannel<LabCommand, LabEvent> channel;
        try {
            channel = LabChannel.create(place);
        } catch (RuntimeException e) {
            LOG.warn("cannot make the lab's run directory", e);
            refuseQueued(Problem.because(Problem.of(e), ProblemCode.LAB_NO_DIRECTORY));
            return;
        }
        Child child;
        try {
            child = ChildLauncher.start(ChildMain.KIND_TARGET, LabMain.class,
                    LabMain.arguments(channel.dir(), place, limits), labFlags);
        } catch (RuntimeException e) {
            channel.close();
            LOG.warn("cannot start the lab JVM", e);
            refuseQueued(Problem.because(Problem.of(e), ProblemCode.LAB_NOT_STARTED));
            return;
        }
        LOG.info("lab JVM {} started on {}", child.pid(), channel.dir());
        child.onExit().thenRun(channel::wakeReader); // its end wakes this thread at once
        drainOutput(child);
        session = new Session(channel, child, new JobLedger(limits, System.nanoTime()));
    }

    /** No lab could be started: the queued jobs fail as they would in a lost lab. */
    private void refuseQueued(Problem reason) {
        JobLedger ledger = new JobLedger(limits, System.nanoTime());
        for (LabCommand c = queued.poll(); c != null; c = queued.poll()) {
            if (c instanceof LabCommand.Job job) {
                ledger.sent(job);
            }
        }
        ledger.lost(reason, System.nanoTime()).forEach(subscribers::emit);
        subscribers.emit(new LabEvent.LabLost(reason));
    }

    /** One round with a running lab: forward, read, notice its end or idleness, sleep. */
    private void step(Session s) {
        int ticket = s.channel.ticket();
        if (!s.leaving) {
            if (warm) {
                warm = false;
                s.ledger.touch(System.nanoTime());
            }
            if (!forward(s)) {
                return;
            }
            if (closing) {
                s.leave();
            }
        }
        s.channel.drain(e -> receive(s, e));
        if (!s.child.isAlive()) {
            end(s);
            return;
        }
        long now = System.nanoTime();
        long sleep = LOOK.toNanos();
        if (!s.ready && s.failure == null && now - s.started > START_WAIT.toNanos()) {
            LOG.warn("lab JVM {} did not start within {} s; killing it", s.child.pid(), START_WAIT.toSeconds());
            s.failure = Problem.of(ProblemCode.LAB_SILENT, s.child.pid(), START_WAIT.toSeconds());
            s.child.kill();
        }
        if (s.leaving) {
            if (now >= s.leaveDeadline) {
                LOG.warn("lab JVM {} did not leave within {} s; killing it", s.child.pid(), LEAVE_WAIT.toSeconds());
                s.child.kill(); // its end rings the doorbell
            } else {
                sleep = Math.min(sleep, s.leaveDeadline - now);
            }
        } else if (!s.ledger.busy()) {
            long idle = now - s.ledger.idleSince();
            if (idle >= idleNanos) {
                LOG.info("lab JVM {} idle for {} s; asking it to leave", s.child.pid(), idle / 1_000_000_000L);
                s.leave();
                return;
            }
            sleep = Math.min(sleep, idleNanos - idle);
        }
        if (s.leaving || queued.isEmpty()) {
            s.channel.await(ticket, sleep);
        }
    }

    /**
     * Sends the queued commands to the lab. A command that cannot be carried is rejected; when the
     * channel itself fails (a full disk) the lab is killed and false returned: its jobs then end
     * as in any lost lab.
     */
    private boolean forward(Session s) {
        for (LabCommand c = queued.poll(); c != null; c = queued.poll()) {
            try {
                s.channel.send(c);
            } catch (IllegalArgumentException e) {
                LOG.warn("cannot send {} to the lab", c, e);
                if (c instanceof LabCommand.Job job) {
                    subscribers.emit(new LabEvent.Rejected(job.kind(),
                            Problem.because(Problem.of(e), ProblemCode.LAB_UNSENDABLE)));
                }
                continue;
            } catch (RuntimeException e) {
                LOG.warn("cannot write to lab JVM {}; killing it", s.child.pid(), e);
                if (c instanceof LabCommand.Job job) {
                    s.ledger.sent(job);
                }
                s.failure = Problem.because(Problem.of(e), ProblemCode.LAB_UNWRITABLE, s.child.pid());
                s.child.kill();
                return false;
            }
            if (c instanceof LabCommand.Job job) {
                s.ledger.sent(job);
            }
        }
        return true;
    }

    private void receive(Session s, LabEvent event) {
        s.ledger.observe(event, System.nanoTime());
        s.ready |= event instanceof LabEvent.Ready;
        subscribers.emit(event);
    }

    /**
     * The lab's process has ended: reads what it wrote before, removes its channel and its run
     * directories, and reports a loss unless it was asked to leave.
     */
    private void end(Session s) {
        s.channel.drain(e -> receive(s, e));
        ChildExit exit = exitOf(s.child);
        subscribers.forgetReady();
        session = null;
        try {
            s.channel.close();
        } catch (RuntimeException e) {
            LOG.warn("cannot remove the lab's run directory {}", s.channel.dir(), e);
        }
        long now = System.nanoTime();
        if (s.leaving) {
            LOG.info("lab JVM {} left ({})", s.child.pid(), exit.describe());
            if (s.ledger.busy()) {
                s.ledger.lost(Problem.of(ProblemCode.LAB_CLOSED, s.child.pid()), now).forEach(subscribers::emit);
            }
            return;
        }
        try {
            RunDirectory.removeStale(place); // the run directories the dead lab made
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot remove the run directories of lab JVM {}", s.child.pid(), e);
        }
        Problem reason = s.failure != null ? s.failure : cause(s.child, exit);
        LOG.warn("lab JVM {} lost: {}", s.child.pid(), reason);
        s.ledger.lost(reason, now).forEach(subscribers::emit);
        subscribers.emit(new LabEvent.LabLost(reason));
    }

    /** Why the lab JVM {@code lab}, not asked to leave, ended as {@code exit} says. */
    static Problem cause(Child lab, ChildExit exit) {
        if (exit.signal() != 0) {
            return Problem.of(ProblemCode.LAB_KILLED, lab.pid(), exit.code());
        }
        if (exit.code() == LabMain.EXIT_OUT_OF_MEMORY) {
            return Problem.of(ProblemCode.LAB_OUT_OF_MEMORY, lab.pid(), exit.code());
        }
        if (exit.code() == 0) {
            return Problem.of(ProblemCode.LAB_ENDED, lab.pid());
        }
        return lab.endedAs(ProblemCode.LAB_CRASHED, ProblemCode.LAB_CRASHED_SAYING, lab.pid(), exit.code());
    }

    private static ChildExit exitOf(Child child) {
        try {
            Optional<ChildExit> exit = child.join(Duration.ofSeconds(1));
            return exit.orElseGet(() -> new ChildExit(-1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ChildExit(-1);
        }
    }

    /**
     * Logs what the lab writes to its standard output (the JVM's own warnings go there), so that
     * a full pipe never blocks it; the thread ends with the lab.
     */
    private static void drainOutput(Child child) {
        Thread t = new Thread(() -> {
            try {
                BufferedReader out = child.stdout();
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    LOG.info("lab JVM {}: {}", child.pid(), line);
                }
            } catch (IOException e) {
                LOG.debug("output of lab JVM {} closed: {}", child.pid(), e.toString());
            }
        }, "telar-lab-out-" + child.pid());
        t.setDaemon(true);
        t.start();
    }

    /** One lab JVM and its channel; used by the client thread only. */
    private static final class Session {
        final LabChannel<LabCommand, LabEvent> channel;
        final Child child;
        final JobLedger ledger;
        final long started = System.nanoTime();
        /** True once the lab said it is ready. */
        boolean ready;
        boolean leaving;
        long leaveDeadline;
        /** Why the client gave up on the lab itself (it could not write to it, it did not start), or null. */
        Problem failure;

        Session(LabChannel<LabCommand, LabEvent> channel, Child child, JobLedger ledger) {
            this.channel = channel;
            this.child = child;
            this.ledger = ledger;
        }

        void leave() {
            if (!leaving) {
                leaving = true;
                leaveDeadline = System.nanoTime() + LEAVE_WAIT.toNanos();
                channel.askToLeave();
            }
        }
    }
}
