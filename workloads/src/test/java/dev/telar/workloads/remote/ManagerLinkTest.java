package dev.telar.workloads.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.remote.ManagerLink.State;
import dev.telar.workloads.remote.ManagerLink.View;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.state.ConnectionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The link's states followed on a real manager that is stopped and started again on the same port. */
@Timeout(60)
class ManagerLinkTest {
    private static final Duration SESSION = Duration.ofSeconds(2);

    @Test
    void curatorsStatesAreConnectedUncertainOrGone() {
        assertThat(ManagerLink.of(ConnectionState.CONNECTED)).isEqualTo(State.CONNECTED);
        assertThat(ManagerLink.of(ConnectionState.RECONNECTED)).isEqualTo(State.CONNECTED);
        assertThat(ManagerLink.of(ConnectionState.SUSPENDED)).isEqualTo(State.SUSPENDED);
        assertThat(ManagerLink.of(ConnectionState.READ_ONLY)).isEqualTo(State.SUSPENDED);
        assertThat(ManagerLink.of(ConnectionState.LOST)).isEqualTo(State.LOST);
    }

    @Test
    void aStoppedManagerIsSuspendedThenLostAfterTheSessionThenConnectedWhenBack(@TempDir Path state) throws Exception {
        ManagerKey key = ManagerKey.readOrCreate(ManagerKey.defaultFile(state));
        Path data = ManagerServer.defaultDirectory(state);
        ManagerServer server = ManagerServer.start(new InetSocketAddress("127.0.0.1", 0), data, key);
        InetSocketAddress at = server.address();
        try (ManagerClient client = ManagerClient.connect(server.connectString(), key, LoopbackManager.CONNECT, SESSION);
             ManagerLink link = ManagerLink.follow(client)) {
            assertThat(server.minSession()).isEqualTo(SESSION);
            View first = link.now();
            assertThat(first.state()).isEqualTo(State.CONNECTED);
            assertThat(first.session()).isEqualTo(SESSION);
            assertThat(first.changes()).isZero();
            BlockingQueue<View> heard = new LinkedBlockingQueue<>();
            link.addListener(heard::add);

            server.close();
            View suspended = next(heard);
            assertThat(suspended.state()).isEqualTo(State.SUSPENDED);
            assertThat(suspended.changes()).isEqualTo(1);
            assertThat(suspended.session()).isEqualTo(SESSION);
            View lost = next(heard);
            assertThat(lost.state()).isEqualTo(State.LOST);
            Duration uncertain = Duration.between(suspended.since(), lost.since());
            System.out.println("link: suspended " + uncertain.toMillis() + " ms before lost (session " + SESSION.toMillis() + " ms)");
            // Curator presumes the session gone once a whole session timeout passed without an answer.
            assertThat(uncertain).isBetween(SESSION.minusMillis(100), SESSION.multipliedBy(2).plusSeconds(2));
            assertThat(link.now()).isEqualTo(lost);

            server = ManagerServer.start(at, data, key);
            View back = next(heard);
            assertThat(back.state()).isEqualTo(State.CONNECTED);
            assertThat(back.changes()).isEqualTo(3);
            assertThat(back.session()).isEqualTo(SESSION);
            assertThat(back.since()).isAfter(lost.since());
            assertThat(RemoteValue.open(client, "after", 5).addAndGet(1)).as("the new session works").isEqualTo(6);
            assertThat(heard).isEmpty();
        } finally {
            server.close();
        }
    }

    /**
     * A manager back within the session timeout finds the session alive: the link goes from
     * SUSPENDED straight to CONNECTED on the same session, never LOST, and what it held is held.
     */
    @Test
    void aManagerBackWithinTheSessionKeepsTheSessionAndTheLock(@TempDir Path state) throws Exception {
        ManagerKey key = ManagerKey.readOrCreate(ManagerKey.defaultFile(state));
        Path data = ManagerServer.defaultDirectory(state);
        ManagerServer server = ManagerServer.start(new InetSocketAddress("127.0.0.1", 0), data, key);
        InetSocketAddress at = server.address();
        Duration session = Duration.ofSeconds(20);
        try (ManagerClient client = ManagerClient.connect(server.connectString(), key, LoopbackManager.CONNECT, session);
             ManagerLink link = ManagerLink.follow(client)) {
            RemoteLock lock = RemoteLock.open(client, "kept");
            assertThat(lock.acquire(LoopbackManager.CONNECT)).isTrue();
            long id = client.curator().getZookeeperClient().getZooKeeper().getSessionId();
            BlockingQueue<View> heard = new LinkedBlockingQueue<>();
            link.addListener(heard::add);

            server.close();
            assertThat(next(heard).state()).isEqualTo(State.SUSPENDED);
            server = ManagerServer.start(at, data, key);
            View back = next(heard);
            assertThat(back.state()).isEqualTo(State.CONNECTED);
            assertThat(back.session()).isEqualTo(session);
            assertThat(client.curator().getZookeeperClient().getZooKeeper().getSessionId()).as("the same session").isEqualTo(id);
            assertThat(lock.held()).isTrue();
            try (ManagerClient other = ManagerClient.connect(server.connectString(), key, LoopbackManager.CONNECT)) {
                assertThat(RemoteLock.open(other, "kept").acquire(Duration.ofMillis(300))).as("still taken").isFalse();
            }
            lock.release();
            assertThat(heard).isEmpty();
        } finally {
            server.close();
        }
    }

    private static View next(BlockingQueue<View> heard) throws InterruptedException {
        View v = heard.poll(15, TimeUnit.SECONDS);
        assertThat(v).as("a change of the link within 15 s").isNotNull();
        return v;
    }
}
