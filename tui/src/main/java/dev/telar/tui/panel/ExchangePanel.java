package dev.telar.tui.panel;

import dev.telar.probe.ProcessInfo;
import dev.telar.probe.SystemSnapshot;
import dev.telar.probe.ThreadInfo;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.ExchangeState;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.exchange.ChildReport;
import dev.telar.workloads.exchange.ExchangeProgress;
import dev.telar.workloads.exchange.ExchangeResult;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.exchange.ExchangeStats;
import dev.telar.workloads.run.RunResult;
import java.util.List;
import java.util.Locale;

/**
 * One box per mechanism that ran, the running (or last) one on top: its rate (messages, or
 * updates of shared memory, per second) with a sparkline of the rate at each refresh, the p50 and
 * p99 latency of messages, the backlog (written but not read), the producers and consumers alive,
 * the bytes its files take on disk against the cap, and its child processes: pid, state, CPU% and
 * core, or how a child died. Boxes further down get what room is left, without their children.
 * Draws from the {@link ExchangeState} and the snapshot (for each child's CPU and core) only.
 */
public final class ExchangePanel implements Panel {
    /** Lines of a box without its children. */
    static final int FIGURE_LINES = 6;
    /** Cells of one child in the children grid, with the gap after it. */
    private static final int CELL_GAP = 2;

    /** The panel's words in one language. */
    private record Words(String[] labels, int labelWidth, String messages, String updates, String latency,
                         String noLatency, String backlog, String noBacklog, String alive, String disk, String starting,
                         String running, String done, String failed, String cancelled, char state, String core,
                         String childDone, String none, String read) {
        static Words of(Texts t) {
            String[] labels = {t.get("xchg.panel.rate"), t.get("xchg.panel.latency"), t.get("xchg.panel.backlog"),
                t.get("xchg.panel.alive"), t.get("xchg.panel.disk")};
            int width = 0;
            for (String l : labels) {
                width = Math.max(width, l.length());
            }
            return new Words(labels, width + 1, t.get("xchg.unit.messages"), t.get("xchg.unit.updates"),
                    t.get("xchg.panel.latency.value"), t.get("xchg.panel.latency.none"), t.get("xchg.panel.backlog.value"),
                    t.get("xchg.panel.backlog.none"), t.get("xchg.panel.alive.value"), t.get("xchg.panel.disk.value"),
                    t.get("xchg.panel.starting"), t.get("xchg.panel.running"), t.get("xchg.panel.done"),
                    t.get("xchg.panel.failed"), t.get("xchg.panel.cancelled"), t.get("process.col.state").charAt(0),
                    t.get("process.col.core"), t.get("xchg.child.done"), t.get("xchg.panel.none"),
                    t.get("xchg.child.received"));
        }
    }

