package dev.telar.workloads.lesson;

/**
 * One number with its unit, as measured here or as the lecture reports it.
 *
 * @param unit  what the number counts
 * @param value the number; NaN when there is none (the lecture has no figure, a run failed)
 */
public record Figure(Unit unit, double value) {
    /** What a figure counts, and so how it is written. */
    public enum Unit {
        /** Wall-clock seconds. */
        SECONDS,
        /** A ratio of two times: how many times faster (×). */
        SPEEDUP,
        /** A whole number of things (updates, items, rounds). */
        COUNT,
        /** Cores kept busy on average: CPU time over wall time. */
        CORES
    }

    /** No figure of this unit. */
    public static Figure none(Unit unit) {
        return new Figure(unit, Double.NaN);
    }

    public static Figure seconds(double s) {
        return new Figure(Unit.SECONDS, s);
    }

    public static Figure speedup(double x) {
        return new Figure(Unit.SPEEDUP, x);
    }

    public static Figure count(long n) {
        return new Figure(Unit.COUNT, n);
    }

    /** True when there is a number. */
    public boolean present() {
        return !Double.isNaN(value);
    }
}
