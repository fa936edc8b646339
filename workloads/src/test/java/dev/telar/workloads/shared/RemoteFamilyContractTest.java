package dev.telar.workloads.shared;

import dev.telar.workloads.remote.LoopbackManager;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract on the remote family: a real manager (ZooKeeper) on loopback for the class, its
 * clients in this JVM and in the children. Fewer operations per child: each is a round trip, and
 * contended additions retry.
 */
class RemoteFamilyContractTest extends SharedObjectsContract {
    @RegisterExtension
    static final LoopbackManager.PerClass MANAGER = new LoopbackManager.PerClass();

    @Override
    protected List<String> where() {
        return List.of("remote", MANAGER.get().address(), MANAGER.get().keyFile().toString());
    }

    @Override
    protected int perProcess() {
        return 25;
    }
}
