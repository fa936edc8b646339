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
import dev.telar.tui.view.ExchangeControl;
import dev.telar.tui.view.ExperimentControl;
import dev.telar.tui.view.KeyHandler;
import dev.telar.tui.view.SamplerControl;
import dev.telar.tui.view.ScenarioControl;
import dev.telar.tui.view.ScenarioRun;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.exchange.ExchangeProgress;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.race.RaceDemo;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.RunSpec;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.ScenarioSnapshot;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import dev.telar.workloads.sync.scenario.ScenarioStatus;
import dev.telar.workloads.sync.scenario.Scenarios;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A dashboard drawn on Lanterna's in-memory terminal: the real {@link Frame} and
 * {@link KeyHandler}, a recording sampler, and the screen read back as text.
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

    /** What the key handler asked of the experiment runner. */
    public static final class RecordingExperiments implements ExperimentControl {
        public final List<RunSpec> runs = new ArrayList<>();
        public final List<Boolean> baselines = new ArrayList<>();
        public final List<RunSpec> sweeps = new ArrayList<>();
        public int cancels;

        @Override
        public void submit(RunSpec spec, boolean baseline) {
            runs.add(spec);
            baselines.add(baseline);
        }

        @Override
        public void submitSweep(RunSpec spec) {
            sweeps.add(spec);
        }

        @Override
        public void cancel() {
            cancels++;
        }
    }

    /** Scenario runs that show what the test sets, and the specs the sync view started. */
    public static final class FixedScenarios implements ScenarioControl {
        public final List<ScenarioSpec> started = new ArrayList<>();
        public final List<FixedRun> runs = new ArrayList<>();

        @Override
        public ScenarioRun start(ScenarioSpec spec) {
            started.add(spec);
            FixedRun run = new FixedRun(spec.withWorkers(spec.workers() == 0 ? Scenarios.defaultWorkers(spec.primitive())
                    : spec.workers()).withSize(spec.size() == 0
                    ? Scenarios.defaultSize(spec.primitive(), spec.slowdown()) : spec.size()));
            runs.add(run);
            return run;
        }

        /** The last run started. */
        public FixedRun last() {
            return runs.get(runs.size() - 1);
        }

        @Override
        public void close() {
        }
    }

    /** A run whose state and outcome the test sets; records cancels and lock switches. */
    public static final class FixedRun implements ScenarioRun {
        private final ScenarioSpec spec;
        public volatile ScenarioSnapshot snapshot;
        public volatile ScenarioOutcome outcome;
        public volatile boolean cancelled;
        public final List<Boolean> lockSwitches = new ArrayList<>();

        FixedRun(ScenarioSpec spec) {
            this.spec = spec;
            this.snapshot = new ScenarioSnapshot(spec.primitive(), spec.mode(), ScenarioStatus.STARTING,
                    java.util.Optional.empty(), java.util.Map.of(), List.of(), List.of(), 0);
        }

        @Override
        public ScenarioSpec spec() {
            return spec;
        }

        @Override
        public ScenarioSnapshot snapshot() {
            return snapshot;
        }

        @Override
        public java.util.Optional<ScenarioOutcome> outcome() {
            return java.util.Optional.ofNullable(outcome);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public void setLockEnabled(boolean on) {
            lockSwitches.add(on);
        }
    }

    /** What the key handler asked of the exchange runner, and the progress it is shown (set by tests). */
    public static final class RecordingExchange implements ExchangeControl {
        public final List<String> comparisons = new ArrayList<>();
        public final List<String> races = new ArrayList<>();
        public int cancels;
        public Optional<ExchangeProgress> progress = Optional.empty();
        public Optional<RaceDemo.Sample> sample = Optional.empty();

        @Override
        public void submitComparison(List<Mechanism> mechanisms, int processes, long draws, boolean withOne) {
            comparisons.add(mechanisms + " " + processes + " " + draws + " " + withOne);
        }

        @Override
        public void submitRace(int processes, long increments) {
            races.add(processes + " " + increments);
        }

        @Override
        public void cancel() {
            cancels++;
        }

        @Override
        public Optional<ExchangeProgress> progress() {
            return progress;
        }

        @Override
        public Optional<RaceDemo.Sample> raceSample() {
            return sample;
        }
    }

    public final DefaultVirtualTerminal terminal;
    public final TerminalPainter painter;
    public final RecordingSampler sampler = new RecordingSampler();
    public final ViewState view;
    public final RecordingExperiments experiments = new RecordingExperiments();
    public final RecordingExchange exchange = new RecordingExchange();
    public final FixedScenarios scenarios = new FixedScenarios();
    public final KeyHandler keys;
    private final Frame frame;

    /** A screen with the default settings: English, dark theme, Unicode, mouse on. */
    public VirtualScreen(int columns, int rows) {
        this(columns, rows, Settings.defaults());
    }

    /** {@code settings} with the mouse on or off (the config module has no such method on this branch yet). */
    public static Settings mouse(Settings settings, boolean on) {
        return new Settings(settings.refreshMillis(), settings.language(), settings.theme(), settings.ascii(), on,
                settings.experiments(), settings.ipc(), settings.logFile());
    }

    /** A screen whose language, theme, ASCII mode and mouse come from {@code settings}. */
    public VirtualScreen(int columns, int rows, Settings settings) {
        this(columns, rows, settings, new Frame());
    }

    /** A screen drawn by {@code frame} (e.g. one with a failing panel). */
    public VirtualScreen(int columns, int rows, Settings settings, Frame frame) {
        this.frame = frame;
        view = new ViewState(1000, settings);
        keys = new KeyHandler(view, sampler, experiments, exchange, scenarios);
        terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        terminal.enterPrivateMode();
        terminal.setCursorVisible(false);
        painter = new TerminalPainter(terminal);
    }

    public VirtualScreen show(SystemSnapshot snap) {
        keys.onSnapshot(snap);
        return draw();
    }

    public VirtualScreen draw() {
        try {
            painter.paint(frame.draw(terminal.getTerminalSize(), view));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Hands the key handler a runner event, as the event loop does, and redraws. */
    public VirtualScreen event(ExperimentEvent event) {
        keys.onExperiment(event);
        return draw();
    }

    /** A tick of the sync view's poll, as the event loop delivers it, and a redraw. */
    public VirtualScreen tick() {
        keys.onSyncTick();
        return draw();
    }

    /** Hands the key handler an exchange runner event, as the event loop does, and redraws. */
    public VirtualScreen event(ExchangeEvent event) {
        keys.onExchange(event);
        return draw();
    }

    public KeyHandler.Outcome press(KeyStroke key) {
        KeyHandler.Outcome outcome = keys.onKey(key);
        draw();
        return outcome;
    }

    public KeyHandler.Outcome press(char c) {
        return press(new KeyStroke(c, false, false));
    }

    public KeyHandler.Outcome press(KeyType type) {
        return press(new KeyStroke(type));
    }

    /** A press of the first mouse button on the cell at ({@code column}, {@code row}). */
    public KeyHandler.Outcome click(int column, int row) {
        return press(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(column, row)));
    }

    /** One notch of the mouse wheel over the cell at ({@code column}, {@code row}); up when {@code up}. */
    public KeyHandler.Outcome wheel(int column, int row, boolean up) {
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
