package dev.telar.tui.view;

import dev.telar.config.ExperimentDefaults;
import dev.telar.config.Language;
import dev.telar.config.Settings;
import dev.telar.config.Theme;
import dev.telar.probe.ProcessInfo;
import dev.telar.probe.SystemSnapshot;
import dev.telar.workloads.lab.JobKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the user is looking at: the newest snapshot and every choice made with the keyboard.
 *
 * <p>The display options (language, theme, ASCII mode, mouse) start from the {@link Settings};
 * language and theme can be switched with keys while Telar runs.
 *
 * <p>Owned by the UI thread; not thread-safe. Panels only read it (its changes are package-private):
 * only the controllers, through the {@link Dispatcher}, change it, and what a frame laid out comes
 * back to it through the dispatcher too. The process rows are derived from the snapshot and the
 * choices, and recomputed when one of those changes, never while drawing.
 */
public final class ViewState {
    /** Which body the dashboard shows under the header and the cores. */
    public enum Mode {
        /** The process list (with the expanded process's threads). */
        PROCESSES,
        /** The experiments form, live worker threads, results and sweep. */
        EXPERIMENTS,
        /** The exchange form, a panel per mechanism, the 1-vs-P results and the race demo. */
        EXCHANGE,
        /** The synchronization primitives: one scenario run and its primitive's live state. */
        SYNC,
        /** The fleet: a row per host publishing to the manager, or one host's own view. */
        FLEET,
        /** The lesson: the lecture one step at a time, each step's experiment run live beside the lecture's figure. */
        LESSON
    }

    private SystemSnapshot snapshot;
    private Mode mode = Mode.PROCESSES;
    private final ExperimentState experiments;
    private final ExchangeState exchange;
    private final SyncViewState sync = new SyncViewState();
    private final FleetState fleet = new FleetState();
    private final LessonState lesson = new LessonState(Runtime.getRuntime().availableProcessors());
    private SortKey sort = SortKey.CPU;
    private String filter = "";
    private boolean editingFilter;
    private final StringBuilder filterDraft = new StringBuilder();
    private boolean telarOnly;
    private boolean helpVisible;
    private long intervalMillis;
    private int selectedPid = -1;
    private int selectedIndex;
    private boolean follow;
    private int expandedPid = -1;
    private int scrollTop;
    private int pageRows = 10;
    private List<ProcessInfo> rows = List.of();
    private Language language;
    private Theme theme;
    private final boolean ascii;
    private final boolean mouse;
    private LaidOut laidOut = LaidOut.NOTHING;
    private Map<Mode, KeyTable> keyTables = Map.of();
    private long labPid = -1;
    private JobKind labJob;

    /**
     * A view with the default display options (English, dark theme, Unicode, mouse on).
     *
     * @param intervalMillis the refresh interval the sampler starts with, milliseconds
     */
    public ViewState(long intervalMillis) {
        this(intervalMillis, Settings.defaults());
    }

    /**
     * @param intervalMillis the refresh interval the sampler starts with, milliseconds
     * @param experiments    what the experiments form starts with; the display options are the defaults
     */
    public ViewState(long intervalMillis, ExperimentDefaults experiments) {
        this(intervalMillis, Settings.defaults().withExperiments(experiments));
    }

    /**
     * @param intervalMillis the refresh interval the sampler starts with, milliseconds
     * @param settings       the experiments form's defaults, and the language, theme, ASCII mode and mouse to start with
     */
    public ViewState(long intervalMillis, Settings settings) {
        this.intervalMillis = intervalMillis;
        this.experiments = new ExperimentState(Runtime.getRuntime().availableProcessors(), settings.experiments());
        this.exchange = new ExchangeState(Runtime.getRuntime().availableProcessors(), settings.experiments());
        this.language = settings.language();
        this.theme = settings.theme();
        this.ascii = settings.ascii();
        this.mouse = settings.mouse();
    }

    /** The language every text is drawn in. */
    public Language language() {
        return language;
    }

    void setLanguage(Language language) {
        this.language = language;
    }

    /** The colour theme in use. */
    public Theme theme() {
        return theme;
    }

    void setTheme(Theme theme) {
        this.theme = theme;
    }

    /** True when the screen must hold only ASCII characters. */
    public boolean ascii() {
        return ascii;
    }

    /** True when mouse clicks are reported (so help can mention them). */
    public boolean mouse() {
        return mouse;
    }

    /**
     * The keys of the view shown, in the order of its help lines and footer hints: the footer and
     * the help box are drawn from them. {@link KeyTable#EMPTY} until a {@link Dispatcher} gave its tables.
     */
    public KeyTable keys() {
        return keyTables.getOrDefault(mode, KeyTable.EMPTY);
    }

    void setKeyTables(Map<Mode, KeyTable> tables) {
        this.keyTables = Map.copyOf(tables);
    }

    /** What the last frame laid out: where its click targets went, the process list's page. */
    LaidOut laidOut() {
        return laidOut;
    }

    /** Keeps what a frame laid out; the process list's page only when the frame drew it. */
    void setLaidOut(LaidOut frame) {
        laidOut = frame;
        if (frame.pageRows() >= 0) {
            pageRows = Math.max(1, frame.pageRows());
            scrollTop = Math.max(0, frame.scrollTop());
        }
    }

