package dev.telar.workloads.remote.fleet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link HostSummary} as node data: a few UTF-8 lines of words separated by single spaces,
 * written here by hand (no library), about 600 bytes for a 2-core host with 5 processes, and
 * 100 to 150 more per running job (at most about 450: a 60-character label, 8 long figures).
 *
 * <pre>
 * telar-fleet 1
 * host NAME AGENT_PID SAMPLED_AT_MS
 * cores LOAD0 LOAD1 ...            (0..1, three decimals)
 * load L1 L5 L15                   (two decimals)
 * memory USED_BYTES TOTAL_BYTES
 * top PID CPU_PCT RSS_BYTES NAME   (one line per process; CPU one decimal; the name is the rest of the line)
 * job PID CPU_PCT RSS_BYTES THREADS KIND
 * running PID STARTED_AT_MS KIND FIGURES LABEL
 *                                  (one line per running job; FIGURES is NAME=VALUE,NAME=VALUE...
 *                                  with values to three decimals, or '-' for none; the label is the rest)
 * </pre>
 *
 * Figures are rounded as shown, so a decoded summary equals the original when its figures already
 * had those decimals. Names never hold a line break ({@link #clean}). A reader skips lines of a
 * kind it does not know, so a later agent may add kinds of line without cutting older watchers off
 * (a watcher older than the {@code running} line refuses summaries that have one).
 */
public final class SummaryCodec {
    /** The first line: the format and its version. */
    static final String MAGIC = "telar-fleet 1";

    private SummaryCodec() {
    }

    /** The node data for {@code s}. */
    public static byte[] encode(HostSummary s) {
        StringBuilder b = new StringBuilder(512);
        b.append(MAGIC).append('\n');
        b.append("host ").append(s.host()).append(' ').append(s.agentPid()).append(' ').append(s.sampledAtMillis()).append('\n');
        b.append("cores");
        for (double load : s.coreLoads()) {
            b.append(' ').append(fixed(load, 3));
        }
        b.append('\n');
        double[] avg = s.loadAverage();
        b.append("load ").append(fixed(avg[0], 2)).append(' ').append(fixed(avg[1], 2)).append(' ').append(fixed(avg[2], 2)).append('\n');
        b.append("memory ").append(s.memoryUsedBytes()).append(' ').append(s.memoryTotalBytes()).append('\n');
        for (TopProcess p : s.top()) {
            b.append("top ").append(p.pid()).append(' ').append(fixed(p.cpuPct(), 1)).append(' ').append(p.rssBytes())
                    .append(' ').append(p.name()).append('\n');
        }
        for (TelarJob j : s.jobs()) {
            b.append("job ").append(j.pid()).append(' ').append(fixed(j.cpuPct(), 1)).append(' ').append(j.rssBytes())
                    .append(' ').append(j.threads()).append(' ').append(j.kind()).append('\n');
        }
        for (RunningJob r : s.running()) {
            b.append("running ").append(r.pid()).append(' ').append(r.startedAtMillis()).append(' ').append(r.kind()).append(' ');
            if (r.figures().isEmpty()) {
                b.append('-');
            }
            String comma = "";
            for (Map.Entry<String, Double> f : r.figures().entrySet()) {
                b.append(comma).append(f.getKey()).append('=').append(fixed(f.getValue(), 3));
                comma = ",";
            }
            b.append(' ').append(r.label()).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A {@code running} line's job. */
    private static RunningJob running(String line) {
        String[] w = line.split(" ", 6);
        if (w.length != 6) {
            throw new IllegalArgumentException("not a fleet summary: expected 'running' and 5 words in '" + line + "'");
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        if (!w[4].equals("-")) {
            for (String f : w[4].split(",")) {
                int eq = f.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("not a fleet summary: a figure without '=' in '" + line + "'");
                }
                figures.put(f.substring(0, eq), Double.parseDouble(f.substring(eq + 1)));
            }
        }
        return new RunningJob(Long.parseLong(w[1]), w[3], w[5], Long.parseLong(w[2]), figures);
    }

    /**
     * The summary held in {@code data}.
     *
     * @throws IllegalArgumentException when the data is not this format, saying which line is wrong
     */
    public static HostSummary decode(byte[] data) {
        String[] lines = new String(data, StandardCharsets.UTF_8).split("\n");
        if (lines.length < 5 || !lines[0].equals(MAGIC)) {
            throw new IllegalArgumentException("not a fleet summary: the data does not start with '" + MAGIC + "'");
        }
        try {
            String[] host = words(lines[1], "host", 4);
            String[] cores = lines[2].split(" ");
            if (!cores[0].equals("cores")) {
                throw new IllegalArgumentException("line 3 is not 'cores'");
            }
            double[] loads = new double[cores.length - 1];
            for (int i = 1; i < cores.length; i++) {
                loads[i - 1] = Double.parseDouble(cores[i]);
            }
            String[] load = words(lines[3], "load", 4);
            String[] memory = words(lines[4], "memory", 3);
            List<TopProcess> top = new ArrayList<>();
            List<TelarJob> jobs = new ArrayList<>();
            List<RunningJob> running = new ArrayList<>();
            for (int i = 5; i < lines.length; i++) {
                if (lines[i].startsWith("top ")) {
                    String[] w = lines[i].split(" ", 5);
                    top.add(new TopProcess(Integer.parseInt(w[1]), w.length > 4 ? w[4] : "", Double.parseDouble(w[2]), Long.parseLong(w[3])));
                } else if (lines[i].startsWith("job ")) {
                    String[] w = words(lines[i], "job", 6);
                    jobs.add(new TelarJob(Integer.parseInt(w[1]), w[5], Double.parseDouble(w[2]), Long.parseLong(w[3]), Integer.parseInt(w[4])));
                } else if (lines[i].startsWith("running ")) {
                    running.add(running(lines[i]));
                }
                // any other line: a kind added by a later agent, skipped
            }
            return new HostSummary(host[1], Integer.parseInt(host[2]), Long.parseLong(host[3]), loads,
                    new double[] {Double.parseDouble(load[1]), Double.parseDouble(load[2]), Double.parseDouble(load[3])},
                    Long.parseLong(memory[1]), Long.parseLong(memory[2]), top, jobs,
                    running.size() > RunningJob.MAX_PER_HOST ? running.subList(0, RunningJob.MAX_PER_HOST) : running);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException bad) {
            throw new IllegalArgumentException("not a fleet summary: " + bad.getMessage(), bad);
        }
    }

    private static String[] words(String line, String first, int count) {
        String[] w = line.split(" ", count);
        if (w.length != count || !w[0].equals(first)) {
            throw new IllegalArgumentException("not a fleet summary: expected '" + first + "' and " + (count - 1) + " words in '" + line + "'");
        }
        return w;
    }

    /** {@code value} with {@code decimals} decimals, trailing zeros dropped. */
    static String fixed(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        // "0.500" → "0.5", "1.000" → "1": a 32-core host's cores line stays short
        if (text.indexOf('.') >= 0) {
            int end = text.length();
            while (text.charAt(end - 1) == '0') {
                end--;
            }
            if (text.charAt(end - 1) == '.') {
                end--;
            }
            text = text.substring(0, end);
        }
        return text;
    }

    /** {@code text} with control characters (line breaks among them) replaced by '?'. */
    static String clean(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                if (b == null) {
                    b = new StringBuilder(text);
                }
                b.setCharAt(i, '?');
            }
        }
        return b == null ? text : b.toString();
    }
}
