package dev.telar.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import dev.telar.config.Language;
import dev.telar.config.Theme;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Message;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.RunSpec;
import dev.telar.workloads.exchange.ExchangeEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Applies key strokes and new snapshots to a {@link ViewState}; the one place where the user's
 * keys change what is shown or steer the sampler. Runs on the UI thread only.
 *
 * <p>The real loop and the tests feed it the same {@link KeyStroke}s, so key handling is tested
 * exactly as it runs. Mouse clicks arrive as key strokes too ({@link MouseAction}); they are
 * looked up in the {@link ClickMap} the last frame filled and act like the keys they stand for.
 * {@code L} (language) and {@code T} (theme) work in every view and with help open; {@code x}
 * and {@code X} switch to the experiments and exchange views and back.
 */
public final class KeyHandler {
    /** What the loop should do after an event. */
    public enum Outcome {
        /** Nothing changed; do not redraw. */
        IGNORED,
        /** The view changed; redraw. */
        REDRAW,
        /** The user asked to quit. */
        QUIT,
        /** The user asked to suspend Telar (Ctrl-Z): give the shell the terminal until {@code fg}. */
        SUSPEND
    }


    /** Rows one notch of the mouse wheel moves the selection. */
    static final int WHEEL_ROWS = 3;

    private final ViewState view;
    private final SamplerControl sampler;
    private final ExperimentControl experiments;
    private final ExchangeControl exchange;
    /** Children of the exchange run whose threads the sampler was last asked for. */
    private List<Long> exchangePids = List.of();
    private final ScenarioControl scenarios;

    /**
     * A handler whose experiments view cannot start anything.
     *
     * @param view    the state to change
     * @param sampler the sampler to steer on user action (interval, threads of the expanded process)
     */
    public KeyHandler(ViewState view, SamplerControl sampler) {
        this(view, sampler, ExperimentControl.NONE);
    }

    /**
     * @param view        the state to change
     * @param sampler     the sampler to steer on user action (interval, threads listed)
     * @param experiments the runner the experiments view starts and cancels runs on
     */
    public KeyHandler(ViewState view, SamplerControl sampler, ExperimentControl experiments) {
        this(view, sampler, experiments, ExchangeControl.NONE, ScenarioControl.NONE);
    }

    /**
     * @param view        the state to change
     * @param sampler     the sampler to steer on user action (interval, threads listed)
     * @param experiments the runner the experiments view starts and cancels runs on
     * @param exchange    the runner the exchange view starts and cancels its jobs on
     */
    public KeyHandler(ViewState view, SamplerControl sampler, ExperimentControl experiments, ExchangeControl exchange) {
        this(view, sampler, experiments, exchange, ScenarioControl.NONE);
    }

    /**
     * @param view        the state to change
     * @param sampler     the sampler to steer on user action (interval, threads listed)
     * @param experiments the runner the experiments view starts and cancels runs on
     * @param scenarios   the runner the sync view starts scenarios on
     */
    public KeyHandler(ViewState view, SamplerControl sampler, ExperimentControl experiments, ScenarioControl scenarios) {
        this(view, sampler, experiments, ExchangeControl.NONE, scenarios);
    }

    /**
     * @param view        the state to change
     * @param sampler     the sampler to steer on user action (interval, threads listed)
     * @param experiments the runner the experiments view starts and cancels runs on
     * @param exchange    the runner the exchange view starts and cancels its jobs on
     * @param scenarios   the runner the sync view starts scenarios on
     */
    public KeyHandler(ViewState view, SamplerControl sampler, ExperimentControl experiments, ExchangeControl exchange,
                      ScenarioControl scenarios) {
        this.view = view;
        this.sampler = sampler;
        this.experiments = experiments;
        this.exchange = exchange;
        this.scenarios = scenarios;
    }

    /** The state this handler changes. */
    public ViewState view() {
        return view;
    }

    /**
     * Takes a new snapshot; always worth a redraw. This is the refresh tick, so it is also when
     * the exchange runner's progress is read: never more often than the screen is refreshed.
     */
    public Outcome onSnapshot(SystemSnapshot snapshot) {
        view.setSnapshot(snapshot);
        pollExchange();
        return Outcome.REDRAW;
    }

    private void pollExchange() {
        ExchangeState e = view.exchange();
        if (!e.busy()) {
            return;
        }
        exchange.progress().ifPresent(e::progress);
        exchange.raceSample().ifPresent(e::raceSample);
        followExchangeChildren();
    }

