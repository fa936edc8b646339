package dev.telar.workloads.sync.remote;

/**
 * The remote Lock: not reentrant, as the lecture's Lock (a holder acquiring again waits for
 * itself). See {@link RemoteMutex} for what it guarantees across machines.
 */
final class RemoteSyncLock extends RemoteMutex {
    RemoteSyncLock(Space space, String name) {
        super(space, name);
    }

    @Override
    String kind() {
        return "Lock";
    }
}
