package dev.telar.workloads.sync;

import java.nio.file.Path;

class ProcessLockTest extends LockContract {
    @Override
    protected SyncPrimitives newFamily(Path dir) {
        return processes(dir);
    }
}
