package dev.telar.tui.panel;

import com.googlecode.lanterna.TerminalSize;
import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Texts;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.ViewState;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lays out and draws one whole frame: header on top, the cores panel sized to the core count,
 * the process list (or, in the experiments view, the experiments form, worker threads, sweep and
 * results; in the exchange view, its form, the mechanisms' panels or the race demo, and the
 * 1-vs-P table) filling the rest, the footer on the last line, the help box over it all when open; or
 * only the "enlarge" message when the terminal is too small. The header and cores stay in both
 * views so the load an experiment creates is always in sight.
 *
 * <p>The layout is computed afresh from the size given on every frame, so a resize needs nothing
 * but a redraw. Panels keep no state but words cached per language, and are reused between
 * frames. Language, theme and ASCII mode come from the {@link ViewState}, so a key that switches
 * them takes effect on the next frame.
 */
public final class Frame {
    private static final Logger LOG = LoggerFactory.getLogger(Frame.class);

    /** Process lines kept visible however many cores there are. */
    public static final int MIN_PROCESS_ROWS = 5;

    private final Panel header;
    private final Panel cores;
    private final Panel processes;
    private final Panel form;
    private final Panel workers;
    private final Panel sweep;
    private final Panel results;
    private final Panel exchangeForm;
    private final Panel exchange;
    private final Panel race;
    private final Panel exchangeResults;
    private final Panel sync;
    private final Panel fleet;
    private final Panel fleetHost;
    private final Panel lessonText;
    private final Panel lessonFigure;
    private final Panel lessonTable;
    private final Panel lessonTakeaway;
    private final Panel lessonWatch;
    private final Panel footer;
    private final Panel help;
    private final Panel tooSmall;
    /** Panel classes whose failure with an exception class was logged with its stack trace already. */
    private final Set<String> logged = new HashSet<>();
    /** The frame being drawn, reused from frame to frame. */
    private final CellBuffer cells = new CellBuffer(0, 0);

    /** A frame with the dashboard's panels. */
    public Frame() {
        this(UnaryOperator.identity());
    }

    /**
     * A frame whose panels pass through {@code panels} first (tests put a failing panel in one
     * place this way).
     */
    public Frame(UnaryOperator<Panel> panels) {
        header = panels.apply(new HeaderPanel());
        cores = panels.apply(new CoresPanel());
        processes = panels.apply(new ProcessPanel());
        form = panels.apply(new ExperimentsPanel());
        workers = panels.apply(new WorkersPanel());
        sweep = panels.apply(new SweepPanel());
        results = panels.apply(new ResultsPanel());
        exchangeForm = panels.apply(new ExchangeFormPanel());
        exchange = panels.apply(new ExchangePanel());
        race = panels.apply(new RaceDemoPanel());
        exchangeResults = panels.apply(new ExchangeResultsPanel());
        sync = panels.apply(new SyncPanel());
        fleet = panels.apply(new FleetPanel());
        fleetHost = panels.apply(new FleetHostPanel());
        lessonText = panels.apply(new LessonTextPanel());
        lessonFigure = panels.apply(new LessonFigurePanel());
        lessonTable = panels.apply(new LessonTablePanel());
        lessonTakeaway = panels.apply(new LessonTakeawayPanel());
        lessonWatch = panels.apply(new LessonWatchPanel());
        footer = panels.apply(new FooterPanel());
        help = panels.apply(new HelpOverlay());
        tooSmall = panels.apply(new TooSmallPanel());
    }

    /**
     * One drawn frame: its cells, and what its panels laid out that keys and clicks act on.
     *
     * @param cells    the drawn cells, owned by the frame and overwritten by its next draw
     * @param laidOut  the panels' click targets, in drawing order, and the process list's page
     */
    public record Drawn(CellBuffer cells, LaidOut laidOut) {
    }

    /** Where each panel goes at one terminal size. */
    public record Layout(Area header, Area cores, Area processes, Area footer) {
    }

    /** Where the experiments view's panels go inside the body. */
    public record ExperimentsLayout(Area form, Area side, Area results) {
    }

    /** Where the lesson view's panels go inside the body; the watch area may be empty. */
    public record LessonLayout(Area text, Area figure, Area table, Area takeaway, Area watch) {
    }

    /** Body rows the lesson view keeps under the cores, when the terminal has them. */
    static final int LESSON_MIN_BODY = 17;
    /** From this width the lesson's live panel goes to the right of its words, cells. */
    static final int LESSON_WIDE = 120;
    /** Widest the key figure's area gets beside the table, cells. */
    static final int LESSON_FIGURE_WIDTH = 44;
    /** Rows of the takeaway. */
    static final int LESSON_TAKEAWAY = 2;
    /** Rows the table may take beyond the figure's, on wide terminals. */
    static final int LESSON_TABLE_MORE = 6;
    /** Most rows the step's words take (title and explanation). */
    static final int LESSON_TEXT_MAX = 12;

