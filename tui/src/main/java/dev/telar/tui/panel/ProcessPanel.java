package dev.telar.tui.panel;

import com.googlecode.lanterna.SGR;
import dev.telar.probe.ProcessInfo;
import dev.telar.probe.SystemSnapshot;
import dev.telar.probe.ThreadInfo;
import dev.telar.tui.view.SortKey;
import dev.telar.tui.view.ViewState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The process list: a column header, then one line per process (PID, USER, S, CPU%, RSS, THR,
 * COMMAND) in the chosen order, the selected one in reverse video. The expanded process is
 * followed by its threads (TID, name, state, CPU%, CORE it last ran on), indented.
 *
 * <p>Scrolls so the selected process, and its threads when expanded, stay in view; records the
 * scroll position and page height in the {@link ViewState} for the next frame and for PgUp/PgDn.
 */
public final class ProcessPanel implements Panel {
    private static final String THREAD_INDENT = "         ";
    private static final Comparator<ThreadInfo> THREAD_ORDER =
            Comparator.comparingDouble(ThreadInfo::cpuPct).reversed().thenComparingInt(ThreadInfo::tid);

    @Override
    public void render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        drawHeader(g, area.width(), view);
        int page = area.height() - 1;
        view.setPageRows(page);
        if (snap == null) {
            Palette.plain(g);
            g.putString(1, 1, "reading processes…");
            return;
        }
        List<ProcessInfo> rows = view.rows();
        if (rows.isEmpty()) {
            Palette.plain(g);
            g.putString(1, 1, view.filter().isEmpty() ? "no processes" : "no process matches \"" + view.filter() + "\"");
            return;
        }
        int selected = view.selectedIndex();
        int expanded = view.expandedPid();
        List<String> threadLines = List.of();
        int expandedIndex = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).pid() == expanded) {
                expandedIndex = i;
                threadLines = threadLines(rows.get(i));
                break;
            }
        }
        int total = rows.size() + threadLines.size();
        int selectedLine = lineOf(selected, expandedIndex, threadLines.size());
        int top = scroll(view.scrollTop(), selectedLine, selected == expandedIndex ? threadLines.size() : 0, page, total);
        view.setScrollTop(top);

        // Walk the lines from the top of the page; thread lines follow their process.
        int line = 0;
        int row = 1;
        for (int i = 0; i < rows.size() && row <= page; i++) {
            if (line >= top) {
                drawProcess(g, row++, area.width(), rows.get(i), i == selected, i == expandedIndex);
            }
            line++;
            if (i == expandedIndex) {
                for (String text : threadLines) {
                    if (line >= top && row <= page) {
                        Palette.plain(g);
                        g.putString(0, row++, Units.fit(text, area.width()));
                    }
                    line++;
                }
            }
        }
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

    private static void drawHeader(Canvas g, int width, ViewState view) {
        SortKey sort = view.sort();
        String header = String.format(Locale.ROOT, "%7s %-9s S %6s %6s %4s  COMMAND",
                mark("PID", sort == SortKey.PID), "USER", mark("CPU%", sort == SortKey.CPU),
                mark("RSS", sort == SortKey.RSS), "THR");
        StringBuilder status = new StringBuilder();
        if (!view.filter().isEmpty()) {
            status.append("filter \"").append(view.filter()).append("\"");
        }
        if (view.telarOnly()) {
            status.append(status.length() > 0 ? "  " : "").append("Telar only");
        }
        Palette.bar(g);
        g.putString(0, 0, Units.fit(header, width));
        if (status.length() > 0 && header.length() + status.length() + 2 < width) {
            g.enableModifiers(SGR.BOLD);
            g.putString(width - status.length() - 1, 0, status.toString());
        }
    }

    private static String mark(String label, boolean sorted) {
        return sorted ? label + "▾" : label;
    }

    private static void drawProcess(Canvas g, int row, int width, ProcessInfo p, boolean selected, boolean expanded) {
        String text = String.format(Locale.ROOT, "%7d %-9s %c %6s %6s %4d %s%s",
                p.pid(), Units.fit(Units.printable(p.user()), 9), p.state(), Units.percent(p.cpuPct()),
                Units.bytes(p.rssBytes()), p.threadCount(), expanded ? "▾" : " ", Units.printable(p.command()));
        Palette.plain(g);
        if (selected) {
            g.enableModifiers(SGR.REVERSE);
        }
        g.putString(0, row, Units.fit(text, width));
        if (!selected && p.cpuPct() >= 50) {
            // Busy processes stand out by their CPU% figure only; the rest of the row stays plain.
            g.setForegroundColor(Palette.load(Math.min(100, p.cpuPct())));
            g.putString(20, row, String.format(Locale.ROOT, "%6s", Units.percent(p.cpuPct())));
        }
    }

    /** The lines under an expanded process: a sub-header and one line per thread, busiest first. */
    static List<String> threadLines(ProcessInfo p) {
        List<String> lines = new ArrayList<>();
        if (p.threads().isEmpty()) {
            lines.add(THREAD_INDENT + "└ reading threads…");
            return lines;
        }
        lines.add(THREAD_INDENT + "├ " + String.format(Locale.ROOT, "%7s  %-15s S %6s %4s", "TID", "NAME", "CPU%", "CORE"));
        List<ThreadInfo> threads = new ArrayList<>(p.threads());
        threads.sort(THREAD_ORDER);
        for (int i = 0; i < threads.size(); i++) {
            ThreadInfo t = threads.get(i);
            String branch = i == threads.size() - 1 ? "└ " : "├ ";
            lines.add(THREAD_INDENT + branch + String.format(Locale.ROOT, "%7d  %-15s %c %6s %4d",
                    t.tid(), Units.fit(Units.printable(t.name()), 15), t.state(), Units.percent(t.cpuPct()), t.lastCore()));
        }
        return lines;
    }
}
