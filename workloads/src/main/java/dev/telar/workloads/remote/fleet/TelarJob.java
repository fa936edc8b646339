package dev.telar.workloads.remote.fleet;

import java.util.Objects;

/**
 * A Telar process found on a host, told from its command line (see {@link TelarJobs}): a command
 * ({@code run}, {@code sweep}, the dashboard, an agent...), the lab JVM, or a child JVM.
 *
 * @param pid      process id on that host
 * @param kind     what it is: {@code dashboard}, a command name ({@code run}, {@code agent}...),
 *                 {@code lab}, or {@code child:<Target>} (the child's target class, simple name)
 * @param cpuPct   CPU used over the agent's last interval, percent of one core (may exceed 100)
 * @param rssBytes resident set size, bytes
 * @param threads  number of threads (kernel tasks)
 */
public record TelarJob(int pid, String kind, double cpuPct, long rssBytes, int threads) {
    public TelarJob {
        kind = SummaryCodec.clean(Objects.requireNonNull(kind, "kind")).replace(' ', '_');
    }
}
