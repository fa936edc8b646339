package dev.telar.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import dev.telar.config.Language;
import dev.telar.config.Theme;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Message;
import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.lab.JobKind;
import dev.telar.workloads.lab.Lab;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.run.ExperimentEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Applies key strokes, new snapshots and the lab's events to a {@link ViewState}; the one place
 * where the user's keys change what is shown, steer the sampler or ask the lab for a job. Runs on
 * the UI thread only.
 *
 * <p>Jobs (experiments, sweeps, exchange runs, the race demo, sync scenarios) go to the one
 * {@link Lab} as commands; whether one starts is the lab's answer, since only the lab knows whether
 * its one slot is free. Its events (start, end, refusal, news and progress) come back in order
 * through the event loop's queue, and are the only way a view learns of its job.
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
    private final Lab lab;
    /** Jobs asked of the lab and not yet started or refused, oldest first. */
    private final Deque<LabCommand.Job> asked = new ArrayDeque<>();
    /** The processes whose threads the sampler was last asked for. */
    private Set<Integer> sampledPids = Set.of();
    private final SyncKeys syncKeys;

    /**
     * @param view    the state to change
     * @param sampler the sampler to steer on user action (interval, threads listed)
     * @param lab     where the experiments, exchange and sync views send their jobs; its events
     *                come back through {@link #onLab}
     */
    public KeyHandler(ViewState view, SamplerControl sampler, Lab lab) {
        this.view = view;
        this.sampler = sampler;
        this.lab = lab;
        this.syncKeys = new SyncKeys(view.sync(), this::send);
    }

    /** The state this handler changes. */
    public ViewState view() {
        return view;
    }

    /** Takes a new snapshot; always worth a redraw. */
    public Outcome onSnapshot(SystemSnapshot snapshot) {
        view.setSnapshot(snapshot);
        return Outcome.REDRAW;
    }

    /**
     * Takes an event of the lab (delivered through the event loop's queue): which process computes,
     * a job's start and end, a refusal, and the news and progress of the job in progress.
     */
    public Outcome onLab(LabEvent event) {
        if (event instanceof LabEvent.Ready r) {
            view.setLabPid(r.pid());
        } else if (event instanceof LabEvent.JobStarted s) {
            view.setLabJob(s.kind());
            jobStarted(s.kind(), takeAsked(s.kind()));
        } else if (event instanceof LabEvent.JobEnded e) {
            view.setLabJob(null);
            jobEnded(e.kind());
        } else if (event instanceof LabEvent.Refused r) {
            takeAsked(r.asked());
            tell(r.asked(), refusal(r.asked(), r.running()));
        } else if (event instanceof LabEvent.Rejected r) {
            tell(r.asked(), new Message("lab.rejected", Message.verbatim(r.reason())));
        } else if (event instanceof LabEvent.Experiment x) {
            onExperiment(x.event());
        } else if (event instanceof LabEvent.Exchange x) {
            onExchange(x.event());
        } else if (event instanceof LabEvent.ExchangeProgressed p) {
            view.exchange().progress(p.progress());
        } else if (event instanceof LabEvent.RaceSampled r) {
            view.exchange().raceSample(r.sample());
        } else if (event instanceof LabEvent.ScenarioUpdated u) {
            view.sync().updated(u.snapshot());
        } else if (event instanceof LabEvent.ScenarioEnded e) {
            view.sync().ended(e.outcome());
        } else if (event instanceof LabEvent.LabLost lost) {
            labLost(lost.reason());
        }
        followThreads(false);
        return Outcome.REDRAW;
    }

    /** The oldest job asked of {@code kind} and not yet answered, now answered; empty when there is none. */
    private Optional<LabCommand.Job> takeAsked(JobKind kind) {
        for (Iterator<LabCommand.Job> it = asked.iterator(); it.hasNext();) {
            LabCommand.Job job = it.next();
            if (job.kind() == kind) {
                it.remove();
                return Optional.of(job);
            }
        }
        return Optional.empty();
    }

    /** The view that asked for a job of {@code kind} takes on its start. */
    private void jobStarted(JobKind kind, Optional<LabCommand.Job> job) {
        switch (kind) {
            case EXPERIMENT, SWEEP -> view.experiments().jobStarted(kind == JobKind.SWEEP);
            case EXCHANGE -> job.filter(LabCommand.CompareExchange.class::isInstance)
                    .map(LabCommand.CompareExchange.class::cast)
                    .ifPresent(c -> view.exchange().comparisonStarted(c.mechanisms(), c.processes(), c.withOne()));
            case RACE -> job.filter(LabCommand.RunRace.class::isInstance).map(LabCommand.RunRace.class::cast)
                    .ifPresent(r -> view.exchange().raceJobStarted(r.processes(), r.increments()));
            case SCENARIO -> job.filter(LabCommand.RunScenario.class::isInstance)
                    .map(LabCommand.RunScenario.class::cast).ifPresent(r -> view.sync().started(r.spec()));
            default -> {
            }
        }
        if (kind == JobKind.EXPERIMENT || kind == JobKind.SWEEP) {
            // Worker threads appear in the next samples; ask for one now rather than after a full interval.
            sampler.requestNow();
        }
    }

    /**
     * The slot is free again. Notes in any view ("cancelling…", a refusal) spoke of the job that
     * just ended; a scenario cancelled to change its mode or pace starts again now.
     */
    private void jobEnded(JobKind kind) {
        view.experiments().setMessage(Message.NONE);
        view.exchange().setMessage(Message.NONE);
        view.sync().setMessage(Message.NONE);
        switch (kind) {
            case EXPERIMENT, SWEEP -> view.experiments().idle();
            case EXCHANGE, RACE -> view.exchange().idle();
            case SCENARIO -> view.sync().jobEnded();
            default -> {
            }
        }
        if (kind == JobKind.SCENARIO) {
            syncKeys.scenarioEnded();
        }
    }

    /**
     * The lab died: its job was reported failed just before. Every job view says why, and is idle,
     * so that the next job can be asked for (it starts a new lab).
     */
    private void labLost(String reason) {
        asked.clear();
        syncKeys.forget();
        view.setLabJob(null);
        view.experiments().idle();
        view.exchange().idle();
        view.sync().jobEnded();
        Message note = new Message("lab.lost", Message.verbatim(reason));
        view.experiments().setMessage(note);
        view.exchange().setMessage(note);
        view.sync().setMessage(note);
    }

    /** Shows {@code note} in the view whose jobs are of {@code kind}. */
    private void tell(JobKind kind, Message note) {
        switch (kind) {
            case EXPERIMENT, SWEEP -> view.experiments().setMessage(note);
            case EXCHANGE, RACE -> view.exchange().setMessage(note);
            case SCENARIO -> view.sync().setMessage(note);
            default -> {
            }
        }
    }

    /** Why a job of {@code asked} did not start: the view's own "busy" note, or which other job holds the slot. */
    static Message refusal(JobKind asked, JobKind running) {
        if (viewOf(asked) == viewOf(running)) {
            return new Message(switch (viewOf(asked)) {
                case EXPERIMENTS -> "exp.msg.busy";
                case EXCHANGE -> "xchg.msg.busy";
                default -> "sync.msg.busy";
            });
        }
        return new Message("lab.refused", jobWords(running), jobWords(asked));
    }

    private static Message jobWords(JobKind kind) {
        return new Message(switch (kind) {
            case EXPERIMENT -> "lab.job.experiment";
            case SWEEP -> "lab.job.sweep";
            case EXCHANGE -> "lab.job.exchange";
            case RACE -> "lab.job.race";
            default -> "lab.job.scenario";
        });
    }

    /** The view that starts jobs of {@code kind}. */
    static ViewState.Mode viewOf(JobKind kind) {
        return switch (kind) {
            case EXPERIMENT, SWEEP -> ViewState.Mode.EXPERIMENTS;
            case EXCHANGE, RACE -> ViewState.Mode.EXCHANGE;
            default -> ViewState.Mode.SYNC;
        };
    }

    /** Asks the lab for {@code command}; a job is remembered until the lab starts or refuses it. */
    private void send(LabCommand command) {
        if (command instanceof LabCommand.Job job) {
            asked.add(job);
        }
        lab.send(command);
    }

    private void onExchange(ExchangeEvent event) {
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
    }

    private void onExperiment(ExperimentEvent event) {
        ExperimentState x = view.experiments();
        if (event instanceof ExperimentEvent.Started s) {
            x.started(s.spec());
        } else if (event instanceof ExperimentEvent.Children c) {
            // The run computes in child JVMs: list their threads too, from the next sample on.
            x.childrenStarted(c.pids());
            followThreads(true);
        } else if (event instanceof ExperimentEvent.Finished f) {
            x.finished(f.result());
        } else if (event instanceof ExperimentEvent.SweepFinished s) {
            x.sweepFinished(s.results());
        } else if (event instanceof ExperimentEvent.Idle) {
            x.idle();
        }
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
                return syncKeys.select(step);
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
                () -> cancelJob(new Message("exp.msg.cancelling")));
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

    /**
     * Asks the lab for the form's run (or sweep), unless the form names something impossible. Whether
     * it starts is the lab's answer: another job may hold its one slot.
     */
    private Outcome start(boolean sweep) {
        ExperimentState x = view.experiments();
        Optional<Message> problem = x.problemMessage();
        if (problem.isPresent()) {
            x.setMessage(new Message("exp.msg.cannot", problem.get()));
            return Outcome.REDRAW;
        }
        send(sweep ? new LabCommand.RunSweep(x.spec()) : new LabCommand.RunExperiment(x.spec(), x.baseline()));
        return Outcome.REDRAW;
    }

    /**
     * c or Esc in a job view: the lab has one job at a time, so this cancels whichever runs, also
     * one started in another view (the refusal line tells the user to do exactly that).
     */
    private Outcome cancelJob(Message note) {
        if (view.labJob().isEmpty()) {
            return Outcome.IGNORED;
        }
        send(new LabCommand.Cancel());
        note(note);
        return Outcome.REDRAW;
    }

    /** Shows {@code note} on the message line of the view shown. */
    private void note(Message note) {
        switch (view.mode()) {
            case EXPERIMENTS -> view.experiments().setMessage(note);
            case EXCHANGE -> view.exchange().setMessage(note);
            case SYNC -> view.sync().setMessage(note);
            default -> {
            }
        }
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
        if (key.getKeyType() == KeyType.Escape || isChar(key, 'c')) {
            return cancelJob(new Message("sync.msg.cancelling"));
        }
        return syncKeys.onKey(key);
    }

    /** Shows {@code target}, or the process view when {@code target} is already shown. */
    private Outcome switchMode(ViewState.Mode target) {
        view.setMode(view.mode() == target ? ViewState.Mode.PROCESSES : target);
        followThreads(true);
        return Outcome.REDRAW;
    }

    /**
     * Asks the sampler for the threads of the processes the screen shows threads of, when they
     * changed (and for a sample now when {@code now}): the expanded process; in the experiments
     * view, the lab's process and the run's child processes (the worker list); in the exchange
     * view, the run's live children (the core each is on).
     */
    private void followThreads(boolean now) {
        Set<Integer> pids = new HashSet<>();
        if (view.expandedPid() >= 0) {
            pids.add(view.expandedPid());
        }
        if (view.mode() == ViewState.Mode.EXPERIMENTS) {
            pids.add((int) view.labPid());
            pids.addAll(view.experiments().children());
        } else if (view.mode() == ViewState.Mode.EXCHANGE) {
            for (long pid : view.exchange().livePids()) {
                pids.add((int) pid);
            }
        }
        if (!pids.equals(sampledPids)) {
            sampledPids = Set.copyOf(pids);
            sampler.setThreadsFor(sampledPids);
        }
        if (now) {
            sampler.requestNow();
        }
    }

    private Outcome onExchangeKey(KeyStroke key) {
        ExchangeState e = view.exchange();
        return onFormKey(key, e::moveField, e::change, () -> startExchange(false), 'r', () -> startExchange(true),
                () -> cancelJob(new Message("exp.msg.cancelling")));
    }

    /** Asks the lab for the form's comparison (or the race demo); the lab refuses it while another job runs. */
    private Outcome startExchange(boolean race) {
        ExchangeState e = view.exchange();
        send(race ? new LabCommand.RunRace(e.processes(), e.increments())
                : new LabCommand.CompareExchange(e.mechanisms(), e.processes(), e.draws(), e.compare()));
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
            followThreads(false);
            return Outcome.REDRAW;
        }
        view.setExpandedPid(pid);
        // Threads are read only for the process the user opened; ask for a sample now so they
        // appear without waiting a whole interval.
        followThreads(true);
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
