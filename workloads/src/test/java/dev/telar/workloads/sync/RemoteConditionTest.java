package dev.telar.workloads.sync;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

class RemoteConditionTest extends ConditionContract {
    @RegisterExtension
    static final RemoteSpaces REMOTE = new RemoteSpaces();

    @Override
    protected SyncPrimitives newFamily(Path dir) {
        return REMOTE.newFamily();
    }
}
