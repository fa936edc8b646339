package dev.telar.workloads.remote.fleet;

import java.util.Objects;

/**
 * One host as a watch last saw it.
 *
 * @param latest        the newest summary read from the host's node
 * @param heardAtMillis when the watch read it, milliseconds since the epoch by the watcher's clock
 *                      (not the host's: clocks of two machines may differ)
 * @param goneAtMillis  when the watch saw the node vanish (its agent closed, or its session
 *                      expired), watcher's clock; {@value #LIVE} while the node is there
 * @param updates       how many summaries the watch has read from this host
 */
public record FleetRow(HostSummary latest, long heardAtMillis, long goneAtMillis, long updates) {
    /** {@link #goneAtMillis} of a host whose node is there. */
    public static final long LIVE = -1;

    public FleetRow {
        Objects.requireNonNull(latest, "latest");
    }

    /** The host's name. */
    public String host() {
        return latest.host();
    }

    /** True while the host's node is there. */
    public boolean live() {
        return goneAtMillis == LIVE;
    }

    /** Milliseconds from the last summary read to {@code nowMillis} (watcher's clock), at least 0. */
    public long ageMillis(long nowMillis) {
        return Math.max(0, nowMillis - heardAtMillis);
    }
}
