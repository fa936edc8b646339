package dev.telar.probe;

import java.nio.file.Path;

/**
 * Per-core tick counters read straight from {@code /proc/stat}.
 *
 * <p>OSHI reads the same counters, but through line lists and regular expressions: about 0.7 ms
 * of CPU per call at one call a second (measured here), more than the rest of a sample. This
 * reads the file into a reused buffer and parses the digits in place. Not thread-safe: one
 * instance per sampling thread.
 */
final class ProcStatTicks implements CoreTicks {
    private final ProcFiles files;

    ProcStatTicks(Path procRoot) {
        this.files = new ProcFiles(procRoot);
    }

    @Override
    public long[][] read() {
        if (!files.read("stat")) {
            throw new IllegalStateException("cannot read " + files.root() + "/stat");
        }
        return parse(files.buffer(), files.length());
    }

    /** Parses the {@code cpuN} lines of {@code /proc/stat} text; same result as {@link ProcParsers#parseCoreTicks}. */
    static long[][] parse(byte[] buf, int len) {
        int cores = 0;
        for (int i = 0; i + 3 < len; i++) {
            if ((i == 0 || buf[i - 1] == '\n') && isCoreLine(buf, i, len)) {
                cores++;
            }
        }
        long[][] out = new long[cores][];
        int core = 0;
        for (int i = 0; i + 3 < len && core < cores; i++) {
            if ((i == 0 || buf[i - 1] == '\n') && isCoreLine(buf, i, len)) {
                int p = i + 3;
                while (p < len && buf[p] != ' ') {
                    p++; // skip the core number
                }
                long[] ticks = new long[LoadMath.TICK_FIELDS];
                for (int field = 0; field < ticks.length; field++) {
                    while (p < len && buf[p] == ' ') {
                        p++;
                    }
                    long v = 0;
                    while (p < len && buf[p] >= '0' && buf[p] <= '9') {
                        v = v * 10 + (buf[p] - '0');
                        p++;
                    }
                    ticks[field] = v;
                }
                out[core++] = ticks;
                i = p;
            }
        }
        return out;
    }

    private static boolean isCoreLine(byte[] buf, int i, int len) {
        return buf[i] == 'c' && buf[i + 1] == 'p' && buf[i + 2] == 'u' && i + 3 < len && buf[i + 3] >= '0'
                && buf[i + 3] <= '9';
    }
}
