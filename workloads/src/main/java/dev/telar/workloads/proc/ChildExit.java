package dev.telar.workloads.proc;

/**
 * How a child JVM ended.
 *
 * @param code the exit status as Java reports it: 0..127 for a normal exit, 128 + n when the
 *             child was ended by signal n
 */
public record ChildExit(int code) {
    /** True for exit code 0. */
    public boolean ok() {
        return code == 0;
    }

    /** The signal that ended the child, or 0 when it exited by itself. */
    public int signal() {
        return code > 128 && code < 128 + 65 ? code - 128 : 0;
    }

    /** Short English description, e.g. "exit code 1" or "killed by SIGKILL (9)". */
    public String describe() {
        int sig = signal();
        return sig == 0 ? "exit code " + code : "killed by " + signalName(sig) + " (" + sig + ")";
    }

    /** The usual Linux name of a signal number, e.g. SIGKILL for 9. */
    public static String signalName(int signal) {
        return switch (signal) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 3 -> "SIGQUIT";
            case 6 -> "SIGABRT";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 13 -> "SIGPIPE";
            case 15 -> "SIGTERM";
            default -> "signal " + signal;
        };
    }
}
