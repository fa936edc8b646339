package dev.telar.tui.cli;

import dev.telar.tui.IpcPlace;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEngine;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.remote.ManagerTarget;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * One job of a headless command ({@code run}, {@code sweep}, {@code run exchange}, {@code sync}),
 * run by a {@link LabEngine} in this JVM: the engine the dashboard's lab JVM hosts too, so both
 * run the same code with the same one-job rule. The command only turns the job's events into its
 * lines.
 *
 * <p>The wait for the job's end is bounded by the job: the engine reports {@link LabEvent.JobEnded}
 * from the {@code finally} of the thread that ran it, and Ctrl-C, SIGTERM and SIGHUP cancel the
 * job and wait for that end at most {@link StopOnExit#WAIT} (the job kills its children and
 * removes its run directory on its own threads, which the JVM halts once the hooks return). The
 * engine is closed on every way out.
 */
final class LabJob {
    private LabJob() {
    }

    /**
     * {@link #run(CommandSpec, Path, LabCommand.Job, Texts, Consumer)} for an experiment or sweep,
     * which makes no run directory of the lab's: the settings' place is named, not made or checked.
     */
    static boolean run(CommandSpec command, LabCommand.Job job, Texts texts, Consumer<LabEvent> onEvent)
            throws InterruptedException {
        return run(command, IpcPlace.parentDir(ExchangeCommand.ipcSettings(command), System.getenv()), job, texts,
                onEvent);
    }

    /**
     * Sends {@code job} to a fresh engine and hands each of the job's events to {@code onEvent}
     * on the calling thread, in order, up to and including its {@link LabEvent.JobEnded}.
     *
     * @param command   the command the job belongs to: a rejected spec is a usage error of it, and
     *                  its settings' disk cap bounds exchange runs
     * @param runParent where exchange runs and process scenarios make their run directories
     * @param texts     the language of a refusal's or a lost lab's reason
     * @return true when Ctrl-C, SIGTERM or SIGHUP cancelled the job (the JVM is going away)
     * @throws ParameterException    when the job refuses its spec ({@link LabEvent.Rejected}), with its one-line reason
     * @throws IllegalStateException when the lab could not run the job at all
     */
    static boolean run(CommandSpec command, Path runParent, LabCommand.Job job, Texts texts, Consumer<LabEvent> onEvent)
            throws InterruptedException {
        return run(command, runParent, Optional.empty(), job, texts, onEvent);
    }

    /**
     * As {@link #run(CommandSpec, Path, LabCommand.Job, Texts, Consumer)}, with the manager that
     * exchange mechanisms such as manager-dict run through.
     */
    static boolean run(CommandSpec command, Path runParent, Optional<ManagerTarget> manager, LabCommand.Job job, Texts texts,
                       Consumer<LabEvent> onEvent) throws InterruptedException {
        ExchangeLimits limits = IpcPlace.limits(ExchangeCommand.ipcSettings(command));
        BlockingQueue<LabEvent> events = new LinkedBlockingQueue<>();
        CountDownLatch ended = new CountDownLatch(1);
        AtomicBoolean signalled = new AtomicBoolean();
        String rejected = null;
        try (LabEngine lab = new LabEngine(runParent, limits, manager)) {
            lab.subscribe(e -> {
                events.add(e);
                if (isLast(e)) {
                    ended.countDown();
                }
            });
            Thread stopper = new Thread(() -> StopOnExit.cancelAndWait(() -> {
                signalled.set(true);
                lab.send(new LabCommand.Cancel());
            }, t -> ended.await(t.toMillis(), TimeUnit.MILLISECONDS)),
                    "telar-" + job.kind().name().toLowerCase(Locale.ROOT) + "-cancel");
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                lab.send(job);
                for (LabEvent e = events.take(); ; e = events.take()) {
                    if (e instanceof LabEvent.Rejected r) {
                        rejected = Problems.text(r.reason(), texts);
                    } else if (e instanceof LabEvent.Refused r) {
                        throw new IllegalStateException("the lab is busy with a " + r.running() + " job");
                    } else if (e instanceof LabEvent.LabLost l) {
                        throw new IllegalStateException(Problems.text(l.reason(), texts));
                    } else {
                        onEvent.accept(e);
                    }
                    if (isLast(e)) {
                        break;
                    }
                }
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is already cancelling the job.
                }
            }
        }
        if (rejected != null) {
            throw new ParameterException(command.commandLine(), rejected);
        }
        return signalled.get();
    }

    /** True for the event after which nothing more of the job comes. */
    private static boolean isLast(LabEvent e) {
        return e instanceof LabEvent.JobEnded || e instanceof LabEvent.Refused || e instanceof LabEvent.LabLost;
    }
}