    /** While the exchange view shows a run, its children's threads are sampled (for the core each is on). */
    private void followExchangeChildren() {
        List<Long> pids = view.mode() == ViewState.Mode.EXCHANGE ? view.exchange().livePids() : List.of();
        if (!pids.equals(exchangePids)) {
            exchangePids = pids;
            sampler.setThreadsFor(threadPids());
        }
    }

    /** Takes news from the exchange runner (delivered through the event loop's queue). */
    public Outcome onExchange(ExchangeEvent event) {
        ExchangeState e = view.exchange();
        if (event instanceof ExchangeEvent.RunStarted s) {
            e.started(s.spec());
        } else if (event instanceof ExchangeEvent.RunFinished f) {
            e.finished(f);
        } else if (event instanceof ExchangeEvent.RaceStarted r) {
            e.raceStarted(r.processes(), r.increments());
        } else if (event instanceof ExchangeEvent.RaceFinished r) {
            e.raceFinished(r.result());
        } else if (event instanceof ExchangeEvent.Idle) {
            e.idle();
        }
        followExchangeChildren();
        return Outcome.REDRAW;
    }

    /** Takes news from the experiment runner (delivered through the event loop's queue). */
    public Outcome onExperiment(ExperimentEvent event) {
        ExperimentState x = view.experiments();
        if (event instanceof ExperimentEvent.Started s) {
            x.started(s.spec());
        } else if (event instanceof ExperimentEvent.Children c) {
            // The run computes in child JVMs: list their threads too, from the next sample on.
            x.childrenStarted(c.pids());
            sampler.setThreadsFor(threadPids());
            sampler.requestNow();
        } else if (event instanceof ExperimentEvent.Finished f) {
            boolean hadChildren = !x.children().isEmpty();
            x.finished(f.result());
            if (hadChildren) {
                sampler.setThreadsFor(threadPids());
            }
        } else if (event instanceof ExperimentEvent.SweepFinished s) {
            x.sweepFinished(s.results());
        } else if (event instanceof ExperimentEvent.Idle) {
            boolean hadChildren = !x.children().isEmpty();
            x.idle();
            if (hadChildren) {
                sampler.setThreadsFor(threadPids());
            }
        }
        return Outcome.REDRAW;
    }

    /** A tick while a scenario runs: polls its state (and its outcome once it ended). */
    public Outcome onSyncTick() {
        return view.sync().poll() ? Outcome.REDRAW : Outcome.IGNORED;
    }

    /** Applies one key stroke (or mouse action). */
    public Outcome onKey(KeyStroke key) {
        if (key.getKeyType() == KeyType.EOF || isCtrl(key, 'c')) {
            // EOF: the terminal is gone (e.g. the SSH connection dropped); nothing more can be read.
            return Outcome.QUIT;
        }
        if (isCtrl(key, 'z')) {
            // In every view and while the filter is edited, as a shell's Ctrl-Z would be.
            return Outcome.SUSPEND;
        }
        if (key instanceof MouseAction mouse) {
            return onMouse(mouse);
        }
        if (view.editingFilter()) {
            return onFilterKey(key);
        }
        if (isChar(key, 'L')) {
            view.setLanguage(view.language() == Language.EN ? Language.ES : Language.EN);
            return Outcome.REDRAW;
        }
        if (isChar(key, 'T')) {
            Theme[] themes = Theme.values();
            view.setTheme(themes[(view.theme().ordinal() + 1) % themes.length]);
            return Outcome.REDRAW;
        }
        if (view.helpVisible()) {
            return onHelpKey(key);
        }
        return onListKey(key);
    }

