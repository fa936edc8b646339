package dev.telar.workloads.sync;

import java.nio.file.Path;

class ThreadEventTest extends EventContract {
    @Override
    protected SyncPrimitives newFamily(Path dir) {
        return threads();
    }
}