    /**
     * The process whose threads compute the lab's jobs, as the lab's {@code Ready} said: this JVM
     * while the lab runs in it, the lab JVM otherwise. Before the lab said, this process.
     */
    public long labPid() {
        if (labPid >= 0) {
            return labPid;
        }
        return snapshot != null ? snapshot.selfPid() : ProcessHandle.current().pid();
    }

    void setLabPid(long pid) {
        this.labPid = pid;
    }

    /** The job that holds the lab's one slot, from its start to its end as the lab reported them. */
    public Optional<JobKind> labJob() {
        return Optional.ofNullable(labJob);
    }

    void setLabJob(JobKind job) {
        this.labJob = job;
    }

    /** The newest snapshot, or null before the first sample. */
    public SystemSnapshot snapshot() {
        return snapshot;
    }

    void setSnapshot(SystemSnapshot snapshot) {
        this.snapshot = snapshot;
        refreshRows();
    }

    /** The process rows to show, filtered, reduced and sorted as chosen. */
    public List<ProcessInfo> rows() {
        return rows;
    }

    /** Derives the rows again; called by every change they depend on, so that drawing only reads. */
    private void refreshRows() {
        rows = ProcessQuery.rows(snapshot, sort, filter, telarOnly);
        reselect();
    }

    /**
     * After a new sample: in follow mode the selection stays on the same process wherever it sorts
     * to; otherwise, as in htop, it stays on the same row. Following by default made the list
     * scroll whenever the selected process's CPU% dropped to the idle crowd, redrawing every row.
     */
    private void reselect() {
        if (rows.isEmpty()) {
            selectedIndex = 0;
            return;
        }
        for (int i = 0; follow && i < rows.size(); i++) {
            if (rows.get(i).pid() == selectedPid) {
                selectedIndex = i;
                return;
            }
        }
        selectedIndex = Math.max(0, Math.min(selectedIndex, rows.size() - 1));
        selectedPid = rows.get(selectedIndex).pid();
    }

    /** Index of the selected row in {@link #rows()}; 0 when the list is empty. */
    public int selectedIndex() {
        return selectedIndex;
    }

    /** Pid of the selected process, or -1 when none is listed. */
    public int selectedPid() {
        return rows.isEmpty() ? -1 : selectedPid;
    }

    /** True when the selection follows its process as the list re-sorts. */
    public boolean follow() {
        return follow;
    }

    void setFollow(boolean follow) {
        this.follow = follow;
    }

    void select(int index) {
        if (rows.isEmpty()) {
            return;
        }
        selectedIndex = Math.max(0, Math.min(index, rows.size() - 1));
        selectedPid = rows.get(selectedIndex).pid();
    }

    /** The body shown: processes, experiments, exchange or sync primitives. */
    /** The fleet view's state. */
    public FleetState fleet() {
        return fleet;
    }

    public Mode mode() {
        return mode;
    }

    void setMode(Mode mode) {
        this.mode = mode;
    }

    /** The experiments view's form, runs and results. */
    public ExperimentState experiments() {
        return experiments;
    }

    /** The exchange view's form, runs, results and race demo. */
    public ExchangeState exchange() {
        return exchange;
    }

    /** The lesson view's step, run, figures and keyboard state. */
    public LessonState lesson() {
        return lesson;
    }

    /** The sync view's choices, run and polled state. */
    public SyncViewState sync() {
        return sync;
    }

    /** Current order of the process list. */
    public SortKey sort() {
        return sort;
    }

    void setSort(SortKey sort) {
        this.sort = sort;
        refreshRows();
    }

    /** The applied filter text; empty when none. */
    public String filter() {
        return filter;
    }

    void setFilter(String filter) {
        this.filter = filter;
        refreshRows();
    }

    /** True while the footer is a one-line filter input. */
    public boolean editingFilter() {
        return editingFilter;
    }

    void setEditingFilter(boolean editing) {
        this.editingFilter = editing;
    }

    /** The filter text being typed, not yet applied. */
    public String filterDraft() {
        return filterDraft.toString();
    }

    StringBuilder draft() {
        return filterDraft;
    }

    /** True when only Telar's own process tree is listed. */
    public boolean telarOnly() {
        return telarOnly;
    }

    void setTelarOnly(boolean telarOnly) {
        this.telarOnly = telarOnly;
        refreshRows();
    }

    /** True while the help overlay covers the screen. */
    public boolean helpVisible() {
        return helpVisible;
    }

    void setHelpVisible(boolean visible) {
        this.helpVisible = visible;
    }

    /** The refresh interval in force, milliseconds. */
    public long intervalMillis() {
        return intervalMillis;
    }

    void setIntervalMillis(long millis) {
        this.intervalMillis = millis;
    }

    /** Pid of the process whose threads are shown under it, or -1. */
    public int expandedPid() {
        return expandedPid;
    }

    void setExpandedPid(int pid) {
        this.expandedPid = pid;
    }

    /** First process line the last frame drew (scroll position); the next frame scrolls from it. */
    public int scrollTop() {
        return scrollTop;
    }

    /** Process rows the last frame's page showed; what PgUp/PgDn move by. */
    public int pageRows() {
        return pageRows;
    }
}