    /**
     * A press of the first button hits what lies under it (see {@link ClickMap}); the wheel moves
     * the selection (processes) or the chosen field (experiments). Releases and other buttons are
     * ignored, and so is everything while a filter is typed. With help open, a click closes it.
     */
    private Outcome onMouse(MouseAction mouse) {
        if (view.editingFilter()) {
            return Outcome.IGNORED;
        }
        MouseActionType type = mouse.getActionType();
        if (type == MouseActionType.SCROLL_UP || type == MouseActionType.SCROLL_DOWN) {
            if (view.helpVisible()) {
                return Outcome.IGNORED;
            }
            int step = type == MouseActionType.SCROLL_UP ? -1 : 1;
            if (view.mode() == ViewState.Mode.EXPERIMENTS) {
                view.experiments().moveField(step);
                return Outcome.REDRAW;
            }
            if (view.mode() == ViewState.Mode.EXCHANGE) {
                view.exchange().moveField(step);
                return Outcome.REDRAW;
            }
            if (view.mode() == ViewState.Mode.SYNC) {
                return SyncKeys.select(view.sync(), scenarios, step);
            }
            return moveTo(view.selectedIndex() + step * WHEEL_ROWS);
        }
        if (type != MouseActionType.CLICK_DOWN || mouse.getButton() != 1) {
            return Outcome.IGNORED;
        }
        if (view.helpVisible()) {
            view.setHelpVisible(false);
            return Outcome.REDRAW;
        }
        ClickMap clicks = view.clicks();
        int hit = clicks.at(mouse.getPosition().getColumn(), mouse.getPosition().getRow());
        if (hit < 0) {
            return Outcome.IGNORED;
        }
        int argument = clicks.argument(hit);
        switch (clicks.action(hit)) {
            case SELECT_PROCESS:
                return moveTo(argument);
            case SELECT_FIELD:
                if (view.mode() == ViewState.Mode.EXCHANGE) {
                    view.exchange().selectField(ExchangeState.Field.values()[argument]);
                } else {
                    view.experiments().selectField(view.experiments().fields().get(argument));
                }
                return Outcome.REDRAW;
            case CHANGE_FIELD:
                boolean changed = view.mode() == ViewState.Mode.EXCHANGE ? view.exchange().change(argument)
                        : view.experiments().change(argument);
                return changed ? Outcome.REDRAW : Outcome.IGNORED;
            case SORT:
                view.setSort(SortKey.values()[argument]);
                return Outcome.REDRAW;
            case KEY:
                return onKey(clicks.key(hit));
            default:
                return Outcome.IGNORED;
        }
    }

    private Outcome onFilterKey(KeyStroke key) {
        switch (key.getKeyType()) {
            case Enter:
                view.setFilter(view.filterDraft().strip());
                view.setEditingFilter(false);
                return Outcome.REDRAW;
            case Escape:
                view.draft().setLength(0);
                view.setFilter("");
                view.setEditingFilter(false);
                return Outcome.REDRAW;
            case Backspace:
                if (view.draft().length() > 0) {
                    view.draft().setLength(view.draft().length() - 1);
                }
                return Outcome.REDRAW;
            case Character:
                if (key.isCtrlDown() || key.isAltDown()) {
                    return Outcome.IGNORED;
                }
                if (view.draft().length() < 200) {
                    view.draft().append(key.getCharacter());
                }
                return Outcome.REDRAW;
            default:
                return Outcome.IGNORED;
        }
    }

    private Outcome onHelpKey(KeyStroke key) {
        if (isQuit(key)) {
            return Outcome.QUIT;
        }
        if (key.getKeyType() == KeyType.Escape || key.getKeyType() == KeyType.F1 || isChar(key, 'h')) {
            view.setHelpVisible(false);
            return Outcome.REDRAW;
        }
        return Outcome.IGNORED;
    }

    private Outcome onListKey(KeyStroke key) {
        if (isQuit(key)) {
            return Outcome.QUIT;
        }
        if (key.getKeyType() == KeyType.F2 || isChar(key, 'x')) {
            return switchMode(ViewState.Mode.EXPERIMENTS);
        }
        if (isChar(key, 'X')) {
            return switchMode(ViewState.Mode.EXCHANGE);
        }
        if (isChar(key, 'y')) {
            return switchMode(ViewState.Mode.SYNC);
        }
        if (view.mode() == ViewState.Mode.EXPERIMENTS) {
            return onExperimentKey(key);
        }
        if (view.mode() == ViewState.Mode.EXCHANGE) {
            return onExchangeKey(key);
        }
        if (view.mode() == ViewState.Mode.SYNC) {
            return onSyncKey(key);
        }
        switch (key.getKeyType()) {
            case F1:
                view.setHelpVisible(true);
                return Outcome.REDRAW;
            case F6:
                return cycleSort();
            case ArrowUp:
                return moveTo(view.selectedIndex() - 1);
            case ArrowDown:
                return moveTo(view.selectedIndex() + 1);
            case PageUp:
                return moveTo(view.selectedIndex() - view.pageRows());
            case PageDown:
                return moveTo(view.selectedIndex() + view.pageRows());
            case Home:
                return moveTo(0);
            case End:
                return moveTo(Integer.MAX_VALUE);
            case Enter:
                return toggleThreads();
            case Escape:
                if (view.filter().isEmpty()) {
                    return Outcome.IGNORED;
                }
                view.setFilter("");
                return Outcome.REDRAW;
            case Character:
                return onCharacter(key);
            default:
                return Outcome.IGNORED;
        }
    }

