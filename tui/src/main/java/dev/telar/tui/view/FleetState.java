package dev.telar.tui.view;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.remote.fleet.FleetRow;
import dev.telar.workloads.remote.fleet.FleetSnapshot;
import java.util.Optional;

/**
 * The fleet view's state: whether a manager is configured and reached, the fleet last seen, the
 * selected row, and the host opened with Enter (kept by name, so it stays open as rows come and go).
 * Changed only by the {@link FleetController}; UI thread only.
 */
public final class FleetState {
    /** Where the view stands with the manager. */
    public enum Status {
        /** No manager configured: the view says how to configure one. */
        UNCONFIGURED,
        /** Connecting (the view is open, no answer yet). */
        CONNECTING,
        /** Following the fleet. */
        WATCHING,
        /** No manager answered ({@link #problem}); the link keeps trying by itself. */
        RETRYING,
        /** The manager refused the key, or something else ended the tries ({@link #problem}). */
        FAILED
    }

    private Status status = Status.UNCONFIGURED;
    private FleetSnapshot fleet = FleetSnapshot.EMPTY;
    private Problem problem;
    private int selected;
    private String openHost;

    public Status status() {
        return status;
    }

    /** The fleet last seen; empty until watching. */
    public FleetSnapshot fleet() {
        return fleet;
    }

    /** Why the manager could not be used, when {@link Status#RETRYING} or {@link Status#FAILED}. */
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /** The selected row's index, within the rows (0 when there are none). */
    public int selected() {
        return Math.max(0, Math.min(selected, fleet.rows().size() - 1));
    }

    /** The row of the host opened with Enter, while it is listed. */
    public Optional<FleetRow> openRow() {
        return openHost == null ? Optional.empty() : fleet.row(openHost);
    }

    /** True while a host's own view is shown (even when its row has just been dropped). */
    public boolean hostOpen() {
        return openHost != null;
    }

    /** The name of the host opened, if any. */
    public Optional<String> openHost() {
        return Optional.ofNullable(openHost);
    }

    void news(FleetNews news) {
        status = news.status();
        problem = news.problem();
        fleet = news.fleet();
    }

    void refresh(FleetSnapshot now) {
        if (status == Status.WATCHING) {
            fleet = now;
        }
    }

    /** Forgets the fleet (the view was left): the next opening starts from "connecting". */
    void reset() {
        status = Status.UNCONFIGURED;
        fleet = FleetSnapshot.EMPTY;
        problem = null;
        openHost = null;
    }

    void configured(boolean yes) {
        if (!yes) {
            status = Status.UNCONFIGURED;
        } else if (status == Status.UNCONFIGURED) {
            status = Status.CONNECTING;
        }
    }

    void move(int step) {
        selected = Math.max(0, Math.min(selected() + step, fleet.rows().size() - 1));
    }

    /** Opens the selected host; false when there is none. */
    boolean openSelected() {
        if (fleet.rows().isEmpty()) {
            return false;
        }
        openHost = fleet.rows().get(selected()).host();
        return true;
    }

    /** Back to the list; false when it was shown already. */
    boolean back() {
        boolean was = openHost != null;
        openHost = null;
        return was;
    }
}
