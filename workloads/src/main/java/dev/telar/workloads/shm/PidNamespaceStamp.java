package dev.telar.workloads.shm;

import dev.telar.probe.ProcessIdentity;
import dev.telar.workloads.ipc.PidNamespaceCheck;
import java.nio.file.Path;

/**
 * Keeps the PID namespace a shared file was made in, in one word of its header, so that a process
 * of another namespace is refused ({@link PidNamespaceCheck}): every file that names processes by pid
 * (exchange lanes, queues, values, process primitives) carries it.
 */
public final class PidNamespaceStamp {
    private PidNamespaceStamp() {
    }

    /** Records this process's namespace at {@code offset} (at creation, before the magic is published). */
    public static void write(MappedFile region, long offset) {
        region.put(offset, ProcessIdentity.pidNamespace());
    }

    /** @throws IllegalStateException when the file was made in another PID namespace */
    public static void check(MappedFile region, long offset, Path file) {
        PidNamespaceCheck.check(region.getVolatile(offset), file);
    }
}
