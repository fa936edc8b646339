package dev.telar.workloads.exchange;

import dev.telar.workloads.mechanism.Mechanism;
/**
 * One look at a running exchange, for a dashboard panel: immutable, taken by the parent process
 * every {@link ExchangeExperiment#STATS_PERIOD_MS} ms.
 *
 * @param mechanism      which mechanism
 * @param elapsedSeconds since the children were let go (the start signal)
 * @param ops            messages received, or updates made for value, array and dict
 * @param opsPerSecond   rate over the last period
 * @param p50Micros      median one-way latency of the messages received lately, microseconds;
 *                       NaN for mechanisms without messages
 * @param p99Micros      99th percentile of the same
 * @param backlog        messages written but not read yet (0 for value, array, dict)
 * @param producersAlive processes still writing
 * @param consumersAlive processes reading (the parent: 1)
 * @param bytesOnDisk    allocated bytes of the run's exchange files
 * @param waits          times a writer waited for a lagging reader or the disk cap
 */
public record ExchangeStats(Mechanism mechanism, double elapsedSeconds, long ops, double opsPerSecond,
                            double p50Micros, double p99Micros, long backlog, int producersAlive,
                            int consumersAlive, long bytesOnDisk, long waits) {
}
