package dev.telar.probe;

import java.util.List;

/**
 * One process as seen at a sample.
 *
 * @param pid         process id
 * @param ppid        parent process id (0 for the kernel's roots)
 * @param user        owner's user name, or the numeric uid when the name is unknown
 * @param state       kernel state letter (R, S, D, Z, T, I, ...)
 * @param cpuPct      CPU used over the last interval, percent of one core; may exceed 100 on several cores
 * @param rssBytes    resident set size, bytes
 * @param threadCount number of threads (kernel tasks)
 * @param name        short name ({@code comm})
 * @param command     full command line, arguments joined by spaces; {@code [name]} for kernel threads
 * @param threads     its threads, only when threads were requested for this process; otherwise empty
 */
public record ProcessInfo(int pid, int ppid, String user, char state, double cpuPct, long rssBytes,
                          int threadCount, String name, String command, List<ThreadInfo> threads) {
    public ProcessInfo {
        threads = List.copyOf(threads);
    }
}
