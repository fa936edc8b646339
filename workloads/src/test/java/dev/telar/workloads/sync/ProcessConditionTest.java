package dev.telar.workloads.sync;

import java.nio.file.Path;

class ProcessConditionTest extends ConditionContract {
    @Override
    protected SyncPrimitives newFamily(Path dir) {
        return processes(dir);
    }
}
