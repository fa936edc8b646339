package dev.telar.workloads.sync.thread;

import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.SyncPrimitive;
import dev.telar.workloads.sync.SyncState;

/** What every thread primitive has alike: a name, and nothing to release (it lives on the heap). */
abstract class ThreadPrimitive<S extends SyncState> implements SyncPrimitive<S> {
    final String name;

    ThreadPrimitive(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Mode mode() {
        return Mode.THREADS;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
