package dev.telar.workloads.sync.process;

import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.SyncPrimitive;
import dev.telar.workloads.sync.SyncState;

/** What every process primitive has alike: a name and the shared region it lives in, closed with it. */
abstract class ProcessPrimitive<S extends SyncState> implements SyncPrimitive<S> {
    final MappedFile region;
    final String name;

    ProcessPrimitive(MappedFile region, String name) {
        this.region = region;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Mode mode() {
        return Mode.PROCESSES;
    }

    @Override
    public void close() {
        region.close();
    }
}
