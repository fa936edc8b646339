package dev.telar.tui;

import dev.telar.tui.view.FleetLink;
import dev.telar.workloads.remote.fleet.FleetSnapshot;

/**
 * A fleet link for screen tests: counts its openings and closings and gives the fleet the test
 * sets; the test delivers the news ({@link VirtualScreen#fleet}). Unconfigured until told.
 */
public final class ScriptedFleet implements FleetLink {
    public boolean configured;
    public int opens;
    public int closes;
    public FleetSnapshot latest = FleetSnapshot.EMPTY;

    @Override
    public boolean configured() {
        return configured;
    }

    @Override
    public void open() {
        opens++;
    }

    @Override
    public void close() {
        closes++;
    }

    @Override
    public FleetSnapshot latest() {
        return latest;
    }
}
