package dev.telar.tui.view;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.remote.fleet.FleetSnapshot;
import java.util.Objects;

/**
 * What the fleet's link tells the fleet view, through the event loop's queue: it is connecting,
 * the fleet as the watch now sees it, that no manager answered yet and it keeps trying, or why it
 * could not connect.
 *
 * @param status  {@link FleetState.Status#CONNECTING}, {@link FleetState.Status#WATCHING},
 *                {@link FleetState.Status#RETRYING} or {@link FleetState.Status#FAILED}
 * @param fleet   the fleet (empty unless watching)
 * @param problem why it failed or retries; null otherwise
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

    /** No manager answered ({@code problem}); the link keeps trying by itself. */
    public static FleetNews retrying(Problem problem) {
        return new FleetNews(FleetState.Status.RETRYING, FleetSnapshot.EMPTY, Objects.requireNonNull(problem, "problem"));
    }

    /** The manager refused the key, or something else ended the tries. */
    public static FleetNews failed(Problem problem) {
        return new FleetNews(FleetState.Status.FAILED, FleetSnapshot.EMPTY, Objects.requireNonNull(problem, "problem"));
    }
}
