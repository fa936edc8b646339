package dev.telar.tui.view;

import dev.telar.probe.ProcessInfo;
import java.util.Comparator;

/**
 * Order of the process list. Every order ends on the pid, so the list is stable between frames
 * when two processes tie (otherwise equal rows would swap places on each refresh).
 */
public enum SortKey {
    /** CPU% over the last interval, highest first. */
    CPU("CPU%", Comparator.comparingDouble(ProcessInfo::cpuPct).reversed()),
    /** Resident memory, largest first. */
    RSS("RSS", Comparator.comparingLong(ProcessInfo::rssBytes).reversed()),
    /** Process id, lowest first. */
    PID("PID", (a, b) -> 0);

    private final String label;
    private final Comparator<ProcessInfo> order;

    SortKey(String label, Comparator<ProcessInfo> primary) {
        this.label = label;
        this.order = primary.thenComparingInt(ProcessInfo::pid);
    }

    /** Short name shown in the footer and column header. */
    public String label() {
        return label;
    }

    /** The complete, total order for this key. */
    public Comparator<ProcessInfo> order() {
        return order;
    }

    /** The next key in the cycle CPU% → RSS → PID → CPU%. */
    public SortKey next() {
        SortKey[] all = values();
        return all[(ordinal() + 1) % all.length];
    }
}
