package dev.telar.workloads.exchange;

/**
 * One figure of {@link IpcBench}, named as the Python peer names it.
 *
 * @param name         {@code pipe}, {@code queue}, {@code value_locked_incr}, {@code array_store} or
 *                     {@code manager_dict_locked_incr}
 * @param opsPerSecond operations (messages, increments, stores) per second, both processes together
 * @param operations   operations timed
 * @param seconds      from the start signal to the end of the last process's operations
 * @param p50Micros    pipe: median one-way latency of single messages (no backlog), microseconds;
 *                     NaN for the others
 * @param p99Micros    99th percentile of the same
 * @param jvmStartMs   from launching the two JVMs until both were ready (start, opening the
 *                     mechanism, warm-up), milliseconds: not part of {@code seconds}
 * @param processes    processes taking part (2)
 * @param verified     the shared result was checked (final counter equal to the increments made)
 */
public record BenchFigure(String name, double opsPerSecond, long operations, double seconds, double p50Micros,
                          double p99Micros, double jvmStartMs, int processes, boolean verified) {
}
