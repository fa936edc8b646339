package dev.telar.tui.view;

import dev.telar.workloads.remote.fleet.FleetSnapshot;

/**
 * The fleet view's way to the manager. It is opened when the view is shown and closed when it is
 * left, so the dashboard connects to no manager unless the fleet view is open. Its news reaches the
 * UI thread as {@link FleetNews} through the event loop's queue ({@link Dispatcher#onFleet}).
 */
public interface FleetLink {
    /** A dashboard without a manager configured: the view says how to configure one. */
    FleetLink NONE = new FleetLink() {
        @Override
        public boolean configured() {
            return false;
        }

        @Override
        public void open() {
        }

        @Override
        public void close() {
        }

        @Override
        public FleetSnapshot latest() {
            return FleetSnapshot.EMPTY;
        }
    };

    /** True when a manager is configured (the setting {@code manager.address} or {@code --manager}). */
    boolean configured();

    /** Starts connecting and watching in the background, unless already open; returns at once. */
    void open();

    /** Stops watching and leaves the manager (in the background); returns at once. */
    void close();

    /** The fleet now, gone hosts past their time dropped; {@link FleetSnapshot#EMPTY} when not watching. */
    FleetSnapshot latest();
}
