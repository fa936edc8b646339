package dev.telar.workloads.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import dev.telar.workloads.problem.ProblemFailure;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real ZooKeeper server on loopback (port chosen by the system) and real clients, with and without the key. */
@Timeout(60)
class ManagerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    static Path state;
    private static ManagerKey key;
    private static ManagerServer server;

    @BeforeAll
    static void startServer() {
        key = ManagerKey.readOrCreate(ManagerKey.defaultFile(state));
        server = ManagerServer.start(new InetSocketAddress("127.0.0.1", 0), ManagerServer.defaultDirectory(state), key);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aClientWithTheKeyCreatesAndReadsANodeUnderTelarWithTelarsAclOnly() throws Exception {
        try (ManagerClient client = ManagerClient.connect(server.connectString(), key, WAIT)) {
            client.curator().create().creatingParentsIfNeeded().forPath("/probe/a", "hello".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(client.curator().getData().forPath("/probe/a"), StandardCharsets.UTF_8)).isEqualTo("hello");
            // the same node seen without the namespace: it lives under /telar
            assertThat(client.curator().usingNamespace(null).checkExists().forPath("/telar/probe/a")).isNotNull();
            assertThat(client.curator().usingNamespace(null).getACL().forPath("/telar")).isEqualTo(ManagerClient.ONLY_TELAR);
            assertThat(client.curator().getACL().forPath("/probe/a")).isEqualTo(ManagerClient.ONLY_TELAR);
            client.curator().delete().deletingChildrenIfNeeded().forPath("/probe");
        }
    }

    @Test
    void aClientWithAWrongKeyIsRefusedWithOneClearLineWithinSeconds() {
        ManagerKey wrong = ManagerKey.of("not-the-key-0123456789", "test");
        long start = System.nanoTime();
        assertThatThrownBy(() -> ManagerClient.connect(server.connectString(), wrong, WAIT))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem())
                        .isEqualTo(Problem.of(ProblemCode.MANAGER_REFUSED, server.connectString())));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WAIT);
    }

    @Test
    void aClientWithoutTheKeyIsRefusedAtItsFirstRequest() throws Exception {
        try (ManagerClient client = ManagerClient.connect(server.connectString(), key, WAIT)) {
            client.curator().create().orSetData().creatingParentsIfNeeded().forPath("/secret", new byte[] {42});
        }
        ZKClientConfig noSasl = new ZKClientConfig();
        noSasl.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper plain = new ZooKeeper(server.connectString(), 10_000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        }, noSasl);
        try {
            assertThat(connected.await(5, TimeUnit.SECONDS)).isTrue();
            // The server closes the session of any client that did not authenticate with SASL.
            assertThatThrownBy(() -> plain.getData("/telar/secret", false, new Stat()))
                    .isInstanceOf(KeeperException.SessionClosedRequireAuthException.class);
        } finally {
            plain.close(2_000);
        }
    }

    @Test
    void theServerBindsLoopbackByDefault() {
        assertThat(ManagerServer.defaultListen()).isEqualTo(new InetSocketAddress("127.0.0.1", ManagerServer.DEFAULT_PORT));
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.address().getPort()).isPositive();
        assertThat(server.connectString()).isEqualTo("127.0.0.1:" + server.address().getPort());
    }

    @Test
    void theDataDirectoryHoldsNoConfigurationFileAfterTheStart() throws Exception {
        try (var files = Files.list(ManagerServer.defaultDirectory(state))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("data");
        }
    }

    @Test
    void aSecondServerOnTheSamePortFailsAtOnceWithTheAddress(@TempDir Path other) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> ManagerServer.start(server.address(), other.resolve("manager"), key))
                .isInstanceOf(ProblemFailure.class)
                .satisfies(e -> assertThat(((ProblemFailure) e).problem().code()).isEqualTo(ProblemCode.MANAGER_NOT_STARTED))
                .satisfies(e -> assertThat(((ProblemFailure) e).problem().args().get(0)).isEqualTo(server.connectString()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefusedNamingTheHolder() throws Exception {
        Path data = ManagerServer.defaultDirectory(state).resolve("data");
        assertThatThrownBy(() -> ManagerServer.start(new InetSocketAddress("127.0.0.1", 0), ManagerServer.defaultDirectory(state), key))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem()).isEqualTo(Problem.of(ProblemCode.MANAGER_DATA_IN_USE,
                        data.toString(), Long.toString(ProcessHandle.current().pid()))));
        // the first one still serves
        try (ManagerClient client = ManagerClient.connect(server.connectString(), key, WAIT)) {
            assertThat(client.curator().checkExists().forPath("/")).isNotNull();
        }
    }

    @Test
    void nothingAnsweringIsReportedAsUnreachableWithinTheTime() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there now
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> ManagerClient.connect("127.0.0.1:" + port, key, Duration.ofSeconds(2)))
                .isInstanceOf(ProblemFailure.class)
                .satisfies(e -> assertThat(((ProblemFailure) e).problem())
                        .isEqualTo(Problem.of(ProblemCode.MANAGER_UNREACHABLE, "127.0.0.1:" + port, "2")));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void theKeyFileIsOwnerOnly() throws Exception {
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(ManagerKey.defaultFile(state)))).isEqualTo("rw-------");
        assertThat(List.of(Files.readString(ManagerKey.defaultFile(state)).split("\n"))).hasSize(1);
    }
}
