package dev.telar.workloads.sync;

import java.nio.file.Path;

class ThreadRLockTest extends RLockContract {
    @Override
    protected SyncPrimitives newFamily(Path dir) {
        return threads();
    }
}
