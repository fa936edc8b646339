package dev.telar.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process named so that a recycled pid is never taken for it: the pid plus the process's start
 * time in clock ticks since boot (field 22 of {@code /proc/<pid>/stat}). This is the one liveness
 * rule of Telar: every place that decides "that process is dead" (run directories, exchange locks,
 * queue claims, sync primitives, the pool) asks {@link #isAlive()}. Start ticks come from the
 * kernel's monotonic boot clock, so a wall-clock jump (a robot without a real-time clock setting
 * its time from the network) cannot make a live process look dead or a dead one alive.
 *
 * <p>Immutable and thread-safe. Pids are of the caller's PID namespace; see {@link #pidNamespace()}.
 *
 * @param pid        process id, &gt; 0
 * @param startTicks start time after boot in clock ticks (USER_HZ, usually 100 per second), &ge; 0
 */
public record ProcessIdentity(long pid, long startTicks) {
    /** What {@link #startTicksOf(long)} returns for a process that does not exist or is a zombie. */
    public static final long GONE = -1;
    /**
     * What {@link #startTicksOf(long)} returns when {@code /proc/<pid>} exists but its stat could not
     * be read: the process is there, its start time unknown. Callers treat it as alive, so an odd
     * read error never takes a live holder's lock away.
     */
    public static final long UNKNOWN = Long.MAX_VALUE;

    private static final ProcessIdentity SELF = new ProcessIdentity(ProcessHandle.current().pid(),
            startTicksOf(ProcessHandle.current().pid()));

    public ProcessIdentity {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive: " + pid);
        }
        if (startTicks < 0) {
            throw new IllegalArgumentException("start ticks must not be negative: " + startTicks);
        }
    }

    /** This JVM. */
    public static ProcessIdentity current() {
        return SELF;
    }

    /** The live process {@code pid} as it is now, or empty when there is none (or only a zombie). */
    public static Optional<ProcessIdentity> of(long pid) {
        long start = startTicksOf(pid);
        return start == GONE || start == UNKNOWN ? Optional.empty() : Optional.of(new ProcessIdentity(pid, start));
    }

    /**
     * True while a non-zombie process with this pid and this start time exists. A pid now held by
     * a process started at another time is a different process: false.
     */
    public boolean isAlive() {
        if (equals(SELF)) {
            return true;
        }
        long now = startTicksOf(pid);
        return now != GONE && (now == UNKNOWN || now == startTicks);
    }

    /**
     * True while the process is alive, comparing only the low {@code bits} bits of the start time
     * (for records that keep a truncated start time, such as a 64-bit owner word).
     */
    public static boolean isAlive(long pid, long startTicksLowBits, int bits) {
        long now = startTicksOf(pid);
        if (now == GONE) {
            return false;
        }
        long mask = bits >= 63 ? Long.MAX_VALUE : (1L << bits) - 1;
        return now == UNKNOWN || (now & mask) == (startTicksLowBits & mask);
    }

    /**
     * Start time of a live process in clock ticks since boot; {@link #GONE} when it has ended (no
     * such process, or a zombie); {@link #UNKNOWN} when {@code /proc/<pid>} exists but is unreadable.
     */
    public static long startTicksOf(long pid) {
        if (pid <= 0) {
            return GONE;
        }
        String text;
        try {
            text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return GONE;
        } catch (IOException e) {
            // ESRCH while the process exits, or an unreadable /proc: gone only if the directory is
            return Files.exists(Path.of("/proc", Long.toString(pid))) ? UNKNOWN : GONE;
        }
        return parseStartTicks(text);
    }

    /** The start ticks of a {@code /proc/<pid>/stat} line; {@link #GONE} for a zombie or a dead process. */
    public static long parseStartTicks(String stat) {
        // The command name (field 2) is in parentheses and may hold spaces or ')': skip to the last ')'.
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 > stat.length()) {
            throw new IllegalArgumentException("not a /proc stat line: " + stat);
        }
        String[] fields = stat.substring(close + 2).trim().split(" ");
        if (fields.length < 20) {
            throw new IllegalArgumentException("not a /proc stat line: " + stat);
        }
        // fields[0] is field 3 (state); starttime is field 22
        char state = fields[0].charAt(0);
        if (state == 'Z' || state == 'X' || state == 'x') {
            return GONE;
        }
        return Long.parseLong(fields[22 - 3]);
    }

    /**
     * The text form {@code <pid>:<startTicks>}, as written into marker files; {@link #parse} reads it.
     */
    public String text() {
        return pid + ":" + startTicks;
    }

    /**
     * Reads {@link #text()}'s form.
     *
     * @return empty when the text is not of that form
     */
    public static Optional<ProcessIdentity> parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(t.substring(0, colon));
            long start = Long.parseLong(t.substring(colon + 1));
            return pid > 0 && start >= 0 ? Optional.of(new ProcessIdentity(pid, start)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The inode of this process's PID namespace ({@code /proc/self/ns/pid}), or 0 when it cannot be
     * read. Two processes see the same pids only when this number is equal; a record written in
     * another namespace names processes this one cannot check.
     */
    public static long pidNamespace() {
        return PID_NAMESPACE;
    }

    /** A process's PID namespace never changes, so it is read once (every shared file's open checks it). */
    private static final long PID_NAMESPACE = readPidNamespace();

    private static long readPidNamespace() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString(); // pid:[4026531836]
            int open = link.indexOf('[');
            int close = link.indexOf(']');
            return open >= 0 && close > open ? Long.parseLong(link.substring(open + 1, close)) : 0;
        } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return "pid " + pid;
    }
}
