package dev.telar.workloads.remote.fleet;

import java.util.List;
import java.util.Optional;

/**
 * The fleet as a watch saw it at one moment. Immutable.
 *
 * @param takenAtMillis when, milliseconds since the epoch (watcher's clock)
 * @param rows          one per host, live and gone, by host name
 * @param ready         true once the watch has read the hosts that were there when it started
 * @param lostAtMillis  when the link to the manager was lost, ms since the epoch (watcher's clock);
 *                      {@link #REACHABLE} while it holds. While lost, a row marked live is only as
 *                      live as it was when last heard: nothing new can be heard
 */
public record FleetSnapshot(long takenAtMillis, List<FleetRow> rows, boolean ready, long lostAtMillis) {
    /** {@link #lostAtMillis} of a watch whose link to the manager holds. */
    public static final long REACHABLE = -1;
    /** No host, not ready. */
    public static final FleetSnapshot EMPTY = new FleetSnapshot(0, List.of(), false);

    public FleetSnapshot {
        rows = List.copyOf(rows);
    }

    /** A snapshot taken with the manager reachable. */
    public FleetSnapshot(long takenAtMillis, List<FleetRow> rows, boolean ready) {
        this(takenAtMillis, rows, ready, REACHABLE);
    }

    /** True while the watch's link to the manager holds. */
    public boolean reachable() {
        return lostAtMillis == REACHABLE;
    }

    /** The row of {@code host}, if listed. */
    public Optional<FleetRow> row(String host) {
        return rows.stream().filter(r -> r.host().equals(host)).findFirst();
    }

    /** How many hosts are live. */
    public long liveCount() {
        return rows.stream().filter(FleetRow::live).count();
    }
}
