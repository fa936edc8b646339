package dev.telar.workloads.sync;

import java.nio.file.Path;

class ThreadLockTest extends LockContract {
    @Override
    protected SyncPrimitives newFamily(Path dir) {
        return threads();
    }
}
