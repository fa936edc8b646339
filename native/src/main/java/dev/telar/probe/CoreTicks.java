package dev.telar.probe;

/**
 * A source of per-core tick counters (see {@link LoadMath} for the column order).
 * Implementations must be cheap enough to call once per refresh.
 */
public interface CoreTicks {
    /** Current cumulative ticks, one array per logical core, in core order. */
    long[][] read();
}
