package dev.telar.workloads.sync.scenario;

import dev.telar.workloads.remote.ManagerLink;
import java.util.Objects;

/**
 * Where a remote run's workers meet and how the runner's link to that manager stands, for a panel
 * to say: a SUSPENDED link means every held lock and permit is uncertain, a LOST one that they are
 * gone.
 *
 * @param address       the manager's {@code host:port} (several comma-separated for an ensemble)
 * @param space         the run's own space on the manager, removed when the run ends
 * @param link          the runner's link now
 * @param sessionMillis the session the manager granted the runner, milliseconds: how long after a
 *                      participant vanishes its locks and permits come back
 */
public record RemoteRun(String address, String space, ManagerLink.State link, long sessionMillis) {
    public RemoteRun {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(link, "link");
    }

    /** The same run with the link in {@code state}. */
    public RemoteRun with(ManagerLink.State state, long session) {
        return new RemoteRun(address, space, state, session);
    }
}
