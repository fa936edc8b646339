package dev.telar.workloads.sync;

import java.nio.file.Path;

class ThreadBarrierTest extends BarrierContract {
    @Override
    protected SyncPrimitives newFamily(Path dir) {
        return threads();
    }
}
