package dev.telar.workloads.sync;

import java.nio.file.Path;

class ProcessNamingTest extends NamingContract {
    @Override
    protected SyncPrimitives newFamily(Path dir) {
        return processes(dir);
    }

    /** A second family over the same directory, as another JVM opens it. */
    @Override
    protected SyncPrimitives otherParticipant() {
        return processes(dir);
    }
}
