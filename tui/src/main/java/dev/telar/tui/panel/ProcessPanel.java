package dev.telar.tui.panel;

import dev.telar.probe.ProcessInfo;
import dev.telar.probe.SystemSnapshot;
import dev.telar.probe.ThreadInfo;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.Target;
import dev.telar.tui.view.SortKey;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.ViewState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The process list: a column header, then one line per process (PID, USER, S, CPU%, RSS, THR,
 * COMMAND) in the chosen order, the selected one in reverse video. From {@link #WIDE} columns on,
 * the parent's PID and the share of memory (MEM%) are shown too. The expanded process is followed
 * by its threads (TID, name, state, CPU%, CORE it last ran on), indented.
 *
 * <p>Scrolls from the last frame's position so the selected process, and its threads when
 * expanded, stay in view; returns the new position and the page height (for the next frame and
 * for PgUp/PgDn), and where each process line and sortable column header went, for mouse clicks.
 */
public final class ProcessPanel implements Panel {
    /** Terminal width from which the PPID and MEM% columns are shown, cells. */
    public static final int WIDE = 130;
    private static final String THREAD_INDENT = "         ";
    private static final Comparator<ThreadInfo> THREAD_ORDER =
            Comparator.comparingDouble(ThreadInfo::cpuPct).reversed().thenComparingInt(ThreadInfo::tid);

    /** Column words and widths in one language; the thread-count and core columns fit their heading. */
    record Words(String user, char state, String threads, int threadsWidth, String command, String name,
                 String core, int coreWidth, String readingProcesses, String noProcesses, String noMatch,
                 String filter, String telarOnly, String readingThreads, String row, String rowWide, String threadRow) {
        static Words of(Texts t) {
            String threads = t.get("process.col.threads");
            String core = t.get("process.col.core");
            return new Words(t.get("process.col.user"), t.get("process.col.state").charAt(0), threads,
                    Math.max(4, threads.length()), t.get("process.col.command"), t.get("process.col.name"), core,
                    Math.max(4, core.length()), t.get("process.reading"), t.get("process.none"),
                    t.get("process.nomatch"), t.get("process.filter"), t.get("process.telaronly"),
                    t.get("process.readingthreads"), "%7d %-9s %c %6s %6s %" + Math.max(4, threads.length()) + "d %s%s",
                    "%7d %7d %-9s %c %6s %5s %6s %" + Math.max(4, threads.length()) + "d %s%s",
                    "%7d  %-15s %c %6s %" + Math.max(4, core.length()) + "d");
        }
    }

    /** Where each column starts on a line, for one set of words and one width class. */
    record Columns(boolean wide, int ppid, int user, int state, int cpu, int mem, int rss, int threads, int marker) {
        static Columns of(Words w, boolean wide) {
            int x = 8;
            int ppid = wide ? x : -1;
            x += wide ? 8 : 0;
            int user = x;
            int state = user + 10;
            int cpu = state + 2;
            x = cpu + 7;
            int mem = wide ? x : -1;
            x += wide ? 6 : 0;
            int rss = x;
            int threads = rss + 7;
            return new Columns(wide, ppid, user, state, cpu, mem, rss, threads, threads + w.threadsWidth() + 1);
        }
    }

    private final PerLanguage<Words> words = new PerLanguage<>(Words::of);

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        Palette p = Palette.of(view.theme());
        Words w = words.get(Texts.of(view.language()));
        Columns c = Columns.of(w, area.width() >= WIDE);
        List<Target> targets = new ArrayList<>();
        drawHeader(g, p, area.width(), view, w, c, targets);
        int page = area.height() - 1;
        if (snap == null) {
            p.plain(g);
            g.putString(1, 1, w.readingProcesses());
            return new LaidOut(targets, page, view.scrollTop());
        }
        List<ProcessInfo> rows = view.rows();
        if (rows.isEmpty()) {
            p.plain(g);
            g.putString(1, 1, view.filter().isEmpty() ? w.noProcesses() : String.format(Locale.ROOT, w.noMatch(), view.filter()));
            return new LaidOut(targets, page, view.scrollTop());
        }
        int selected = view.selectedIndex();
        int expanded = view.expandedPid();
        List<String> threadLines = List.of();
        int expandedIndex = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).pid() == expanded) {
                expandedIndex = i;
                threadLines = threadLines(rows.get(i), w);
                break;
            }
        }
        int total = rows.size() + threadLines.size();
        int selectedLine = lineOf(selected, expandedIndex, threadLines.size());
        int top = scroll(view.scrollTop(), selectedLine, selected == expandedIndex ? threadLines.size() : 0, page, total);
        long memTotal = snap.memory().totalBytes();

        // Walk the lines from the top of the page; thread lines follow their process.
        int line = 0;
        int row = 1;
        for (int i = 0; i < rows.size() && row <= page; i++) {
            if (line >= top) {
                targets.add(Target.of(g.top() + row, g.left(), g.left() + area.width(), Target.Action.SELECT_PROCESS, i));
                drawProcess(g, p, row++, area.width(), rows.get(i), i == selected, i == expandedIndex, c, w, memTotal);
            }
            line++;
            if (i == expandedIndex) {
                for (String text : threadLines) {
                    if (line >= top && row <= page) {
                        p.plain(g);
                        g.putString(0, row++, Units.fit(text, area.width()));
                    }
                    line++;
                }
            }
        }
        return new LaidOut(targets, page, top);
    }

    private static int lineOf(int index, int expandedIndex, int threadCount) {
        return expandedIndex >= 0 && index > expandedIndex ? index + threadCount : index;
    }

    /** First line to show so that lines {@code first .. first+extra} are in view where possible. */
    static int scroll(int top, int first, int extra, int page, int total) {
        int t = top;
        int last = first + extra;
        if (last >= t + page) {
            t = last - page + 1;
        }
        if (first < t) {
            t = first;
        }
        return Math.max(0, Math.min(t, Math.max(0, total - page)));
    }

    private static void drawHeader(Canvas g, Palette p, int width, ViewState view, Words w, Columns c, List<Target> targets) {
        SortKey sort = view.sort();
        StringBuilder header = new StringBuilder(width);
        header.append(String.format(Locale.ROOT, "%7s ", mark("PID", sort == SortKey.PID)));
        if (c.wide()) {
            header.append(String.format(Locale.ROOT, "%7s ", "PPID"));
        }
        header.append(String.format(Locale.ROOT, "%-9s %c %6s ", w.user(), w.state(), mark("CPU%", sort == SortKey.CPU)));
        if (c.wide()) {
            header.append(String.format(Locale.ROOT, "%5s ", "MEM%"));
        }
        header.append(String.format(Locale.ROOT, "%6s %" + w.threadsWidth() + "s  %s", mark("RSS", sort == SortKey.RSS),
                w.threads(), w.command()));
        StringBuilder status = new StringBuilder();
        if (!view.filter().isEmpty()) {
            status.append(String.format(Locale.ROOT, w.filter(), view.filter()));
        }
        if (view.telarOnly()) {
            status.append(status.length() > 0 ? "  " : "").append(w.telarOnly());
        }
        p.bar(g);
        g.putString(0, 0, Units.fit(header.toString(), width));
        if (status.length() > 0 && header.length() + status.length() + 2 < width) {
            g.enableModifiers(com.googlecode.lanterna.SGR.BOLD);
            g.putString(width - status.length() - 1, 0, status.toString());
        }
        // The sortable headings take clicks: PID, CPU% and RSS.
        int row = g.top();
        targets.add(Target.of(row, g.left(), g.left() + 7, Target.Action.SORT, SortKey.PID.ordinal()));
        targets.add(Target.of(row, g.left() + c.cpu(), g.left() + c.cpu() + 6, Target.Action.SORT, SortKey.CPU.ordinal()));
        targets.add(Target.of(row, g.left() + c.rss(), g.left() + c.rss() + 6, Target.Action.SORT, SortKey.RSS.ordinal()));
    }

    private static String mark(String label, boolean sorted) {
        return sorted ? label + "▾" : label;
    }

    private static void drawProcess(Canvas g, Palette p, int row, int width, ProcessInfo proc, boolean selected,
                                    boolean expanded, Columns c, Words w, long memTotal) {
        // One format call per row, as before the wide columns: this runs for every visible process on every frame.
        String user = Units.fit(Units.printable(proc.user()), 9);
        String cpu = Units.percent(proc.cpuPct());
        String marker = expanded ? "▾" : " ";
        String text = c.wide()
                ? String.format(Locale.ROOT, w.rowWide(), proc.pid(), proc.ppid(), user, proc.state(), cpu,
                        Units.percent(memTotal > 0 ? 100.0 * proc.rssBytes() / memTotal : 0), Units.bytes(proc.rssBytes()),
                        proc.threadCount(), marker, Units.printable(proc.command()))
                : String.format(Locale.ROOT, w.row(), proc.pid(), user, proc.state(), cpu, Units.bytes(proc.rssBytes()),
                        proc.threadCount(), marker, Units.printable(proc.command()));
        if (selected) {
            p.selected(g);
        } else {
            p.plain(g);
        }
        g.putString(0, row, Units.fit(text, width));
        if (!selected && proc.cpuPct() >= 50) {
            // Busy processes stand out by their CPU% figure only; the rest of the row stays plain.
            p.load(g, Math.min(100, proc.cpuPct()));
            g.putString(c.cpu(), row, String.format(Locale.ROOT, "%6s", Units.percent(proc.cpuPct())));
        }
    }

    /** The lines under an expanded process: a sub-header and one line per thread, busiest first. */
    static List<String> threadLines(ProcessInfo p, Words w) {
        List<String> lines = new ArrayList<>();
        if (p.threads().isEmpty()) {
            lines.add(THREAD_INDENT + "└ " + w.readingThreads());
            return lines;
        }
        lines.add(THREAD_INDENT + "├ " + String.format(Locale.ROOT, "%7s  %-15s %c %6s %" + w.coreWidth() + "s", "TID",
                w.name(), w.state(), "CPU%", w.core()));
        List<ThreadInfo> threads = new ArrayList<>(p.threads());
        threads.sort(THREAD_ORDER);
        for (int i = 0; i < threads.size(); i++) {
            ThreadInfo t = threads.get(i);
            String branch = i == threads.size() - 1 ? "└ " : "├ ";
            lines.add(THREAD_INDENT + branch + String.format(Locale.ROOT, w.threadRow(),
                    t.tid(), Units.fit(Units.printable(t.name()), 15), t.state(), Units.percent(t.cpuPct()), t.lastCore()));
        }
        return lines;
    }
}
