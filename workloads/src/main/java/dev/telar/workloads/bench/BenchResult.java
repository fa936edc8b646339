package dev.telar.workloads.bench;

/**
 * One measured figure.
 *
 * @param name        the peer's name ({@code lock_acq_rel}...), {@code thread_} in front for threads
 * @param opsPerSecond operations (acquire+release pairs, barrier rounds, round trips) per second, median round
 * @param operations  operations timed per round
 * @param seconds     the median round's wall time: from its start to the last participant's end
 * @param participants processes or threads taking part
 * @param processes   true when participants are child JVMs
 * @param roundSeconds every round's wall time, in the order run
 */
public record BenchResult(String name, double opsPerSecond, long operations, double seconds, int participants,
                          boolean processes, double[] roundSeconds) {
    public BenchResult {
        roundSeconds = roundSeconds.clone();
    }

    @Override
    public double[] roundSeconds() {
        return roundSeconds.clone();
    }
}
