package dev.telar.workloads.sync;

import java.nio.file.Path;

class ProcessBarrierTest extends BarrierContract {
    @Override
    protected SyncPrimitives newFamily(Path dir) {
        return processes(dir);
    }
}
