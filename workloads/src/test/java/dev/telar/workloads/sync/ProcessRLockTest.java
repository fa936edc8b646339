package dev.telar.workloads.sync;

import java.nio.file.Path;

class ProcessRLockTest extends RLockContract {
    @Override
    protected SyncPrimitives newFamily(Path dir) {
        return processes(dir);
    }
}
