package dev.telar.workloads.sync;

import java.nio.file.Path;

class ProcessSemaphoreTest extends SemaphoreContract {
    @Override
    protected SyncPrimitives newFamily(Path dir) {
        return processes(dir);
    }
}
