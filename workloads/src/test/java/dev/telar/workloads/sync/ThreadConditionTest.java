package dev.telar.workloads.sync;

import java.nio.file.Path;

class ThreadConditionTest extends ConditionContract {
    @Override
    protected SyncPrimitives newFamily(Path dir) {
        return threads();
    }
}
