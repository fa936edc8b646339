package dev.telar.workloads.sync.remote;

import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.SyncPrimitive;
import dev.telar.workloads.sync.SyncState;

/**
 * What every remote primitive shares: its name, its node {@code /sync/SPACE/NAME} and closing.
 * Closing forgets the primitive in this JVM; its nodes stay for the other participants (the space's
 * creator removes them, see {@link RemoteSync#removeSpace()}).
 */
abstract class RemotePrimitive<S extends SyncState> implements SyncPrimitive<S> {
    final Space space;
    final String name;
    /** {@code /sync/SPACE/NAME}, relative to the client's namespace. */
    final String path;
    private volatile boolean closed;

    RemotePrimitive(Space space, String name) {
        this.space = space;
        this.name = name;
        this.path = space.path(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Mode mode() {
        return Mode.REMOTE;
    }

    /** @throws IllegalStateException after {@link #close()} */
    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(kind() + " '" + name + "' is closed");
        }
    }

    /** "Lock", "Semaphore", ...: for messages. */
    abstract String kind();

    /** The words of a failure: "Lock 'name': what". */
    String what(String what) {
        return kind() + " '" + name + "': cannot " + what;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return kind() + " '" + name + "' in space '" + space.name + "' (remote)";
    }
}
