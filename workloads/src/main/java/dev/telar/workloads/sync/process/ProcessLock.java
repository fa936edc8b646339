package dev.telar.workloads.sync.process;

import dev.telar.workloads.shm.MappedFile;
import java.nio.file.Path;

/** The lecture's Lock between processes; see {@link ProcessLockBase} for the algorithm. Thread-safe. */
public final class ProcessLock extends ProcessLockBase {
    private ProcessLock(MappedFile region, String name) {
        super(region, false, name);
    }

    /** Opens the lock in {@code file}, creating it (free) when the file does not exist. */
    public static ProcessLock open(Path file) {
        return new ProcessLock(PrimitiveFile.openOrCreate(file, PrimitiveFile.Kind.LOCK, DATA_BYTES), ProcessSync.nameOf(file));
    }
}
