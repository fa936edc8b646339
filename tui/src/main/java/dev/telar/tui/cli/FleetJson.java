package dev.telar.tui.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.telar.workloads.remote.fleet.FleetRow;
import dev.telar.workloads.remote.fleet.FleetSnapshot;
import dev.telar.workloads.remote.fleet.HostSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of {@code telar fleet --json}: plain records mapped by hand from the fleet's
 * records, written by Jackson with snake_case names. Times are milliseconds since the epoch (and
 * ISO-8601 text); ages and "gone" times are by this machine's clock, "sampled" by the host's.
 */
public final class FleetJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.INDENT_OUTPUT);

    private FleetJson() {
    }

    /** The fleet as one line of JSON. */
    public static String toLine(FleetSnapshot fleet) {
        try {
            return MAPPER.writeValueAsString(of(fleet));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the fleet as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Fleet of(FleetSnapshot fleet) {
        return new Fleet(Instant.ofEpochMilli(fleet.takenAtMillis()).toString(), fleet.takenAtMillis(),
                fleet.rows().stream().map(r -> host(r, fleet.takenAtMillis())).toList());
    }

    private static Host host(FleetRow r, long now) {
        HostSummary s = r.latest();
        double[] avg = s.loadAverage();
        return new Host(s.host(), r.live() ? "live" : "gone", r.live() ? null : r.goneAtMillis(), r.ageMillis(now),
                s.agentPid(), s.sampledAtMillis(), s.cores(), s.coreLoads(), new LoadAverage(avg[0], avg[1], avg[2]),
                new Memory(s.memoryUsedBytes(), s.memoryTotalBytes()),
                s.top().stream().map(p -> new Process(p.pid(), p.name(), p.cpuPct(), p.rssBytes())).toList(),
                s.jobs().stream().map(j -> new Job(j.pid(), j.kind(), j.cpuPct(), j.rssBytes(), j.threads())).toList(),
                s.running().stream().map(j -> new Running(j.pid(), j.kind(), j.label(), j.startedAtMillis(),
                        j.elapsedMillis(s.sampledAtMillis()), j.figures())).toList());
    }

    /** The document. */
    public record Fleet(String time, long timeMs, List<Host> hosts) {
    }

    /** One host: {@code state} is "live" or "gone" ({@code gone_at_ms} then set). */
    public record Host(String name, String state, Long goneAtMs, long ageMs, int agentPid, long sampledAtMs, int cores,
                       double[] coreLoads, LoadAverage loadAverage, Memory memory, List<Process> top, List<Job> telarJobs,
                       List<Running> runningJobs) {
    }

    /** 1-, 5- and 15-minute load averages. */
    public record LoadAverage(double m1, double m5, double m15) {
    }

    /** Physical memory, bytes. */
    public record Memory(long usedBytes, long totalBytes) {
    }

    /** One of the busiest processes; CPU in percent of one core. */
    public record Process(int pid, String name, double cpuPct, long rssBytes) {
    }

    /**
     * A job a lab engine on the host runs: its kind, label, start (host's clock) and time running
     * at the sample, milliseconds; its figures as {@code RunningJob} names them (units there).
     */
    public record Running(long pid, String kind, String label, long startedAtMs, long elapsedMs, Map<String, Double> figures) {
    }

    /** A Telar process on the host. */
    public record Job(int pid, String kind, double cpuPct, long rssBytes, int threads) {
    }
}
