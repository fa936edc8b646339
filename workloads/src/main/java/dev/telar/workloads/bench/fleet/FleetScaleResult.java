package dev.telar.workloads.bench.fleet;

import java.util.Locale;
import java.util.Set;

/**
 * What one run of {@link FleetScale} measured. Times in milliseconds, rates per second, sizes in
 * bytes; a figure that could not be taken is -1.
 *
 * @param agents            simulated hosts (agents, each with its own session)
 * @param jvms              child JVMs they ran in
 * @param seconds           length of the measured window
 * @param minLive           fewest live hosts at any glance of the window (four a second)
 * @param maxLive           most live hosts at any glance of the window
 * @param goneWhileRunning  hosts the watch saw gone before the agents were stopped (should be none)
 * @param goneAfterStop     hosts the watch saw gone within the wait after the agents were stopped
 * @param published         summaries the agents wrote over the whole run
 * @param seenPerSecond     summaries the watch read per second in the window
 * @param serverWritesPerSecond the server's transactions per second in the window (its zxid's growth)
 * @param deliveryP50       delay from a host's sample to the watch reading it: median
 * @param deliveryP99       the same, 99th percentile
 * @param deliveryMax       the same, largest
 * @param ageP50            a live row's age at a glance (now minus its sample time): median
 * @param ageP99            the same, 99th percentile
 * @param ageMax            the same, largest
 * @param nodeMean          a host node's data size: mean
 * @param nodeMin           smallest
 * @param nodeMax           largest
 * @param logBytesPerSecond disk the server's data directory grew by per second (blocks actually
 *                          written: its transaction log), -1 when the directory was not given
 * @param serverLatencyAvg  the server's own mean request latency since it started
 * @param serverLatencyMax  its longest request latency since it started
 */
public record FleetScaleResult(int agents, int jvms, int seconds, long minLive, long maxLive, Set<String> goneWhileRunning,
                               long goneAfterStop, long published, double seenPerSecond, double serverWritesPerSecond,
                               long deliveryP50, long deliveryP99, long deliveryMax, long ageP50, long ageP99, long ageMax,
                               int nodeMean, int nodeMin, int nodeMax, double logBytesPerSecond,
                               double serverLatencyAvg, long serverLatencyMax) {
    public FleetScaleResult {
        goneWhileRunning = Set.copyOf(goneWhileRunning);
    }

    /** True when every host was there all through the window and none went before the stop, all after it. */
    public boolean checksPass() {
        return minLive == agents && maxLive == agents && goneWhileRunning.isEmpty() && goneAfterStop == agents;
    }

    /** The checks, one line: each with its figure. */
    public String checksLine() {
        return String.format(Locale.ROOT, "checks %s: live %d..%d of %d, gone while running %d%s, gone after stop %d of %d",
                checksPass() ? "passed" : "FAILED", minLive, maxLive, agents, goneWhileRunning.size(),
                goneWhileRunning.isEmpty() ? "" : " " + goneWhileRunning, goneAfterStop, agents);
    }

    /** The figures, one line of {@code name=value} words. */
    public String figuresLine() {
        return String.format(Locale.ROOT,
                "fleet agents=%d jvms=%d seconds=%d seen_per_s=%.1f server_writes_per_s=%.1f delivery_p50_ms=%d"
                        + " delivery_p99_ms=%d delivery_max_ms=%d age_p50_ms=%d age_p99_ms=%d age_max_ms=%d node_bytes_mean=%d"
                        + " node_bytes_min=%d node_bytes_max=%d log_bytes_per_s=%.0f server_latency_avg_ms=%.2f"
                        + " server_latency_max_ms=%d published=%d",
                agents, jvms, seconds, seenPerSecond, serverWritesPerSecond, deliveryP50, deliveryP99, deliveryMax, ageP50,
                ageP99, ageMax, nodeMean, nodeMin, nodeMax, logBytesPerSecond, serverLatencyAvg, serverLatencyMax, published);
    }
}
