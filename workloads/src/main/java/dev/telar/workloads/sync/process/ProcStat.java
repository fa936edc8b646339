package dev.telar.workloads.sync.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads what liveness checks need from {@code /proc/<pid>/stat}: the state and the start time. */
final class ProcStat {
    /** Returned when the process does not exist or is a zombie. */
    static final long GONE = -1;

    private ProcStat() {
    }

    /**
     * Start time of a live process in clock ticks since boot, or {@link #GONE} when it has ended
     * (no such process, or a zombie waiting to be reaped).
     */
    static long startTicks(long pid) {
        String text;
        try {
            text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return GONE;
        } catch (IOException e) {
            // the process vanished while we read (ESRCH), or /proc is unreadable: treat as gone
            // only when the directory is gone too, so an odd read error never steals a live lock
            return Files.exists(Path.of("/proc", Long.toString(pid))) ? Long.MAX_VALUE : GONE;
        }
        return parseStartTicks(text);
    }

    /** Package-private for tests: the start time from a stat line, GONE for a zombie or dead one. */
    static long parseStartTicks(String stat) {
        // The command name (field 2) is in parentheses and may hold spaces or ')': skip to the last ')'.
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc stat line: " + stat);
        }
        String[] fields = stat.substring(close + 2).trim().split(" ");
        // fields[0] is field 3 (state); starttime is field 22
        char state = fields[0].charAt(0);
        if (state == 'Z' || state == 'X' || state == 'x') {
            return GONE;
        }
        return Long.parseLong(fields[22 - 3]);
    }
}
