package dev.telar.workloads.sync;

import dev.telar.workloads.sync.remote.RemoteSync;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

class RemoteNamingTest extends NamingContract {
    @RegisterExtension
    static final RemoteSpaces REMOTE = new RemoteSpaces();

    @Override
    protected SyncPrimitives newFamily(Path dir) {
        return REMOTE.newFamily();
    }

    /** The same space through a client of its own: another session, as another machine reaches it. */
    @Override
    protected SyncPrimitives otherParticipant() {
        try {
            return REMOTE.otherParticipant(((RemoteSync) family).space());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
