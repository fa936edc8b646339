package dev.telar.probe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure parsers for the {@code /proc} text formats Telar reads. No I/O: callers hand in the bytes,
 * tests hand in fixture text. Each method says which file it parses.
 */
public final class ProcParsers {
    private ProcParsers() {
    }

    /**
     * Parses {@code /proc/<pid>/stat} (or a task's stat). The name may contain spaces and
     * parentheses, so fields are counted from the last {@code ')'}.
     *
     * @return the parsed fields, or {@code null} when the text is not a stat line
     */
    public static TaskStat parseStat(byte[] buf, int len) {
        int open = indexOf(buf, len, (byte) '(');
        int close = lastIndexOf(buf, len, (byte) ')');
        if (open < 0 || close < open) {
            return null;
        }
        int id = (int) parseLong(buf, 0, open);
        String name = new String(buf, open + 1, close - open - 1, StandardCharsets.UTF_8);
        // Fields after ')' start with field 3 (state); walk them once.
        long[] wanted = new long[40];
        char state = '?';
        int field = 3;
        int i = close + 1;
        while (i < len && field <= 39) {
            while (i < len && buf[i] == ' ') {
                i++;
            }
            int start = i;
            while (i < len && buf[i] != ' ' && buf[i] != '\n') {
                i++;
            }
            if (start == i) {
                break;
            }
            if (field == 3) {
                state = (char) buf[start];
            } else {
                wanted[field] = parseLong(buf, start, i);
            }
            field++;
        }
        if (field <= 24) {
            return null;
        }
        int processor = field > 39 ? (int) wanted[39] : -1;
        return new TaskStat(id, name, state, (int) wanted[4], wanted[14], wanted[15], (int) wanted[20],
                wanted[22], wanted[24], processor);
    }

    /** Convenience for tests and one-off reads: {@link #parseStat(byte[], int)} on a string. */
    public static TaskStat parseStat(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parseStat(b, b.length);
    }

    /**
     * Parses the per-core lines of {@code /proc/stat} ({@code cpuN user nice system idle iowait irq softirq steal}).
     *
     * @return one tick array per core in core order, each in {@link LoadMath} order; the aggregate
     *         {@code cpu} line is skipped
     */
    public static long[][] parseCoreTicks(String procStat) {
        List<long[]> cores = new ArrayList<>();
        for (String line : procStat.split("\n")) {
            if (line.startsWith("cpu") && line.length() > 3 && Character.isDigit(line.charAt(3))) {
                String[] parts = line.trim().split("\\s+");
                long[] ticks = new long[LoadMath.TICK_FIELDS];
                for (int k = 0; k < ticks.length && k + 1 < parts.length; k++) {
                    ticks[k] = Long.parseLong(parts[k + 1]);
                }
                cores.add(ticks);
            }
        }
        return cores.toArray(new long[0][]);
    }

    /** Parses {@code /proc/meminfo}; missing MemAvailable (kernels before 3.14) falls back to MemFree. */
    public static MemoryInfo parseMeminfo(String text) {
        long total = 0;
        long available = -1;
        long free = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("MemTotal:")) {
                total = kib(line);
            } else if (line.startsWith("MemAvailable:")) {
                available = kib(line);
            } else if (line.startsWith("MemFree:")) {
                free = kib(line);
            }
        }
        return new MemoryInfo(total, available >= 0 ? available : free);
    }

    /** Parses {@code /proc/loadavg} into the 1-, 5- and 15-minute averages. */
    public static double[] parseLoadavg(String text) {
        String[] parts = text.trim().split("\\s+");
        double[] out = new double[3];
        for (int k = 0; k < 3 && k < parts.length; k++) {
            out[k] = Double.parseDouble(parts[k]);
        }
        return out;
    }

    /** Parses {@code /proc/uptime} into whole seconds since boot. */
    public static long parseUptime(String text) {
        String first = text.trim().split("\\s+")[0];
        return (long) Double.parseDouble(first);
    }

    /** The real uid from {@code /proc/<pid>/status} ({@code Uid:} line), or -1 if absent. */
    public static int parseStatusUid(String text) {
        int at = text.indexOf("\nUid:");
        if (at < 0) {
            return -1;
        }
        String rest = text.substring(at + 5).trim();
        int end = 0;
        while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Integer.parseInt(rest.substring(0, end));
    }

    /** Joins the NUL-separated arguments of {@code /proc/<pid>/cmdline} with spaces. */
    public static String parseCmdline(byte[] buf, int len) {
        int end = len;
        while (end > 0 && buf[end - 1] == 0) {
            end--;
        }
        byte[] copy = new byte[end];
        for (int k = 0; k < end; k++) {
            copy[k] = buf[k] == 0 ? (byte) ' ' : buf[k];
        }
        return new String(copy, StandardCharsets.UTF_8);
    }

    private static long kib(String line) {
        String[] parts = line.split("\\s+");
        return Long.parseLong(parts[1]) * 1024L;
    }

    private static long parseLong(byte[] buf, int from, int to) {
        long value = 0;
        boolean negative = false;
        for (int k = from; k < to; k++) {
            byte c = buf[k];
            if (c == '-') {
                negative = true;
            } else if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
            }
        }
        return negative ? -value : value;
    }

    private static int indexOf(byte[] buf, int len, byte b) {
        for (int k = 0; k < len; k++) {
            if (buf[k] == b) {
                return k;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] buf, int len, byte b) {
        for (int k = len - 1; k >= 0; k--) {
            if (buf[k] == b) {
                return k;
            }
        }
        return -1;
    }
}
