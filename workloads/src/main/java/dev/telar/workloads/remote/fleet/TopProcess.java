package dev.telar.workloads.remote.fleet;

import java.util.Objects;

/**
 * One of a host's busiest processes at a sample.
 *
 * @param pid      process id on that host
 * @param name     short name ({@code comm}), control characters replaced by '?'
 * @param cpuPct   CPU used over the agent's last interval, percent of one core (may exceed 100)
 * @param rssBytes resident set size, bytes
 */
public record TopProcess(int pid, String name, double cpuPct, long rssBytes) {
    public TopProcess {
        name = SummaryCodec.clean(Objects.requireNonNull(name, "name"));
    }
}
