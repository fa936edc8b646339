package dev.telar.workloads.sync.bench;

/**
 * One measured figure.
 *
 * @param name        the peer's name ({@code lock_acq_rel}...), {@code thread_} in front for threads
 * @param opsPerSecond operations (acquire+release pairs, barrier rounds, round trips) per second
 * @param operations  operations timed
 * @param seconds     wall time of the timed part: from the first participant's start to the last one's end
 * @param participants processes or threads taking part
 * @param processes   true when participants are child JVMs
 */
public record BenchResult(String name, double opsPerSecond, long operations, double seconds, int participants,
                          boolean processes) {
}
