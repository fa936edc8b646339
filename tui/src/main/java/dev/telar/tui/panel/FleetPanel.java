package dev.telar.tui.panel;

import dev.telar.probe.SystemSnapshot;
import dev.telar.tui.text.Ascii;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.tui.text.Units;
import dev.telar.tui.view.FleetState;
import dev.telar.tui.view.LaidOut;
import dev.telar.tui.view.ViewState;
import dev.telar.workloads.remote.fleet.FleetRow;
import dev.telar.workloads.remote.fleet.FleetSnapshot;
import dev.telar.workloads.remote.fleet.HostSummary;
import dev.telar.workloads.remote.fleet.TopProcess;
import java.util.List;
import java.util.Locale;

/**
 * The fleet view's list: a title with how many hosts are live and gone, then one row per host:
 * name, live (and how long since its last summary) or gone (and since when), 1-minute load,
 * memory used of total, a mini bar per core (one glyph each, its height the core's load), the
 * busiest process and, when it fits, the kind of job the host's lab runs. Without a manager, connecting, retrying, or refused: one line saying so.
 * With the link to the manager lost, the title says for how long and no host is called live: each
 * shows when it was last heard. Draws from the
 * {@link FleetState} only; times are by this machine's clock, against the newest sample's time.
 */
public final class FleetPanel implements Panel {
    static final int STATE_COLUMN = 16;
    static final int LOAD_COLUMN = 30;
    static final int MEMORY_COLUMN = 36;
    static final int CORES_COLUMN = 49;
    /** Cores drawn in a row before the rest is told as "+N". */
    static final int MAX_CORE_GLYPHS = 32;

    @Override
    public LaidOut render(Canvas screen, Area area, SystemSnapshot snap, ViewState view) {
        Canvas g = screen.clip(area);
        Palette p = Palette.of(view.theme());
        Texts t = Texts.of(view.language());
        FleetState s = view.fleet();
        FleetSnapshot fleet = s.fleet();
        int width = area.width();
        if (area.height() < 2) {
            return LaidOut.NOTHING;
        }
        long live = fleet.liveCount();
        long now = now(fleet, snap);
        // With the manager lost nothing new is heard: no host can be called live, and the title says since when.
        String count = fleet.reachable() ? t.format("fleet.count", live, fleet.rows().size() - live)
                : t.format("fleet.lost", age(now - fleet.lostAtMillis()), live);
        TitleRow.draw(g, p, 0, width, " " + t.get("fleet.title"), count, 1, false);
        String message = message(s, t);
        if (message != null) {
            p.plain(g);
            List<String> lines = Units.wrap(message, width - 1, area.height() - 1);
            for (int i = 0; i < lines.size(); i++) {
                g.putString(1, 1 + i, lines.get(i));
            }
            return LaidOut.NOTHING;
        }
        p.bar(g);
        g.putString(0, 1, Units.fit(t.get("fleet.head"), width));
        int rows = Math.min(fleet.rows().size(), area.height() - 2);
        // Keep the selected row in sight: the list scrolls by whole pages.
        int first = rows <= 0 ? 0 : s.selected() / rows * rows;
        for (int i = 0; i < rows && first + i < fleet.rows().size(); i++) {
            int index = first + i;
            drawRow(g, p, t, 2 + i, width, fleet.rows().get(index), now, fleet.reachable(), index == s.selected());
        }
        return LaidOut.NOTHING;
    }

    /** The one line the list shows instead of hosts, or null when it shows hosts. */
    private static String message(FleetState s, Texts t) {
        switch (s.status()) {
            case UNCONFIGURED:
                return t.get("fleet.unconfigured");
            case CONNECTING:
                return t.get("fleet.connecting");
            case RETRYING:
                return t.format("fleet.retrying", s.problem().map(x -> Problems.text(x, t)).orElse(""));
            case FAILED:
                return t.format("fleet.failed", s.problem().map(x -> Problems.text(x, t)).orElse(""));
            default:
                return s.fleet().rows().isEmpty() ? t.get("fleet.empty") : null;
        }
    }

    private static void drawRow(Canvas g, Palette p, Texts t, int row, int width, FleetRow r, long now, boolean reachable,
                                boolean selected) {
        HostSummary h = r.latest();
        if (selected) {
            p.selected(g);
            g.putString(0, row, " ".repeat(width));
        } else {
            p.strong(g);
        }
        g.putString(0, row, Units.fit(h.host(), STATE_COLUMN - 1));
        if (!selected) {
            if (r.live() && reachable) {
                p.plain(g);
            } else {
                p.warning(g);
            }
        }
        g.putString(STATE_COLUMN, row, Units.fit(state(r, now, reachable, t), LOAD_COLUMN - STATE_COLUMN - 1));
        if (!selected) {
            p.plain(g);
        }
        g.putString(LOAD_COLUMN, row, String.format(Locale.ROOT, "%5.2f", h.loadAverage()[0]));
        g.putString(MEMORY_COLUMN, row, Units.bytes(h.memoryUsedBytes()) + "/" + Units.bytes(h.memoryTotalBytes()));
        int x = CORES_COLUMN;
        double[] loads = h.coreLoads();
        int shown = Math.min(loads.length, Math.min(MAX_CORE_GLYPHS, Math.max(0, width - x - 1)));
        for (int c = 0; c < shown; c++) {
            if (!selected) {
                p.load(g, loads[c] * 100);
            }
            g.setCharacter(x++, row, glyph(loads[c]));
        }
        if (!selected) {
            p.plain(g);
        }
        if (shown < loads.length) {
            String more = "+" + (loads.length - shown);
            g.putString(x, row, more);
            x += more.length();
        }
        if (!h.top().isEmpty() && x + 2 < width) {
            TopProcess top = h.top().get(0);
            String busiest = Units.printable(top.name()) + " " + Math.round(top.cpuPct()) + "%";
            // The running job's kind, only when it fits whole after the busiest process.
            String job = h.running().isEmpty() ? "" : "  [" + h.running().get(0).kind() + "]";
            g.putString(x + 1, row, Units.fit(busiest.length() + job.length() <= width - x - 1 ? busiest + job : busiest, width - x - 1));
        }
    }

    /** "live 1s", "gone 12s ago", or "heard 65s ago" for a host live when the manager was lost; by the watcher's clock. */
    static String state(FleetRow r, long now, boolean reachable, Texts t) {
        if (!r.live()) {
            return t.format("fleet.gone", age(now - r.goneAtMillis()));
        }
        return t.format(reachable ? "fleet.live" : "fleet.unknown", age(r.ageMillis(now)));
    }

    /** The time shown as "now": the newest of the fleet's and the sample's, so ages move on with every sample. */
    static long now(FleetSnapshot fleet, SystemSnapshot snap) {
        return Math.max(fleet.takenAtMillis(), snap == null ? 0 : snap.takenAtMillis());
    }

    /** A short age: "0s" to "119s", then minutes ("2m"), then hours ("3h"). */
    static String age(long millis) {
        long s = Math.max(0, millis) / 1000;
        return s < 120 ? s + "s" : s < 7200 ? s / 60 + "m" : s / 3600 + "h";
    }

    /** One core's load, 0..1, as a block whose height grows with it. */
    static char glyph(double load) {
        int i = (int) Math.round(Math.max(0, Math.min(1, load)) * (Ascii.SPARKS.length() - 1));
        return Ascii.SPARKS.charAt(i);
    }
}
