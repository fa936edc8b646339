package dev.telar.workloads.exchange;

import dev.telar.workloads.proc.ChildExit;
import java.util.Optional;

/**
 * What one child process of an exchange did.
 *
 * @param index    its process number, 0-based
 * @param pid      its operating-system pid
 * @param exit     how it ended; empty if it was still running when the run ended (cancelled)
 * @param sent     messages it wrote (read back from its lane), or -1 for mechanisms without messages
 * @param received messages from it the parent received, or 1/0 for whether its result arrived
 * @param cpuSeconds CPU time it reported after the start signal, NaN when it did not report
 */
public record ChildReport(int index, long pid, Optional<ChildExit> exit, long sent, long received, double cpuSeconds) {
}
