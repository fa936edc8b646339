package dev.telar.workloads.lab;

import dev.telar.probe.Kernel;
import dev.telar.probe.ProcessIdentity;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.proc.JvmFlags;
import dev.telar.workloads.proc.ParentWatch;
import dev.telar.workloads.proc.ProcessTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab JVM: a child of the dashboard (started by {@link ChildLauncher}, so it dies with it)
 * that hosts one {@link LabEngine} and serves it over a {@link LabChannel}. Its first event is
 * {@link LabEvent.Ready} with its own pid; then it hands every command to the engine and every
 * event of the engine to the dashboard, until the dashboard asks it to leave or is gone. Then it
 * closes the engine (job cancelled, workers stopped, children killed, run directories removed)
 * and exits 0.
 *
 * <p>Arguments: the channel's directory, the directory the engine makes its run directories in,
 * and the exchange limits (capacity in messages, disk cap in bytes). It runs with the full JIT and
 * the default heap ({@link #jvmFlags()}), and exits with {@link #EXIT_OUT_OF_MEMORY} when its heap
 * is exhausted, rather than limping on with broken threads.
 *
 * <p>If the dashboard dies, the kernel kills the lab at once, as it kills every child
 * ({@link ChildLauncher}); the lab's own children die with it, and the run directories left behind
 * (the channel's, the lab's jobs') name dead owners, so the next start of Telar removes them.
 *
 * <p>Threads: the main thread reads commands (asleep on the doorbell; when none comes it wakes once
 * an {@link #IDLE_LOOK} to check that the dashboard lives); the engine's threads write events.
 */
public final class LabMain implements ProcessTarget {
    /** Exit code of a lab JVM whose heap ran out ({@code -XX:+ExitOnOutOfMemoryError}). */
    public static final int EXIT_OUT_OF_MEMORY = 3;
    /** Longest sleep of the command reader between two looks at the dashboard. */
    static final Duration LOOK = Duration.ofSeconds(1);
    /**
     * Longest sleep of the idle lab between two looks. Commands and the request to leave ring the
     * doorbell, and the lab dies with the dashboard (PR_SET_PDEATHSIG, and the parent watch every
     * {@link #LOOK}), so this look is only a last guard: rare, since each costs a queue read.
     */
    static final Duration IDLE_LOOK = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(LabMain.class);

    /** The flags a lab JVM computes with, after {@link ChildLauncher#CHILD_FLAGS}. */
    public static List<String> jvmFlags() {
        List<String> flags = new ArrayList<>(JvmFlags.fast());
        flags.addAll(JvmFlags.lab());
        // PR_SET_PDEATHSIG ends the lab with the dashboard; the second guard need not look 5 times a second.
        flags.add("-D" + ParentWatch.PERIOD_PROPERTY + "=" + LOOK.toMillis());
        return flags;
    }

    /** The arguments of a lab serving the channel in {@code channelDir}. */
    static List<String> arguments(Path channelDir, Path runParent, ExchangeLimits limits) {
        return List.of(channelDir.toString(), runParent.toString(), Long.toString(limits.capacity()),
                Long.toString(limits.diskCapBytes()));
    }

    @Override
    public void run(String[] args) {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: LabMain <channel dir> <run parent> <capacity> <disk cap bytes>");
        }
        Path dir = Path.of(args[0]);
        Path runParent = Path.of(args[1]);
        ExchangeLimits limits = new ExchangeLimits(Long.parseLong(args[2]), Long.parseLong(args[3]));
        ProcessIdentity dashboard = ProcessIdentity.of(Kernel.parentPid())
                .orElseThrow(() -> new IllegalStateException("the dashboard has gone"));
        try (LabChannel<LabEvent, LabCommand> channel = LabChannel.open(dir)) {
            Outbox out = new Outbox(channel);
            LabEngine engine = new LabEngine(runParent, limits);
            try {
                engine.subscribe(out); // Ready(this pid) goes first
                serve(channel, engine, dashboard);
            } finally {
                engine.close();
                out.shut();
            }
        }
    }

    private static void serve(LabChannel<LabEvent, LabCommand> channel, LabEngine engine, ProcessIdentity dashboard) {
        while (true) {
            int ticket = channel.ticket();
            // Read before draining: every command sent before the request is served first.
            boolean leave = channel.askedToLeave();
            int read = channel.drain(engine::send);
            if (leave) {
                return;
            }
            if (!dashboard.isAlive()) {
                LOG.warn("the dashboard ({}) has gone; the lab ends", dashboard);
                return;
            }
            if (read == 0) {
                channel.await(ticket, IDLE_LOOK.toNanos());
            }
        }
    }

    /** The engine's listener: writes its events until the lab shuts, drops the late ones. */
    private static final class Outbox implements Consumer<LabEvent> {
        private final LabChannel<LabEvent, LabCommand> channel;
        private boolean open = true;

        Outbox(LabChannel<LabEvent, LabCommand> channel) {
            this.channel = channel;
        }

        @Override
        public synchronized void accept(LabEvent event) {
            if (open) {
                channel.send(event);
            }
        }

        synchronized void shut() {
            open = false;
        }
    }
}
