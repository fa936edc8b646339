package dev.telar.workloads.sync;

import java.nio.file.Path;

class ThreadSemaphoreTest extends SemaphoreContract {
    @Override
    protected SyncPrimitives newFamily(Path dir) {
        return threads();
    }
}
