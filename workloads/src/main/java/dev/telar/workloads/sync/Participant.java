package dev.telar.workloads.sync;

/**
 * Who holds or waits for a primitive: a thread of some JVM.
 *
 * @param pid  operating-system process id of the JVM
 * @param tag  identifies the thread within its JVM: the Java thread id for thread primitives, a
 *             small per-JVM number for process and remote primitives (1 for the first thread of a JVM that used one)
 * @param name what a panel shows: the thread name for thread primitives, {@code pid 4321} (or
 *             {@code pid 4321#2} for a JVM's second participating thread) for process primitives, the
 *             same followed by {@code on HOST} for remote ones
 */
public record Participant(long pid, long tag, String name) {
    @Override
    public String toString() {
        return name;
    }
}
