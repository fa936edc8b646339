package dev.telar.workloads.sync;

import java.nio.file.Path;

class ProcessEventTest extends EventContract {
    @Override
    protected SyncPrimitives newFamily(Path dir) {
        return processes(dir);
    }
}
