package dev.telar.tui.view;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.remote.fleet.FleetSnapshot;
import java.util.Objects;

/**
 * What the fleet's link tells the fleet view, through the event loop's queue: it is connecting,
 * the fleet as the watch now sees it, or why it could not connect.
 *
 * @param status  {@link FleetState.Status#CONNECTING}, {@link FleetState.Status#WATCHING} or {@link FleetState.Status#FAILED}
 * @param fleet   the fleet (empty unless watching)
 * @param problem why it failed; null otherwise
 */
public record FleetNews(FleetState.Status status, FleetSnapshot fleet, Problem problem) {
    public FleetNews {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fleet, "fleet");
    }

    /** Connecting to the manager. */
    public static FleetNews connecting() {
        return new FleetNews(FleetState.Status.CONNECTING, FleetSnapshot.EMPTY, null);
    }

    /** The fleet as the watch now sees it. */
    public static FleetNews watching(FleetSnapshot fleet) {
        return new FleetNews(FleetState.Status.WATCHING, fleet, null);
    }

    /** The manager could not be reached or refused the key. */
    public static FleetNews failed(Problem problem) {
        return new FleetNews(FleetState.Status.FAILED, FleetSnapshot.EMPTY, Objects.requireNonNull(problem, "problem"));
    }
}
