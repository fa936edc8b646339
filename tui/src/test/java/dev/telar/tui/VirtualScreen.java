package dev.telar.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.telar.config.Settings;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.loop.TerminalPainter;
import dev.telar.tui.panel.Frame;
import dev.telar.tui.view.Dispatcher;
import dev.telar.tui.view.FleetNews;
import dev.telar.tui.view.LessonOptions;
import dev.telar.tui.view.Outcome;
import dev.telar.tui.view.SamplerControl;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.exchange.ExchangeProgress;
import dev.telar.workloads.race.RaceDemo;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;

/**
 * A dashboard drawn on Lanterna's in-memory terminal: the real {@link Frame} and
 * {@link Dispatcher}, a recording sampler, a {@link ScriptedLab}, and the screen read back as text.
 * The lab's events are applied after each key or report, before the redraw, as the event loop
 * applies what its queue holds; the first snapshot's own pid is the lab's, as with the lab in this JVM.
 */
public final class VirtualScreen {
    /** What the key handler asked of the sampler. */
    public static final class RecordingSampler implements SamplerControl {
        public long interval = 1000;
        public Set<Integer> threadsFor = new HashSet<>();
        public int nowRequests;

        @Override
        public long setIntervalMillis(long millis) {
            interval = Math.max(250, Math.min(10_000, millis));
            return interval;
        }

        @Override
        public void setThreadsFor(Set<Integer> pids) {
            threadsFor = new HashSet<>(pids);
        }

        @Override
        public void requestNow() {
            nowRequests++;
        }
    }

    public final DefaultVirtualTerminal terminal;
    public final TerminalPainter painter;
    public final RecordingSampler sampler = new RecordingSampler();
    public final ViewState view;
    public final ScriptedLab lab = new ScriptedLab();
    /** The fleet view's link: unconfigured unless a test configures it. */
    public final ScriptedFleet fleet = new ScriptedFleet();
    public final Dispatcher keys;
    /** The lab's events not yet applied. */
    private final Queue<LabEvent> pending = new ArrayDeque<>();
    private final Frame frame;

    /** A screen with the default settings: English, dark theme, Unicode, mouse on. */
    public VirtualScreen(int columns, int rows) {
        this(columns, rows, Settings.defaults());
    }

    /** {@code settings} with the mouse on or off. */
    public static Settings mouse(Settings settings, boolean on) {
        return settings.withMouse(on);
    }

    /** A screen whose language, theme, ASCII mode and mouse come from {@code settings}. */
    public VirtualScreen(int columns, int rows, Settings settings) {
        this(columns, rows, settings, new Frame());
    }

    /** A screen drawn by {@code frame} (e.g. one with a failing panel). */
    public VirtualScreen(int columns, int rows, Settings settings, Frame frame) {
        this(columns, rows, settings, frame, Optional.empty(), List.of());
    }

    /**
     * A screen opened on the lesson view with {@code lesson} (as {@code telar lesson}), whose lab plays
     * back {@code recorded} jobs ({@link ScriptedLab#playBack}) before it answers as usual.
     */
    public VirtualScreen(int columns, int rows, Settings settings, LessonOptions lesson, List<List<LabEvent>> recorded) {
        this(columns, rows, settings, new Frame(), Optional.of(lesson), recorded);
    }

    private VirtualScreen(int columns, int rows, Settings settings, Frame frame, Optional<LessonOptions> lesson,
                          List<List<LabEvent>> recorded) {
        this.frame = frame;
        view = new ViewState(1000, settings);
        lab.playBack(recorded);
        // Before the dispatcher, as the dashboard does: the lesson sends its first job as it opens.
        lab.subscribe(pending::add);
        keys = new Dispatcher(view, sampler, lab, fleet, lesson);
        terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        terminal.enterPrivateMode();
        terminal.setCursorVisible(false);
        painter = new TerminalPainter(terminal);
    }

    public VirtualScreen show(SystemSnapshot snap) {
        keys.onSnapshot(snap);
        if (!lab.announced()) {
            lab.ready(snap.selfPid());
        }
        return settle();
    }

    public VirtualScreen draw() {
        try {
            Frame.Drawn drawn = frame.draw(terminal.getTerminalSize(), view);
            painter.paint(drawn.cells());
            keys.laidOut(drawn.laidOut());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Applies the lab's events that came since (and any they cause), as the event loop does, and redraws. */
    public VirtualScreen settle() {
        LabEvent e;
        while ((e = pending.poll()) != null) {
            keys.onLab(e);
        }
        return draw();
    }

    /** The fleet's link brings news (connecting, the fleet, a failure); redraws. */
    public VirtualScreen fleet(FleetNews news) {
        keys.onFleet(news);
        return draw();
    }

    /** The lab reports an experiment job's news. */
    public VirtualScreen event(ExperimentEvent event) {
        lab.report(event);
        return settle();
    }

    /** The lab reports an exchange or race job's news. */
    public VirtualScreen event(ExchangeEvent event) {
        lab.report(event);
        return settle();
    }

    /** The lab reports the exchange run's progress. */
    public VirtualScreen progress(ExchangeProgress progress) {
        lab.report(progress);
        return settle();
    }

    /** The lab reports a race demo sample. */
    public VirtualScreen sample(RaceDemo.Sample sample) {
        lab.report(sample);
        return settle();
    }

    /** The lab reports the scenario's state. */
    public VirtualScreen scenario(ScenarioSnapshot snapshot) {
        lab.report(snapshot);
        return settle();
    }

    /** The lab reports the scenario's end. */
    public VirtualScreen scenario(ScenarioOutcome outcome) {
        lab.report(outcome);
        return settle();
    }

    public Outcome press(KeyStroke key) {
        Outcome outcome = keys.onKey(key);
        settle();
        return outcome;
    }

    public Outcome press(char c) {
        return press(new KeyStroke(c, false, false));
    }

    public Outcome press(KeyType type) {
        return press(new KeyStroke(type));
    }

    /** A press of the first mouse button on the cell at ({@code column}, {@code row}). */
    public Outcome click(int column, int row) {
        return press(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(column, row)));
    }

    /** One notch of the mouse wheel over the cell at ({@code column}, {@code row}); up when {@code up}. */
    public Outcome wheel(int column, int row, boolean up) {
        return press(new MouseAction(up ? MouseActionType.SCROLL_UP : MouseActionType.SCROLL_DOWN, up ? 4 : 5,
                new TerminalPosition(column, row)));
    }

    public void type(String text) {
        for (char c : text.toCharArray()) {
            press(c);
        }
    }

    /** The rows of the virtual terminal as text (what a user would see, colours dropped). */
    public List<String> rows() {
        TerminalSize size = terminal.getTerminalSize();
        List<String> rows = new ArrayList<>(size.getRows());
        for (int r = 0; r < size.getRows(); r++) {
            StringBuilder line = new StringBuilder(size.getColumns());
            for (int c = 0; c < size.getColumns(); c++) {
                TextCharacter ch = terminal.getCharacter(c, r);
                line.append(ch == null ? " " : ch.getCharacterString());
            }
            rows.add(line.toString());
        }
        return rows;
    }

    public String text() {
        return String.join("\n", rows());
    }

    /** The row holding {@code needle}, or -1. */
    public int rowOf(String needle) {
        List<String> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(needle)) {
                return i;
            }
        }
        return -1;
    }

    public TextCharacter cell(int column, int row) {
        return terminal.getCharacter(column, row);
    }
}