    private Outcome onCharacter(KeyStroke key) {
        if (key.isCtrlDown() || key.isAltDown()) {
            return Outcome.IGNORED;
        }
        switch (key.getCharacter()) {
            case 'h':
                view.setHelpVisible(true);
                return Outcome.REDRAW;
            case '/':
                view.draft().setLength(0);
                view.draft().append(view.filter());
                view.setEditingFilter(true);
                return Outcome.REDRAW;
            case 's':
                return cycleSort();
            case 't':
                view.setTelarOnly(!view.telarOnly());
                return Outcome.REDRAW;
            case 'F':
                view.setFollow(!view.follow());
                return Outcome.REDRAW;
            case '+':
                return setInterval(RefreshSteps.faster(view.intervalMillis()));
            case '-':
                return setInterval(RefreshSteps.slower(view.intervalMillis()));
            default:
                return Outcome.IGNORED;
        }
    }

    private Outcome onExperimentKey(KeyStroke key) {
        ExperimentState x = view.experiments();
        return onFormKey(key, x::moveField, x::change, () -> start(false), 'w', () -> start(true),
                this::cancelExperiment);
    }

    /**
     * The keys the two form views (experiments, exchange) share: Up/Down choose a field,
     * Left/Right change it, Enter runs, {@code otherRunKey} runs the view's other job (a sweep, the
     * race demo), c or Esc cancels, h or F1 shows help, + and - set the refresh.
     */
    private Outcome onFormKey(KeyStroke key, IntConsumer moveField, IntPredicate change, Supplier<Outcome> run,
                              char otherRunKey, Supplier<Outcome> otherRun, Supplier<Outcome> cancel) {
        switch (key.getKeyType()) {
            case F1:
                view.setHelpVisible(true);
                return Outcome.REDRAW;
            case ArrowUp:
                moveField.accept(-1);
                return Outcome.REDRAW;
            case ArrowDown:
                moveField.accept(1);
                return Outcome.REDRAW;
            case ArrowLeft:
                return change.test(-1) ? Outcome.REDRAW : Outcome.IGNORED;
            case ArrowRight:
                return change.test(1) ? Outcome.REDRAW : Outcome.IGNORED;
            case Enter:
                return run.get();
            case Escape:
                return cancel.get();
            case Character:
                if (key.isCtrlDown() || key.isAltDown()) {
                    return Outcome.IGNORED;
                }
                char c = key.getCharacter();
                if (c == otherRunKey) {
                    return otherRun.get();
                }
                switch (c) {
                    case 'h':
                        view.setHelpVisible(true);
                        return Outcome.REDRAW;
                    case 'c':
                        return cancel.get();
                    case '+':
                        return setInterval(RefreshSteps.faster(view.intervalMillis()));
                    case '-':
                        return setInterval(RefreshSteps.slower(view.intervalMillis()));
                    default:
                        return Outcome.IGNORED;
                }
            default:
                return Outcome.IGNORED;
        }
    }

    /** Starts the form's run (or sweep) unless one is in progress or the form names something impossible. */
    private Outcome start(boolean sweep) {
        ExperimentState x = view.experiments();
        if (x.busy()) {
            // One experiment at a time: two runs sharing the cores would spoil both measurements.
            x.setMessage(new Message("exp.msg.busy"));
            return Outcome.REDRAW;
        }
        if (view.exchange().busy()) {
            x.setMessage(new Message("exp.msg.exchange"));
            return Outcome.REDRAW;
        }
        Optional<Message> problem = x.problemMessage();
        if (problem.isPresent()) {
            x.setMessage(new Message("exp.msg.cannot", problem.get()));
            return Outcome.REDRAW;
        }
        RunSpec spec = x.spec();
        x.submitted(sweep);
        if (sweep) {
            experiments.submitSweep(spec);
        } else {
            x.hideSweep();
            experiments.submit(spec, x.baseline());
        }
        // Worker threads appear in the next samples; ask for one now rather than after a full interval.
        sampler.requestNow();
        return Outcome.REDRAW;
    }

    private Outcome cancelExperiment() {
        ExperimentState x = view.experiments();
        if (!x.busy()) {
            return Outcome.IGNORED;
        }
        experiments.cancel();
        x.setMessage(new Message("exp.msg.cancelling"));
        return Outcome.REDRAW;
    }

    private Outcome onSyncKey(KeyStroke key) {
        if (key.getKeyType() == KeyType.F1 || isChar(key, 'h')) {
            view.setHelpVisible(true);
            return Outcome.REDRAW;
        }
        if (isChar(key, '+')) {
            return setInterval(RefreshSteps.faster(view.intervalMillis()));
        }
        if (isChar(key, '-')) {
            return setInterval(RefreshSteps.slower(view.intervalMillis()));
        }
        return SyncKeys.onKey(view.sync(), scenarios, key);
    }

