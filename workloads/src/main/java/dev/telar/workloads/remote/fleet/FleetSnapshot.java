package dev.telar.workloads.remote.fleet;

import java.util.List;
import java.util.Optional;

/**
 * The fleet as a watch saw it at one moment. Immutable.
 *
 * @param takenAtMillis when, milliseconds since the epoch (watcher's clock)
 * @param rows          one per host, live and gone, by host name
 * @param ready         true once the watch has read the hosts that were there when it started
 */
public record FleetSnapshot(long takenAtMillis, List<FleetRow> rows, boolean ready) {
    /** No host, not ready. */
    public static final FleetSnapshot EMPTY = new FleetSnapshot(0, List.of(), false);

    public FleetSnapshot {
        rows = List.copyOf(rows);
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
