package dev.telar.probe;

import java.util.Arrays;

/**
 * An immutable, fixed-length run of recent values, oldest first.
 *
 * <p>Used for load histories (percent of one core, 0..100). Copies its input, so a snapshot that
 * holds it can be shared between threads without further synchronization.
 */
public final class Series {
    private static final Series EMPTY = new Series(new double[0]);
    private final double[] values;

    private Series(double[] values) {
        this.values = values;
    }

    /** A series holding a copy of {@code values}, oldest first. */
    public static Series of(double... values) {
        return values.length == 0 ? EMPTY : new Series(values.clone());
    }

    /** The series with no values. */
    public static Series empty() {
        return EMPTY;
    }

    /** Number of values held. */
    public int size() {
        return values.length;
    }

    /** The value at {@code index}; 0 is the oldest. */
    public double get(int index) {
        return values[index];
    }

    /** The newest value, or {@code 0} when empty. */
    public double last() {
        return values.length == 0 ? 0 : values[values.length - 1];
    }

    /** A copy of the values, oldest first. */
    public double[] toArray() {
        return values.clone();
    }

    /** This series with {@code value} appended, dropping the oldest values beyond {@code capacity}. */
    public Series append(double value, int capacity) {
        int keep = Math.min(values.length, capacity - 1);
        double[] next = new double[keep + 1];
        System.arraycopy(values, values.length - keep, next, 0, keep);
        next[keep] = value;
        return new Series(next);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