    /**
     * Splits the body for the lesson: the step's words on top, its big figure with the table beside
     * it, the takeaway, and the live panel below (on wide terminals, on the right, full height).
     * The figure and takeaway keep their rows; the words give up lines first, then the live panel.
     */
    public static LessonLayout lessonLayout(Area body) {
        boolean wide = body.width() >= LESSON_WIDE;
        int leftWidth = wide ? body.width() * 3 / 5 : body.width();
        int takeaway = LESSON_TAKEAWAY + (wide ? 1 : 0);
        int watchMin = wide ? 0 : 4;
        int text = Math.max(2, Math.min(LESSON_TEXT_MAX, body.height() - LessonFigurePanel.HEIGHT - takeaway - watchMin));
        // Wide, the table takes the rows the live panel (on the right) leaves under the figure.
        int band = wide ? Math.max(LessonFigurePanel.HEIGHT, Math.min(LessonFigurePanel.HEIGHT + LESSON_TABLE_MORE,
                body.height() - text - takeaway)) : LessonFigurePanel.HEIGHT;
        int figureWidth = Math.min(LESSON_FIGURE_WIDTH, leftWidth / 2);
        int row = body.row();
        Area textArea = new Area(body.column(), row, leftWidth, text);
        row += text;
        int bandHeight = Math.max(0, Math.min(band, body.row() + body.height() - row));
        Area figure = new Area(body.column(), row, figureWidth, bandHeight);
        Area table = new Area(body.column() + figureWidth + 1, row, leftWidth - figureWidth - 1, bandHeight);
        row += bandHeight;
        int takeawayHeight = Math.max(0, Math.min(takeaway, body.row() + body.height() - row));
        Area takeawayArea = new Area(body.column(), row, leftWidth, takeawayHeight);
        row += takeawayHeight;
        Area watch = wide ? new Area(body.column() + leftWidth + 1, body.row(), body.width() - leftWidth - 1, body.height())
                : new Area(body.column(), row, body.width(), Math.max(0, body.row() + body.height() - row));
        return new LessonLayout(textArea, figure, table, takeawayArea, watch);
    }

    /** Widest the experiments form gets, cells. */
    static final int FORM_WIDTH = 34;

    /**
     * Splits the body: the form on the left of the top half, worker threads (or the sweep) on its
     * right, the results table below across the whole width.
     */
    public static ExperimentsLayout experimentsLayout(Area body) {
        int formWidth = Math.min(FORM_WIDTH, Math.max(24, body.width() * 2 / 5));
        // The form needs 9 lines; on tall terminals the top grows so more threads and sweep rows show.
        int top = Math.max(0, Math.min(body.height() - 4, Math.max(9, body.height() / 2)));
        Area form = new Area(body.column(), body.row(), formWidth, top);
        Area side = new Area(body.column() + formWidth + 1, body.row(), body.width() - formWidth - 1, top);
        Area results = new Area(body.column(), body.row() + top, body.width(), body.height() - top);
        return new ExperimentsLayout(form, side, results);
    }

    /**
     * The layout for a terminal of {@code size} showing {@code coreCount} cores (0 before the
     * first sample). Assumes the size is at least the minimum.
     */
    public static Layout layout(TerminalSize size, int coreCount) {
        return layout(size, coreCount, 1 + MIN_PROCESS_ROWS);
    }

    /** As {@link #layout(TerminalSize, int)}, keeping {@code minBody} rows under the cores. */
    static Layout layout(TerminalSize size, int coreCount, int minBody) {
        int width = size.getColumns();
        int height = size.getRows();
        int body = height - HeaderPanel.HEIGHT - 1;
        // Rows left for cores once the body's rows and the total line are kept.
        int maxCoreRows = body - minBody - 1;
        int coresHeight = CoresPanel.height(CoresPanel.grid(coreCount, width, maxCoreRows));
        Area headerArea = new Area(0, 0, width, HeaderPanel.HEIGHT);
        Area coresArea = new Area(0, HeaderPanel.HEIGHT, width, coresHeight);
        Area processArea = new Area(0, HeaderPanel.HEIGHT + coresHeight, width, body - coresHeight);
        Area footerArea = new Area(0, height - 1, width, 1);
        return new Layout(headerArea, coresArea, processArea, footerArea);
    }