    /** Shows {@code target}, or the process view when {@code target} is already shown. */
    private Outcome switchMode(ViewState.Mode target) {
        view.setMode(view.mode() == target ? ViewState.Mode.PROCESSES : target);
        exchangePids = view.mode() == ViewState.Mode.EXCHANGE ? view.exchange().livePids() : List.of();
        sampler.setThreadsFor(threadPids());
        sampler.requestNow();
        return Outcome.REDRAW;
    }

    /**
     * The processes whose threads the sampler should list: the expanded one, plus Telar itself and
     * the child processes of the run in progress while the experiments view shows worker threads.
     */
    private Set<Integer> threadPids() {
        Set<Integer> pids = new HashSet<>();
        if (view.expandedPid() >= 0) {
            pids.add(view.expandedPid());
        }
        if (view.mode() == ViewState.Mode.EXPERIMENTS) {
            SystemSnapshot snap = view.snapshot();
            pids.add(snap != null ? snap.selfPid() : (int) ProcessHandle.current().pid());
            pids.addAll(view.experiments().children());
        }
        for (long pid : exchangePids) {
            pids.add((int) pid);
        }
        return pids;
    }

    private Outcome onExchangeKey(KeyStroke key) {
        ExchangeState e = view.exchange();
        return onFormKey(key, e::moveField, e::change, () -> startExchange(false), 'r', () -> startExchange(true),
                this::cancelExchange);
    }

    /** Starts the form's comparison (or the race demo) unless a job of either view is running. */
    private Outcome startExchange(boolean race) {
        ExchangeState e = view.exchange();
        if (e.busy()) {
            e.setMessage(new Message("xchg.msg.busy"));
            return Outcome.REDRAW;
        }
        if (view.experiments().busy()) {
            // Child processes and experiment threads on the same cores would spoil both measurements.
            e.setMessage(new Message("xchg.msg.experiment"));
            return Outcome.REDRAW;
        }
        if (race) {
            e.submittedRace();
            exchange.submitRace(e.processes(), e.increments());
        } else {
            e.submittedComparison();
            exchange.submitComparison(e.mechanisms(), e.processes(), e.draws(), e.compare());
        }
        return Outcome.REDRAW;
    }

    private Outcome cancelExchange() {
        ExchangeState e = view.exchange();
        if (!e.busy()) {
            return Outcome.IGNORED;
        }
        exchange.cancel();
        e.setMessage(new Message("exp.msg.cancelling"));
        return Outcome.REDRAW;
    }

    private Outcome cycleSort() {
        view.setSort(view.sort().next());
        return Outcome.REDRAW;
    }

    private Outcome setInterval(long millis) {
        long applied = sampler.setIntervalMillis(millis);
        if (applied == view.intervalMillis()) {
            return Outcome.IGNORED;
        }
        view.setIntervalMillis(applied);
        return Outcome.REDRAW;
    }

    private Outcome moveTo(int index) {
        view.setFollow(false); // as in htop: moving the bar ends following
        int before = view.selectedIndex();
        view.select(index);
        return view.selectedIndex() == before ? Outcome.IGNORED : Outcome.REDRAW;
    }

    private Outcome toggleThreads() {
        int pid = view.selectedPid();
        if (pid < 0) {
            return Outcome.IGNORED;
        }
        if (view.expandedPid() == pid) {
            view.setExpandedPid(-1);
            sampler.setThreadsFor(threadPids());
            return Outcome.REDRAW;
        }
        view.setExpandedPid(pid);
        // Threads are read only for the process the user opened; ask for a sample now so they
        // appear without waiting a whole interval.
        sampler.setThreadsFor(threadPids());
        sampler.requestNow();
        return Outcome.REDRAW;
    }

    private static boolean isQuit(KeyStroke key) {
        return key.getKeyType() == KeyType.F10 || isChar(key, 'q');
    }

    private static boolean isChar(KeyStroke key, char c) {
        return key.getKeyType() == KeyType.Character && key.getCharacter() == c
                && !key.isCtrlDown() && !key.isAltDown();
    }

    private static boolean isCtrl(KeyStroke key, char c) {
        return key.getKeyType() == KeyType.Character && key.isCtrlDown() && !key.isAltDown()
                && Character.toLowerCase(key.getCharacter()) == c;
    }
}
