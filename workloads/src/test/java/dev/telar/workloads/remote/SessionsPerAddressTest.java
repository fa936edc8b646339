package dev.telar.workloads.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * More sessions from one address than ZooKeeper's default allows (60): a fleet behind one NAT
 * gateway, or the scale bench's agents on one machine, all come from one address.
 */
class SessionsPerAddressTest {
    private static final int SESSIONS = 64;

    @TempDir
    Path state;

    @Test
    @Timeout(120)
    void sixtyFourSessionsFromLoopbackAreAllLetIn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (LoopbackManager manager = LoopbackManager.start(state)) {
            List<ManagerClient> clients = new ArrayList<>();
            try {
                connectAndCheck(manager, pool, clients);
            } finally {
                clients.forEach(ManagerClient::close); // before the server goes: a client closing later waits for it
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void connectAndCheck(LoopbackManager manager, ExecutorService pool, List<ManagerClient> clients) throws Exception {
        List<Future<ManagerClient>> pending = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            pending.add(pool.submit((Callable<ManagerClient>) manager::connect));
        }
        for (Future<ManagerClient> f : pending) {
            clients.add(f.get());
        }
        Set<Long> sessions = new HashSet<>();
        for (ManagerClient c : clients) {
            c.curator().checkExists().forPath("/");
            sessions.add(c.curator().getZookeeperClient().getZooKeeper().getSessionId());
        }
        assertThat(sessions).hasSize(SESSIONS);
    }
}
