package dev.telar.workloads.sync;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

class RemoteBarrierTest extends BarrierContract {
    @RegisterExtension
    static final RemoteSpaces REMOTE = new RemoteSpaces();

    @Override
    protected SyncPrimitives newFamily(Path dir) {
        return REMOTE.newFamily();
    }
}
