package dev.telar.tui.view;

import java.util.stream.IntStream;

/** Where an experiment's threads may run: anywhere, all on core 0, or pinned to the set of all cores. */
public enum Affinity {
    /** No pinning: the scheduler chooses. */
    NONE("affinity.none"),
    /** Every thread pinned to core 0, so they must take turns on one core. */
    CORE0("affinity.core0"),
    /** Every thread allowed on every core (explicitly pinned to the full set). */
    SPREAD("affinity.spread");

    private final String textKey;

    Affinity(String textKey) {
        this.textKey = textKey;
    }

    /** The bundle key of the text shown in the experiments form. */
    public String textKey() {
        return textKey;
    }

    /** The cores a run is pinned to on a machine with {@code cores} logical cores; empty for none. */
    public int[] cores(int cores) {
        return switch (this) {
            case NONE -> new int[0];
            case CORE0 -> new int[] {0};
            case SPREAD -> IntStream.range(0, Math.max(1, cores)).toArray();
        };
    }
}
