package dev.telar.tui.app;

import com.googlecode.lanterna.TerminalSize;
import dev.telar.config.Settings;
import dev.telar.probe.Kernel;
import dev.telar.probe.NativeHeap;
import dev.telar.probe.Sampler;
import dev.telar.tui.IpcPlace;
import dev.telar.tui.loop.EventLoop;
import dev.telar.tui.loop.InputReader;
import dev.telar.tui.loop.TelarTerminal;
import dev.telar.tui.loop.TerminalPainter;
import dev.telar.tui.loop.TerminalSession;
import dev.telar.tui.loop.UiEvent;
import dev.telar.tui.panel.Frame;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.tui.view.Dispatcher;
import dev.telar.tui.view.FleetLink;
import dev.telar.tui.view.LessonOptions;
import dev.telar.tui.view.SamplerControl;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.lab.Lab;
import dev.telar.workloads.lab.LabClient;
import dev.telar.workloads.remote.ManagerTarget;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-screen dashboard: takes over the terminal, shows per-core load and the process list
 * until the user quits, and always gives the terminal back as it found it.
 *
 * <p>Threads: the sampler (publishes snapshots), the input reader (blocks on the keyboard), the
 * lab's (its runners, the workers and child JVMs of the job in progress, and the thread that
 * reports its progress), and the calling thread, which becomes the one UI thread
 * ({@link EventLoop}). Everything the lab reports reaches the UI thread as events through the
 * loop's queue; nothing is polled. The lab is closed ({@link Teardown}: its job cancelled,
 * children killed, run directories removed, at most {@link Teardown#LIMIT} in all) before this
 * method returns, and from the JVM shutdown hook on SIGTERM, SIGHUP and SIGINT, so no worker,
 * child or run directory outlives the dashboard. The terminal is restored on quit ({@code q},
 * F10, Ctrl-C), on an error (before its line is printed, also for an error in another thread),
 * and from the shutdown hook; Ctrl-Z lends it to the shell until {@code fg}.
 *
 * <p>The settings' display options apply from the first frame: language (of the screen and of
 * the lines printed here), theme, ASCII mode, and mouse clicks, which are reported only when
 * the settings allow and are switched off again whenever the terminal is restored.
 */
public final class Dashboard {
    /** How long a terminal whose size the kernel does not know may take to tell it, milliseconds. */
    static final long ANSWER_TIMEOUT_MS = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

    private Dashboard() {
    }

    /**
     * Runs the dashboard until the user quits. Nothing is printed while the screen is shown; on
     * failure exactly one line goes to stderr after the terminal was restored.
     *
     * @param settings     refresh interval, experiment defaults, log file, language, theme, ASCII mode and mouse
     * @param restoreFirst where to name what gives the terminal back while the full screen is shown
     *                     (null once it is given back): the command line's uncaught-exception
     *                     handler runs it before it prints its line, which the alternate screen
     *                     would otherwise swallow
     * @return the process exit code: 0 after the user quit, 1 after an error (logged), 2 when
     *         this terminal cannot show the dashboard
     */
    public static int run(Settings settings, Consumer<Runnable> restoreFirst) {
        return run(settings, Optional.empty(), restoreFirst);
    }

    /**
     * As {@link #run(Settings, Consumer)}, with the manager whose fleet the fleet view shows (none:
     * the view says how to configure one). Nothing connects to it until the fleet view is opened.
     */
    public static int run(Settings settings, Optional<ManagerTarget> manager, Consumer<Runnable> restoreFirst) {
        return run(settings, manager, Optional.empty(), restoreFirst);
    }

    /**
     * As above, opened on the lesson view with {@code lesson}'s options when given ({@code telar
     * lesson}); the lesson's jobs go to the same lab as every view's.
     */
    public static int run(Settings settings, Optional<ManagerTarget> manager, Optional<LessonOptions> lesson,
                          Consumer<Runnable> restoreFirst) {
        Texts texts = Texts.of(settings.language());
        String term = System.getenv("TERM");
        if (term == null || term.isBlank() || "dumb".equals(term)) {
            System.err.println(texts.format("dashboard.term", term == null ? "" : term));
            return 2;
        }
        BlockingQueue<UiEvent> queue = new LinkedBlockingQueue<>();
        // Sampling first (begun already for plain telar): the first loads are taken while the
        // terminal is being set up.
        Sampler sampler = EarlySampler.take(settings.refreshMillis(), snapshot -> {
            queue.offer(new UiEvent.Snapshot(snapshot));
            // On the sampler's thread, so the UI thread never waits for it (see NativeHeap).
            NativeHeap.trimNowAndThen();
        });
        Lab lab = openLab(settings);
        // The lab's events reach the UI thread only through the queue, like everything else.
        lab.subscribe(event -> queue.offer(new UiEvent.Lab(event)));
        Optional<ManagerFleet> fleet = manager.map(m -> new ManagerFleet(m, news -> queue.offer(new UiEvent.Fleet(news))));
        Teardown teardown = new Teardown(List.of(new Teardown.Step("the lab", lab::close),
                new Teardown.Step("the fleet", () -> fleet.ifPresent(ManagerFleet::closeNow)),
                new Teardown.Step("the sampler", sampler::close)));
        try {
            return runOnTerminal(settings, manager, lesson, sampler, lab, fleet.<FleetLink>map(f -> f).orElse(FleetLink.NONE), queue,
                    teardown, restoreFirst);
        } finally {
            teardown.run();
        }
    }

