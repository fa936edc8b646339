package dev.telar.tui.cli;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import com.googlecode.lanterna.terminal.MouseCaptureMode;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.telar.config.DefaultsFile;
import dev.telar.config.IpcSettings;
import dev.telar.config.Overrides;
import dev.telar.config.Settings;
import dev.telar.config.SettingsLoader;
import dev.telar.probe.Probe;
import dev.telar.probe.Sampler;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.IpcPlace;
import dev.telar.tui.loop.TerminalPainter;
import dev.telar.tui.loop.TerminalSession;
import dev.telar.tui.loop.UiEvent;
import dev.telar.tui.panel.Frame;
import dev.telar.tui.view.ExchangeControl;
import dev.telar.tui.view.ExperimentControl;
import dev.telar.tui.view.KeyHandler;
import dev.telar.tui.view.SamplerControl;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.exchange.ExchangeRunner;
import dev.telar.workloads.run.ExperimentRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/**
 * Runs what a dashboard start runs, without a terminal, so that the launcher can record the
 * classes in a class-data-sharing archive ({@code -XX:ArchiveClassesAtExit}) and later starts are
 * quicker: a headless snapshot through the command line, a settings file read, then a few frames
 * of the dashboard drawn on a virtual terminal, then the classes that only a real terminal would load.
 *
 * <p>Only classes actually used go into the archive: a whole-jar archive (all of Lanterna's GUI
 * toolkit) added about 6 MB to the resident memory of every later run.
 */
final class CdsWarmup {
    /** Classes a real terminal session loads that a virtual terminal does not. */
    private static final String[] TERMINAL_CLASSES = {
        "dev.telar.tui.Dashboard", "dev.telar.tui.loop.TelarTerminal", "dev.telar.tui.loop.InputReader",
        "dev.telar.tui.loop.EventLoop", "dev.telar.tui.loop.TerminalSession", "dev.telar.tui.loop.UiEvent",
        "com.googlecode.lanterna.terminal.ansi.UnixTerminal", "com.googlecode.lanterna.input.InputDecoder",
        "com.googlecode.lanterna.input.DefaultKeyDecodingProfile", "dev.telar.workloads.run.ExperimentRunner", "dev.telar.probe.Sampler",
        "dev.telar.workloads.exchange.ExchangeRunner", "dev.telar.tui.view.ExchangeControl",
        "dev.telar.tui.EarlySampler", "dev.telar.tui.cli.DashboardStart", "dev.telar.tui.Teardown",
        "dev.telar.tui.Teardown$Step", "dev.telar.tui.view.ScenarioControl$LiveScenarios",
        "com.googlecode.lanterna.terminal.TerminalResizeListener", "com.googlecode.lanterna.terminal.ansi.ANSITerminal$1",
    };

    private CdsWarmup() {
    }

    static int run() throws InterruptedException {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        int code = Cli.execute(new String[] {"snapshot", "--json", "--interval", "0.1"}, Environment.system(),
                sink, sink, null, Probe::live);
        readSettingsFile();
        drawFrames();
        ClassLoader loader = CdsWarmup.class.getClassLoader();
        for (String name : TERMINAL_CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // a class renamed since: it is merely loaded from the jar later
            }
        }
        return code;
    }

    /**
     * Parses the defaults file as a settings file would be, so that the YAML parser is in the archive:
     * without it a start with a settings file spends about a tenth of a second loading the parser.
     */
    private static void readSettingsFile() {
        try {
            new SettingsLoader(name -> null).loadText(DefaultsFile.text(), "defaults", Overrides.none());
        } catch (RuntimeException e) {
            // a warm-up that stops early only makes a smaller archive
        }
    }

    /**
     * What the dashboard builds around its terminal, without one: the runners and their controls,
     * the events of its queue, the key decoder's patterns and the terminal's enumerations. Classes
     * a start meets for the first time outside the archive are looked for in every jar before
     * theirs (Lanterna's is the 31st): tens of milliseconds before the first frame.
     */
    private static void dashboardParts(SystemSnapshot snapshot) {
        try {
            IpcSettings ipc = Settings.defaults().ipc();
            ExperimentRunner runner = new ExperimentRunner();
            ExchangeRunner exchange = new ExchangeRunner(IpcPlace.parentDir(ipc, System.getenv()), IpcPlace.limits(ipc));
            ExperimentControl.of(runner);
            ExchangeControl.of(exchange);
            exchange.close();
            runner.close();
            for (UiEvent event : List.of(new UiEvent.Snapshot(snapshot), new UiEvent.Key(new KeyStroke(KeyType.Enter)),
                    UiEvent.RESIZE, UiEvent.SYNC_TICK)) {
                event.hashCode();
            }
            new DefaultKeyDecodingProfile().getPatterns();
            MouseCaptureMode.values();
            UnixLikeTerminal.CtrlCBehaviour.values();
        } catch (RuntimeException | LinkageError e) {
            // a warm-up that stops early only makes a smaller archive
        }
    }

    private static void drawFrames() throws InterruptedException {
        Probe probe = Probe.live();
        probe.sample(pid -> true);
        Thread.sleep(50);
        SystemSnapshot snapshot = probe.sample(pid -> true);
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(120, 40));
        // As the dashboard draws: through a session, which a real start enters in full screen.
        TerminalSession session = new TerminalSession(terminal);
        TerminalPainter painter = new TerminalPainter(terminal, session);
        ViewState view = new ViewState(1000);
        SamplerControl sampler = SamplerControl.of(new Sampler(Probe::live, 1000)); // never started
        dashboardParts(snapshot);
        KeyHandler keys = new KeyHandler(view, sampler, ExperimentControl.NONE);
        Frame frame = new Frame();
        try {
            session.enterFullScreen();
            keys.onSnapshot(snapshot);
            painter.paint(frame.draw(terminal.getTerminalSize(), view));
            // A click, and L and T: Spanish and the other themes load no new classes once these have run.
            for (KeyStroke key : new KeyStroke[] {new KeyStroke(KeyType.ArrowDown), new KeyStroke(KeyType.Enter),
                new KeyStroke('h', false, false), new KeyStroke('h', false, false),
                new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(10, 8)), new KeyStroke('L', false, false),
                new KeyStroke('T', false, false), new KeyStroke('x', false, false), new KeyStroke('X', false, false)}) {
                keys.onKey(key);
                keys.onSnapshot(snapshot);
                painter.paint(frame.draw(terminal.getTerminalSize(), view));
            }
            // ASCII mode folds characters (and drops accents) as it draws: a frame of it, for LANG=C starts.
            ViewState ascii = new ViewState(1000, Settings.defaults().withAscii(true));
            new KeyHandler(ascii, sampler, ExperimentControl.NONE).onSnapshot(snapshot);
            painter.paint(new Frame().draw(terminal.getTerminalSize(), ascii));
            session.restore();
        } catch (IOException | RuntimeException e) {
            // a warm-up that stops early only makes a smaller archive
        }
    }
}