    /**
     * Draws the whole frame for the current state at {@code size}.
     *
     * @return the drawn cells (owned by this frame and overwritten by the next call) and what the
     *         panels laid out
     */
    public Drawn draw(TerminalSize size, ViewState view) {
        if (cells.columns() != size.getColumns() || cells.rows() != size.getRows()) {
            cells.resize(size.getColumns(), size.getRows());
        }
        Canvas g = new Canvas(cells, view.ascii());
        Palette.of(view.theme()).plain(g);
        g.fill(' ');
        Area all = new Area(0, 0, size.getColumns(), size.getRows());
        if (TooSmallPanel.tooSmall(size.getColumns(), size.getRows())) {
            return new Drawn(cells, render(tooSmall, g, all, view.snapshot(), view));
        }
        SystemSnapshot snap = view.snapshot();
        int coreCount = snap == null ? 0 : snap.cores().size();
        Layout layout = view.mode() == ViewState.Mode.LESSON ? layout(size, coreCount, LESSON_MIN_BODY)
                : layout(size, coreCount);
        LaidOut laid = render(header, g, layout.header(), snap, view).then(render(cores, g, layout.cores(), snap, view));
        if (view.mode() == ViewState.Mode.EXPERIMENTS) {
            ExperimentsLayout x = experimentsLayout(layout.processes());
            laid = laid.then(render(form, g, x.form(), snap, view));
            // While a run goes on, its threads matter most; afterwards the sweep, if one just ended.
            boolean showSweep = !view.experiments().busy() && view.experiments().showSweep();
            laid = laid.then(render(showSweep ? sweep : workers, g, x.side(), snap, view))
                    .then(render(results, g, x.results(), snap, view));
        } else if (view.mode() == ViewState.Mode.EXCHANGE) {
            // The same split as the experiments view: form, a live side panel, the table below.
            ExperimentsLayout x = experimentsLayout(layout.processes());
            laid = laid.then(render(exchangeForm, g, x.form(), snap, view))
                    .then(render(view.exchange().showRace() ? race : exchange, g, x.side(), snap, view))
                    .then(render(exchangeResults, g, x.results(), snap, view));
        } else if (view.mode() == ViewState.Mode.FLEET) {
            laid = laid.then(render(view.fleet().hostOpen() ? fleetHost : fleet, g, layout.processes(), snap, view));
        } else if (view.mode() == ViewState.Mode.LESSON) {
            LessonLayout l = lessonLayout(layout.processes());
            laid = laid.then(render(lessonText, g, l.text(), snap, view))
                    .then(render(lessonFigure, g, l.figure(), snap, view))
                    .then(render(lessonTable, g, l.table(), snap, view))
                    .then(render(lessonTakeaway, g, l.takeaway(), snap, view));
            if (l.watch().height() >= 2) {
                laid = laid.then(render(lessonWatch, g, l.watch(), snap, view));
            }
        } else if (view.mode() == ViewState.Mode.SYNC) {
            laid = laid.then(render(sync, g, layout.processes(), snap, view));
        } else {
            laid = laid.then(render(processes, g, layout.processes(), snap, view));
        }
        laid = laid.then(render(footer, g, layout.footer(), snap, view));
        if (view.helpVisible()) {
            // Over everything: a click anywhere closes it, whatever lies under it.
            laid = laid.then(render(help, g, all, snap, view));
        }
        return new Drawn(cells, laid);
    }

    /**
     * Draws one panel. A panel that throws does not take the dashboard down: its area shows one
     * line saying so (the other panels, and the keys, go on working), and the exception is logged
     * with its stack trace, once per panel and exception class so that a panel failing on every
     * frame does not fill the log. Errors (out of memory, stack overflow, a class missing from the
     * build) are not caught: they end Telar, after the terminal is given back.
     *
     * @return what the panel laid out; nothing when it failed
     */
    private LaidOut render(Panel panel, Canvas g, Area area, SystemSnapshot snap, ViewState view) {
        try {
            return panel.render(g, area, snap, view);
        } catch (RuntimeException e) {
            if (logged.add(panel.getClass().getName() + " " + e.getClass().getName())) {
                LOG.error("the panel {} failed to draw; it shows an error line instead", panel.getClass().getSimpleName(), e);
            }
            showFailure(g, area, e, view);
            return LaidOut.NOTHING;
        }
    }

    /** Blanks {@code area} and writes the one-line error of {@code e} on its first row, in the view's language. */
    static void showFailure(Canvas screen, Area area, RuntimeException e, ViewState view) {
        Canvas g = screen.clip(area);
        Palette palette = Palette.of(view.theme());
        palette.plain(g);
        g.fill(' ');
        palette.warning(g);
        g.putString(0, 0, Texts.of(view.language()).format("panel.error", e.getClass().getSimpleName()));
    }
}