    /**
     * The dashboard's lab, made in this one place: every view sends its jobs to it and hears of
     * them from it. The engine runs in a lab JVM (full JIT, a heap for the lecture's sizes) that
     * starts when a job view opens and leaves after a minute without work, so the dashboard itself
     * runs no workload; the lab's files and its runs' files go where the settings' {@code ipc}
     * block says, within its disk cap.
     */
    static Lab openLab(Settings settings) {
        return new LabClient(IpcPlace.parentDir(settings.ipc(), System.getenv()), IpcPlace.limits(settings.ipc()));
    }

    private static int runOnTerminal(Settings settings, Optional<ManagerTarget> manager, Optional<LessonOptions> lesson,
                                     Sampler sampler, Lab lab,
                                     FleetLink fleet, BlockingQueue<UiEvent> queue, Teardown teardown,
                                     Consumer<Runnable> restoreFirst) {
        Texts texts = Texts.of(settings.language());
        TelarTerminal terminal;
        try {
            // Buffered: Lanterna writes cell by cell and flushes once per frame.
            terminal = new TelarTerminal(System.in, new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        } catch (IOException | RuntimeException e) {
            LOG.error("could not take over the terminal", e);
            System.err.println(texts.format("dashboard.takeover", message(e, texts)));
            return 2;
        }
        TerminalSession session = new TerminalSession(terminal, settings.mouse());
        // SIGTERM, SIGHUP, SIGINT: the terminal first (the user gets the shell back), then the runs,
        // which must end before the JVM halts, or their children and run directory would be left.
        Thread hook = new Thread(() -> {
            session.restore();
            teardown.run();
        }, "telar-restore");
        Runtime.getRuntime().addShutdownHook(hook);
        // An error in another thread ends Telar from the uncaught-exception handler: its line must
        // come after the full screen is left, or it would vanish with the alternate screen.
        restoreFirst.accept(session::restore);
        try {
            InputReader.start(terminal, queue);
            TerminalSize known = terminal.kernelSize();
            if (known == null && !answersSize(terminal)) {
                session.restore();
                System.err.println(texts.get("dashboard.noanswer"));
                return 2;
            }
            AtomicReference<TerminalSize> size = new AtomicReference<>(known != null ? known : terminal.getTerminalSize());
            terminal.addResizeListener((t, newSize) -> {
                size.set(newSize);
                queue.offer(UiEvent.RESIZE);
            });
            session.enterFullScreen();
            ViewState view = new ViewState(sampler.intervalMillis(), settings);
            // The sync view's m and the exchange form offer remote runs only with a manager.
            view.sync().offerRemote(manager);
            view.exchange().offerRemote(manager);
            Dispatcher keys = new Dispatcher(view, SamplerControl.of(sampler), lab, fleet, lesson);
            Runnable suspend = () -> suspend(session, terminal, size);
            int code = new EventLoop(new TerminalPainter(terminal, session), size::get, keys, new Frame(), queue,
                    suspend).run();
            session.restore();
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.restore();
            return 1;
        } catch (IOException | RuntimeException | LinkageError | AssertionError e) {
            LOG.error("the dashboard failed", e);
            session.restore();
            System.err.println(texts.format("dashboard.failed", message(e, texts), settings.logFile()));
            return 1;
        } finally {
            // Also on an Error (out of memory, stack overflow): Telar's main prints its line after this.
            session.restore();
            restoreFirst.accept(null);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is running or ran; it restores only once.
            }
        }
    }

    /**
     * Ctrl-Z, as htop does it: gives the terminal back to the shell (full screen left, its tty
     * settings put back), stops the process group as the terminal's own Ctrl-Z would, and once
     * continued ({@code fg}) takes the terminal back at its current size; the loop then redraws all.
     */
    private static void suspend(TerminalSession session, TelarTerminal terminal, AtomicReference<TerminalSize> size) {
        if (!session.suspend()) {
            return;
        }
        LOG.info("suspended by Ctrl-Z");
        try {
            Kernel.stopProcessGroup();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("could not stop for Ctrl-Z; going on", e);
        }
        try {
            session.resume();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("continued after Ctrl-Z");
        TerminalSize now = terminal.kernelSize();
        if (now != null) {
            size.set(now);
        }
    }

    /**
     * Asks the terminal for its size and waits up to {@link #ANSWER_TIMEOUT_MS}. Needed only
     * when the kernel has no size for the tty. The input thread must already be reading, since
     * it is the one that receives the answer.
     */
    private static boolean answersSize(TelarTerminal terminal) throws InterruptedException {
        CompletableFuture<TerminalSize> answer = new CompletableFuture<>();
        Thread asker = new Thread(() -> {
            try {
                answer.complete(terminal.getTerminalSize());
            } catch (IOException | RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }, "telar-size-query");
        asker.setDaemon(true);
        asker.start();
        try {
            answer.get(ANSWER_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("the terminal did not report its size within {} ms", ANSWER_TIMEOUT_MS);
            return false;
        }
    }

    private static String message(Throwable e, Texts texts) {
        Throwable root = e instanceof EventLoop.DashboardFailure && e.getCause() != null ? e.getCause() : e;
        Optional<String> said = Problems.carried(root, texts);
        if (said.isPresent()) {
            return said.get();
        }
        String text = root.getMessage();
        return text == null || text.isBlank() ? root.getClass().getSimpleName() : text.lines().findFirst().orElse(text);
    }
}