    private final PerLanguage<Words> words = new PerLanguage<>(Words::of);

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        Palette p = Palette.of(view.theme());
        Texts texts = Texts.of(view.language());
        Words w = words.get(texts);
        List<ExchangeState.Live> lives = view.exchange().lives();
        if (lives.isEmpty()) {
            p.label(g);
            g.putString(0, 0, Units.fit(w.none(), area.width()));
            return LaidOut.NOTHING;
        }
        int row = 0;
        for (int i = 0; i < lives.size() && area.height() - row >= 3; i++) {
            int room = area.height() - row;
            // Only the top box lists its children; boxes below keep to their figures.
            row += drawBox(g, p, texts, w, row, area.width(), Math.min(room, i == 0 ? room : FIGURE_LINES),
                    lives.get(i), snap, i == 0);
        }
        return LaidOut.NOTHING;
    }

    /** Draws one mechanism's box from {@code top}, at most {@code height} lines; returns the lines used. */
    private static int drawBox(Canvas g, Palette p, Texts texts, Words w, int top, int width, int height,
                               ExchangeState.Live live, SystemSnapshot snap, boolean withChildren) {
        ExchangeSpec spec = live.spec();
        ExchangeStats stats = live.stats();
        boolean messages = spec.mechanism().carriesMessages();
        String title = " " + spec.mechanism().cliName() + " ×" + spec.processes();
        TitleRow.draw(g, p, top, width, title, state(live, w), 1, false);
        int row = top + 1;
        int end = top + height;
        int values = w.labelWidth();
        String[] lines = new String[FIGURE_LINES - 1];
        java.util.Arrays.fill(lines, "-");
        if (!messages) {
            // Shared memory has no messages: no latency to measure, nothing waiting to be read.
            lines[1] = w.noLatency();
            lines[2] = w.noBacklog();
        }
        if (stats != null) {
            // A finished run shows its average rate; a running one the rate of the last period.
            double rate = live.result() != null ? average(live.result()) : stats.opsPerSecond();
            lines[0] = ExchangeFormat.count(rate) + " " + (messages ? w.messages() : w.updates());
            if (messages) {
                lines[1] = String.format(Locale.ROOT, w.latency(), ExchangeFormat.micros(stats.p50Micros()),
                        ExchangeFormat.micros(stats.p99Micros()));
                lines[2] = String.format(Locale.ROOT, w.backlog(), stats.backlog(), stats.waits());
            }
            boolean ended = live.result() != null;
            lines[3] = String.format(Locale.ROOT, w.alive(), ended ? 0 : stats.producersAlive(), spec.processes(),
                    ended ? 0 : stats.consumersAlive());
        }
        long disk = live.result() != null ? live.result().bytesOnDisk() : stats == null ? -1 : stats.bytesOnDisk();
        if (disk >= 0) {
            lines[4] = String.format(Locale.ROOT, w.disk(), Units.bytes(disk), Units.bytes(spec.limits().diskCapBytes()));
        }
        for (int i = 0; i < lines.length && row < end; i++, row++) {
            p.label(g);
            g.putString(0, row, Units.fit(w.labels()[i], values));
            p.plain(g);
            g.putString(values, row, Units.fit(lines[i], width - values));
            if (i == 0) {
                int spark = values + lines[0].length() + 1;
                drawSpark(g, p, spark, row, width - spark, live);
            }
        }
        if (withChildren && row < end) {
            row = drawChildren(g, p, texts, w, row, end, width, live, snap);
        }
        return row - top;
    }

    /** Messages (or partial results) received per second over the whole run. */
    private static double average(ExchangeResult r) {
        long received = 0;
        for (ChildReport c : r.children()) {
            received += c.received();
        }
        return r.wallSeconds() > 0 ? received / r.wallSeconds() : 0;
    }

    private static String state(ExchangeState.Live live, Words w) {
        if (live.result() != null) {
            RunResult.Status status = live.result().status();
            return status == RunResult.Status.COMPLETED
                    ? String.format(Locale.ROOT, w.done(), live.result().wallSeconds())
                    : status == RunResult.Status.FAILED ? w.failed() : w.cancelled();
        }
        ExchangeStats stats = live.stats();
        if (stats == null || stats.elapsedSeconds() <= 0) {
            return String.format(Locale.ROOT, w.starting(), live.spec().processes());
        }
        return String.format(Locale.ROOT, w.running(), stats.elapsedSeconds());
    }

    /** The rate at each refresh, scaled to the highest shown, newest on the right. */
    private static void drawSpark(Canvas g, Palette p, int column, int row, int width, ExchangeState.Live live) {
        int n = Math.min(width, live.rateCount());
        if (n <= 0) {
            return;
        }
        int first = live.rateCount() - n;
        double max = 0;
        for (int i = first; i < live.rateCount(); i++) {
            max = Math.max(max, live.rate(i));
        }
        StringBuilder line = new StringBuilder(n);
        for (int i = first; i < live.rateCount(); i++) {
            line.append(CoresPanel.spark(max <= 0 ? 0 : 100 * live.rate(i) / max));
        }
        p.spark(g);
        g.putString(column, row, line.toString());
    }

    /**
     * The children: first those that died, one line each saying how; then the others in a grid of
     * cells (pid, state, CPU%, core), as many per line as fit. Returns the next free line.
     */
    private static int drawChildren(Canvas g, Palette p, Texts texts, Words w, int row, int end, int width,
                                    ExchangeState.Live live, SystemSnapshot snap) {
        List<ExchangeProgress.Child> children = live.children();
        for (ExchangeProgress.Child c : children) {
            if (c.died() && row < end) {
                p.warning(g);
                String line = "! " + ExchangeTexts.death(c.pid(), c.exit().get()).in(texts) + "; "
                        + String.format(Locale.ROOT, w.read(), c.received());
                g.putString(0, row++, Units.fit(line, width));
            }
        }
        int coreWidth = Math.max(4, w.core().length());
        String cellFormat = "%7d %c %5s %" + coreWidth + "s";
        int cell = 7 + 1 + 1 + 1 + 5 + 1 + coreWidth;
        int perLine = Math.max(1, (width + CELL_GAP) / (cell + CELL_GAP));
        List<ExchangeProgress.Child> others = children.stream().filter(c -> !c.died()).toList();
        if (others.isEmpty() || row >= end) {
            return row;
        }
        p.bar(g);
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < Math.min(perLine, others.size()); i++) {
            header.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%7s %c %5s %" + coreWidth + "s",
                    "PID", w.state(), "CPU%", w.core()));
        }
        g.putString(0, row++, Units.fit(header.toString(), width));
        for (int i = 0; i < others.size() && row < end; i += perLine, row++) {
            p.plain(g);
            for (int j = 0; j < perLine && i + j < others.size(); j++) {
                ExchangeProgress.Child c = others.get(i + j);
                String text;
                if (c.alive() || c.exit().isEmpty()) {
                    ProcessInfo info = find(snap, c.pid());
                    text = String.format(Locale.ROOT, cellFormat, c.pid(), info == null ? '-' : info.state(),
                            info == null ? "-" : Units.percent(info.cpuPct()), core(info));
                } else {
                    text = String.format(Locale.ROOT, "%7d %s", c.pid(), w.childDone());
                }
                g.putString(j * (cell + CELL_GAP), row, Units.fit(text, cell));
            }
        }
        return row;
    }

    private static ProcessInfo find(SystemSnapshot snap, long pid) {
        if (snap == null) {
            return null;
        }
        for (ProcessInfo info : snap.processes()) {
            if (info.pid() == pid) {
                return info;
            }
        }
        return null;
    }

    /** The core of the child's busiest thread (its computing one), or "-" when its threads are not listed. */
    private static String core(ProcessInfo info) {
        if (info == null || info.threads().isEmpty()) {
            return "-";
        }
        ThreadInfo busiest = info.threads().get(0);
        for (ThreadInfo t : info.threads()) {
            if (t.cpuPct() > busiest.cpuPct()) {
                busiest = t;
            }
        }
        return Integer.toString(busiest.lastCore());
    }
}
