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
import dev.telar.config.Overrides;
import dev.telar.config.Settings;
import dev.telar.config.SettingsLoader;
import dev.telar.probe.Probe;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.loop.TerminalPainter;
import dev.telar.tui.loop.TerminalSession;
import dev.telar.tui.loop.UiEvent;
import dev.telar.tui.panel.Frame;
import dev.telar.tui.view.Dispatcher;
import dev.telar.tui.view.SamplerControl;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.lab.Lab;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

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
        "dev.telar.tui.app.Dashboard", "dev.telar.tui.loop.TelarTerminal", "dev.telar.tui.loop.InputReader",
        "dev.telar.tui.loop.EventLoop", "dev.telar.tui.loop.TerminalSession", "dev.telar.tui.loop.UiEvent",
        "com.googlecode.lanterna.terminal.ansi.UnixTerminal", "com.googlecode.lanterna.input.InputDecoder",
        "com.googlecode.lanterna.input.DefaultKeyDecodingProfile", "dev.telar.workloads.run.ExperimentRunner", "dev.telar.probe.Sampler",
        "dev.telar.tui.app.EarlySampler", "dev.telar.tui.cli.DashboardStart", "dev.telar.tui.app.Teardown",
        "dev.telar.tui.app.Teardown$Step", "dev.telar.workloads.lab.Lab",
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
        SamplerControl sampler = new SamplerControl() {
            @Override
            public long setIntervalMillis(long millis) {
                return millis;
            }

            @Override
            public void setThreadsFor(Set<Integer> pids) {
            }

            @Override
            public void requestNow() {
            }
        };
        // A lab that is asked nothing: the warm-up starts no job.
        Lab idle = new Lab() {
            @Override
            public void subscribe(Consumer<LabEvent> listener) {
                listener.accept(new LabEvent.Ready(ProcessHandle.current().pid()));
            }

            @Override
            public void send(LabCommand command) {
            }

            @Override
            public void close() {
            }
        };
        Dispatcher keys = new Dispatcher(view, sampler, idle);
        Frame frame = new Frame();
        try {
            session.enterFullScreen();
            terminalParts(snapshot);
            keys.onSnapshot(snapshot);
            paint(painter, frame, terminal, keys);
            // A click, and L and T: Spanish and the other themes load no new classes once these have run.
            for (KeyStroke key : new KeyStroke[] {new KeyStroke(KeyType.ArrowDown), new KeyStroke(KeyType.Enter),
                new KeyStroke('h', false, false), new KeyStroke('h', false, false),
                new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(10, 8)), new KeyStroke('L', false, false),
                new KeyStroke('T', false, false), new KeyStroke('x', false, false), new KeyStroke('X', false, false)}) {
                keys.onKey(key);
                keys.onSnapshot(snapshot);
                paint(painter, frame, terminal, keys);
            }
            // ASCII mode folds characters (and drops accents) as it draws: a frame of it, for LANG=C starts.
            ViewState ascii = new ViewState(1000, Settings.defaults().withAscii(true));
            Dispatcher asciiKeys = new Dispatcher(ascii, sampler, idle);
            asciiKeys.onSnapshot(snapshot);
            paint(painter, new Frame(), terminal, asciiKeys);
            session.restore();
        } catch (IOException | RuntimeException e) {
            // a warm-up that stops early only makes a smaller archive
        }
    }

    /**
     * What the dashboard builds around its terminal, without one: the events of its queue, the key
     * decoder's patterns and the terminal's enumerations. Classes a start meets for the first time
     * outside the archive are looked for in every jar before theirs (Lanterna's is the 31st): tens
     * of milliseconds before the first frame. The lab's client is left out: it loads when a job
     * view opens, and in the archive it would only add to every start's resident memory.
     */
    private static void terminalParts(SystemSnapshot snapshot) {
        try {
            for (UiEvent event : List.of(new UiEvent.Snapshot(snapshot), new UiEvent.Key(new KeyStroke(KeyType.Enter)),
                    UiEvent.RESIZE, new UiEvent.Lab(new LabEvent.Ready(1)))) {
                event.hashCode();
            }
            new DefaultKeyDecodingProfile().getPatterns();
            MouseCaptureMode.values();
            UnixLikeTerminal.CtrlCBehaviour.values();
        } catch (RuntimeException | LinkageError e) {
            // a warm-up that stops early only makes a smaller archive
        }
    }

    /** Draws a frame as the event loop does: painted, and what it laid out handed back. */
    private static void paint(TerminalPainter painter, Frame frame, DefaultVirtualTerminal terminal, Dispatcher keys)
            throws IOException {
        Frame.Drawn drawn = frame.draw(terminal.getTerminalSize(), keys.view());
        painter.paint(drawn.cells());
        keys.laidOut(drawn.laidOut());
    }
}
