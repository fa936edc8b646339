package dev.telar.workloads.sync.process;

import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.sync.SyncRLock;
import java.nio.file.Path;

/**
 * The lecture's RLock between processes: as {@link ProcessLock}, plus a hold count that only the
 * holder changes. Reentrant per thread (each thread of a JVM is its own owner). Thread-safe.
 */
public final class ProcessRLock extends ProcessLockBase implements SyncRLock {
    private ProcessRLock(MappedFile region, String name) {
        super(region, true, name);
    }

    /** Opens the RLock in {@code file}, creating it (free) when the file does not exist. */
    public static ProcessRLock open(Path file) {
        return new ProcessRLock(PrimitiveFile.openOrCreate(file, PrimitiveFile.Kind.RLOCK, DATA_BYTES), ProcessSync.nameOf(file));
    }

    @Override
    public int holdCount() {
        return holdsOfCurrentThread();
    }

    @Override
    public boolean isReentrant() {
        return true;
    }
}
