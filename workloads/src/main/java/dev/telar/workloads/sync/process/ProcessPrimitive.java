package dev.telar.workloads.sync.process;

import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.shm.WakeWord;
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
        // Every process primitive sleeps on a futex: bind it while the primitive is opened, so that
        // a scenario's or benchmark's first wait does not pay the binding's few hundred ms.
        WakeWord.bind();
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
