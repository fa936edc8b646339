package dev.telar.workloads.mechanism;

import dev.telar.probe.ProcessIdentity;
import dev.telar.workloads.ipc.PidNamespaceCheck;
import java.nio.file.Path;

/** Keeps an exchange file's PID namespace in one word of its header ({@link PidNamespaceCheck}). */
final class PidNamespaceStamp {
    private PidNamespaceStamp() {
    }

    /** Records this process's namespace at {@code offset} (at creation, before the magic is published). */
    static void write(MappedRegion region, long offset) {
        region.put(offset, ProcessIdentity.pidNamespace());
    }

    /** @throws IllegalStateException when the file was made in another PID namespace */
    static void check(MappedRegion region, long offset, Path file) {
        PidNamespaceCheck.check(region.getVolatile(offset), file);
    }
}
