package dev.telar.workloads.sync.remote;

import dev.telar.workloads.sync.SyncRLock;

/**
 * The remote RLock: its holder thread may acquire again, each acquire needing its own release;
 * only the first acquire and the last release talk to the queue on the manager. See
 * {@link RemoteMutex} for what it guarantees across machines.
 */
final class RemoteSyncRLock extends RemoteMutex implements SyncRLock {
    RemoteSyncRLock(Space space, String name) {
        super(space, name);
    }

    @Override
    String kind() {
        return "RLock";
    }

    @Override
    public int holdCount() {
        return depth();
    }
}
