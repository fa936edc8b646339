package dev.telar.probe;

/**
 * One thread (kernel task) of a process, as read from {@code /proc/<pid>/task/<tid>/stat}.
 *
 * @param tid        thread id (kernel task id)
 * @param name       thread name ({@code comm}, at most 15 characters as the kernel keeps it)
 * @param state      kernel state letter: R running, S sleeping, D disk wait, Z zombie, T stopped, ...
 * @param cpuPct     CPU used over the last interval, percent of one core (0..100)
 * @param lastCore   logical core the thread last ran on (field 39, {@code processor}); current while it runs
 * @param cpuSeconds CPU time used since the thread started (user + system), seconds
 */
public record ThreadInfo(int tid, String name, char state, double cpuPct, int lastCore, double cpuSeconds) {
}
