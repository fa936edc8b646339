package dev.telar.tui.panel;

import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.FleetState;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.remote.fleet.FleetRow;
import dev.telar.workloads.remote.fleet.HostSummary;
import dev.telar.workloads.remote.fleet.RunningJob;
import dev.telar.workloads.remote.fleet.TelarJob;
import dev.telar.workloads.remote.fleet.TopProcess;
import java.util.Locale;

/**
 * One host of the fleet, read-only, from its latest summary: its state and facts (agent, cores,
 * load average, memory), a bar per core, the jobs its labs run with their latest figures (when
 * any), its busiest processes and the Telar processes found on it. Esc goes back to the list. Draws from the {@link FleetState} only.
 */
public final class FleetHostPanel implements Panel {
    /** Width of one core's cell: "cpu12 [||||  42%]" and a space. */
    static final int CORE_CELL = 20;
    /** Where the processes' figures start, after the section's title. */
    static final int FIGURES_COLUMN = 20;

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        Palette p = Palette.of(view.theme());
        Texts t = Texts.of(view.language());
        FleetState s = view.fleet();
        int width = area.width();
        String name = s.openHost().orElse("");
        if (area.height() < 2) {
            return LaidOut.NOTHING;
        }
        if (s.openRow().isEmpty()) {
            TitleRow.draw(g, p, 0, width, " " + t.format("fleet.host.title", name), "", 1, false);
            p.plain(g);
            g.putString(1, 1, Units.fit(t.format("fleet.host.dropped", name), width - 1));
            return LaidOut.NOTHING;
        }
        FleetRow r = s.openRow().get();
        HostSummary h = r.latest();
        long now = FleetPanel.now(s.fleet(), snap);
        String state = !r.live() ? t.format("fleet.host.gone", FleetPanel.age(now - r.goneAtMillis()))
                : s.fleet().reachable() ? t.format("fleet.host.live", FleetPanel.age(r.ageMillis(now)))
                : t.format("fleet.host.unknown", FleetPanel.age(now - s.fleet().lostAtMillis()), FleetPanel.age(r.ageMillis(now)));
        TitleRow.draw(g, p, 0, width, " " + t.format("fleet.host.title", name), state, 1, false);
        double[] avg = h.loadAverage();
        p.plain(g);
        g.putString(1, 1, Units.fit(t.format("fleet.host.facts", h.agentPid(), h.cores(), two(avg[0]), two(avg[1]), two(avg[2]),
                Units.bytes(h.memoryUsedBytes()), Units.bytes(h.memoryTotalBytes())), width - 1));
        int row = 2;
        int perRow = Math.max(1, (width - 1) / CORE_CELL);
        double[] loads = h.coreLoads();
        int coreRows = Math.min((loads.length + perRow - 1) / perRow, Math.max(0, area.height() - row - 4));
        for (int c = 0; c < loads.length && c / perRow < coreRows; c++) {
            drawCore(g, p, 1 + c % perRow * CORE_CELL, row + c / perRow, c, loads[c]);
        }
        row += coreRows;
        row = drawRunning(g, p, t, h, row, width, area.height());
        p.bar(g);
        g.putString(0, row++, Units.fit(t.get("fleet.host.top"), width));
        p.plain(g);
        int room = area.height() - row - 2;
        for (int i = 0; i < h.top().size() && i < room; i++) {
            TopProcess q = h.top().get(i);
            g.putString(FIGURES_COLUMN, row++, Units.fit(String.format(Locale.ROOT, "%6d %s %6s  %s", q.pid(), Units.percent(q.cpuPct()),
                    Units.bytes(q.rssBytes()), Units.printable(q.name())), width - FIGURES_COLUMN));
        }
        if (row < area.height()) {
            p.bar(g);
            g.putString(0, row++, Units.fit(t.get("fleet.host.jobs"), width));
            p.plain(g);
        }
        if (h.jobs().isEmpty() && row < area.height()) {
            g.putString(1, row, Units.fit(t.get("fleet.host.nojobs"), width - 1));
        }
        for (int i = 0; i < h.jobs().size() && row < area.height(); i++) {
            TelarJob j = h.jobs().get(i);
            g.putString(FIGURES_COLUMN, row++, Units.fit(String.format(Locale.ROOT, "%6d %s %6s %4d  %s", j.pid(), Units.percent(j.cpuPct()),
                    Units.bytes(j.rssBytes()), j.threads(), j.kind()), width - FIGURES_COLUMN));
        }
        return LaidOut.NOTHING;
    }

    /**
     * The jobs the host's labs run, when any: per job a line saying what runs and for how long (by
     * the host's clock, at its sample), then its figures. Leaves room for the sections below.
     *
     * @return the next free row
     */
    private static int drawRunning(Canvas g, Palette p, Texts t, HostSummary h, int row, int width, int height) {
        if (h.running().isEmpty() || row + 2 + 4 > height) {
            return row;
        }
        p.bar(g);
        g.putString(0, row++, Units.fit(t.get("fleet.host.running"), width));
        p.plain(g);
        for (RunningJob j : h.running()) {
            if (row + 2 + 4 > height) {
                break;
            }
            g.putString(1, row++, Units.fit(t.format("fleet.host.job", j.pid(), j.kind(), Units.printable(j.label()),
                    FleetPanel.age(j.elapsedMillis(h.sampledAtMillis()))), width - 1));
            g.putString(FIGURES_COLUMN, row++, Units.fit(figures(j, t), width - FIGURES_COLUMN));
        }
        return row;
    }

    /** "runs 2  wall s 0.42  speed-up 1.87": each figure under its screen name, or its own name when it has none. */
    static String figures(RunningJob j, Texts t) {
        StringBuilder b = new StringBuilder();
        j.figures().forEach((name, value) -> {
            String key = "fleet.figure." + name;
            b.append(b.length() == 0 ? "" : "  ").append(t.has(key) ? t.get(key) : name).append(' ').append(figure(value));
        });
        return b.toString();
    }

    /** A whole figure as a whole number in groups of three ("88,706,608,518"); a fraction with two decimals, or none from 100 up. */
    static String figure(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f" : "%.2f", v);
    }

    /** "cpu3 [|||    42%]": the fill proportional to the load, coloured by its level. */
    private static void drawCore(Canvas g, Palette p, int x, int row, int core, double load) {
        String label = String.format(Locale.ROOT, "cpu%-2d", core);
        p.label(g);
        g.putString(x, row, label);
        double pct = load * 100;
        String pctText = String.format(Locale.ROOT, "%3d%%", Math.round(pct));
        int inner = CORE_CELL - label.length() - 4;
        int fillRoom = inner - pctText.length();
        int fill = (int) Math.round(Math.max(0, Math.min(1, load)) * fillRoom);
        p.plain(g);
        g.putString(x + label.length() + 1, row, "[");
        p.load(g, pct);
        g.putString(x + label.length() + 2, row, "|".repeat(fill) + " ".repeat(fillRoom - fill));
        p.plain(g);
        g.putString(x + label.length() + 2 + fillRoom, row, pctText + "]");
    }

    private static String two(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
