package dev.telar.workloads.bench;

import java.util.Arrays;

/**
 * One figure of {@link IpcBench}, named as the Python peer names it.
 *
 * @param name          {@code pipe}, {@code queue}, {@code value_locked_incr}, {@code array_store} or
 *                      {@code manager_dict_locked_incr}
 * @param opsPerSecond  operations (messages, increments, stores) per second, both processes together,
 *                      in the median round
 * @param operations    operations timed in one round
 * @param seconds       the median round's time, from its start signal to the end of the last
 *                      process's operations
 * @param p50Micros     pipe: median one-way latency of single messages (no backlog), microseconds;
 *                      NaN for the others
 * @param p99Micros     99th percentile of the same
 * @param readyMs       from launching the two JVMs until both were ready (JVM start, opening the
 *                      mechanism, warm-up until steady), milliseconds: not part of {@code seconds}
 * @param processes     processes taking part (2)
 * @param verified      the shared result was checked (final counter equal to the increments made)
 * @param roundSeconds  every round's time, in the order run
 */
public record BenchFigure(String name, double opsPerSecond, long operations, double seconds, double p50Micros,
                          double p99Micros, double readyMs, int processes, boolean verified, double[] roundSeconds) {

    public BenchFigure {
        roundSeconds = roundSeconds.clone();
    }

    /** The figure of rounds of {@code operations} each that took {@code roundSeconds}: their median counts. */
    static BenchFigure ofRounds(String name, long operations, double[] roundSeconds, double p50Micros,
                                double p99Micros, double readyMs, int processes, boolean verified) {
        double[] sorted = roundSeconds.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        return new BenchFigure(name, operations / median, operations, median, p50Micros, p99Micros, readyMs,
                processes, verified, roundSeconds);
    }

    @Override
    public double[] roundSeconds() {
        return roundSeconds.clone();
    }

    /** Operations per second of each round, in the order run. */
    public double[] roundRates() {
        return Arrays.stream(roundSeconds).map(s -> operations / s).toArray();
    }
}
