package dev.telar.probe;

/**
 * The fields Telar uses from one {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat} line.
 *
 * @param id          pid or tid (field 1)
 * @param name        {@code comm} (field 2), without the parentheses
 * @param state       state letter (field 3)
 * @param ppid        parent pid (field 4)
 * @param userTicks   user-mode time, clock ticks (field 14)
 * @param systemTicks kernel-mode time, clock ticks (field 15)
 * @param threads     number of threads (field 20)
 * @param startTicks  start time after boot, clock ticks (field 22); tells a reused pid apart
 * @param rssPages    resident set size, pages (field 24)
 * @param processor   core last run on (field 39), or -1 when the kernel does not report it
 */
public record TaskStat(int id, String name, char state, int ppid, long userTicks, long systemTicks,
                       int threads, long startTicks, long rssPages, int processor) {
    /** User plus system time, clock ticks. */
    public long cpuTicks() {
        return userTicks + systemTicks;
    }
}
