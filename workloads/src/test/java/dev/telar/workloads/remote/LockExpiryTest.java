package dev.telar.workloads.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildLauncher;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long a lock stays taken after its holder, a real child JVM, is killed with -9: measured for
 * the shortest session the manager's tick allows (2 s) and for 6 s.
 */
@Timeout(90)
class LockExpiryTest {
    @Test
    void theShortestSessionFreesTheLockAboutTwoSecondsAfterTheKill(@TempDir Path state) throws Exception {
        try (LoopbackManager manager = LoopbackManager.start(state)) {
            measure(manager, "short", Duration.ofSeconds(2));
        }
    }

    @Test
    void aSixSecondSessionFreesTheLockAboutSixSecondsAfterTheKill(@TempDir Path state) throws Exception {
        try (LoopbackManager manager = LoopbackManager.start(state)) {
            measure(manager, "six", Duration.ofSeconds(6));
        }
    }

    @Test
    void sessionsAreGrantedFromTwoTicksToTheMaximum(@TempDir Path state) throws Exception {
        try (LoopbackManager manager = LoopbackManager.start(state);
             ManagerClient tooShort = ManagerClient.connect(manager.address(), ManagerKey.read(manager.keyFile()),
                     LoopbackManager.CONNECT, Duration.ofMillis(500));
             ManagerClient tooLong = ManagerClient.connect(manager.address(), ManagerKey.read(manager.keyFile()),
                     LoopbackManager.CONNECT, Duration.ofMinutes(2))) {
            assertThat(tooShort.sessionTimeout()).isEqualTo(ManagerServer.DEFAULT_TICK.multipliedBy(2)).isEqualTo(Duration.ofSeconds(2));
            assertThat(tooLong.sessionTimeout()).isEqualTo(ManagerServer.MAX_SESSION).isEqualTo(Duration.ofSeconds(60));
        }
    }

    @Test
    void aShorterTickAllowsShorterSessionsWithinItsBounds(@TempDir Path state) throws Exception {
        ManagerKey key = ManagerKey.readOrCreate(ManagerKey.defaultFile(state));
        ManagerServer.Options fast = ManagerServer.Options.defaults().withTick(Duration.ofMillis(500));
        try (ManagerServer server = ManagerServer.start(new java.net.InetSocketAddress("127.0.0.1", 0),
                ManagerServer.defaultDirectory(state), key, fast);
             ManagerClient client = ManagerClient.connect(server.connectString(), key, LoopbackManager.CONNECT, Duration.ofMillis(100))) {
            assertThat(server.minSession()).isEqualTo(Duration.ofSeconds(1));
            assertThat(client.sessionTimeout()).isEqualTo(Duration.ofSeconds(1));
        }
        assertThatThrownBy(() -> fast.withTick(Duration.ofMillis(5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a manager's tick is 10 ms to 30 s: PT0.005S");
    }

    @Test
    void aFactSaysSecondsPidAndHost() {
        Instant t = Instant.parse("2026-01-01T10:00:00Z");
        LockFreed f = LockFreed.between("dock", t, t.plusMillis(1400), 4321, "lab-3");
        assertThat(f).isEqualTo(new LockFreed("dock", Duration.ofMillis(1400), 4321, "lab-3"));
        assertThat(f.seconds()).isEqualTo(1.4);
        assertThatThrownBy(() -> LockFreed.between("dock", t, t.minusMillis(1), 1, "h"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void measure(LoopbackManager manager, String name, Duration asked) throws Exception {
        Child holder = ChildLauncher.startTarget(RemoteTargets.Holder.class,
                List.of(manager.address(), manager.keyFile().toString(), name, Long.toString(asked.toMillis())));
        try (ManagerClient client = manager.connect()) {
            String line = holder.stdout().readLine();
            assertThat(line).as("holder: %s", holder.lastError()).startsWith("locked ");
            Duration session = Duration.ofMillis(Long.parseLong(line.substring(7)));
            assertThat(session).as("granted as asked: the tick allows it").isEqualTo(asked);
            RemoteLock lock = RemoteLock.open(client, name);
            assertThat(lock.acquire(Duration.ofMillis(300))).as("a live holder keeps it").isFalse();
            Instant vanished = Instant.now();
            holder.kill();
            assertThat(holder.join(LoopbackManager.CONNECT).orElseThrow().signal()).isEqualTo(9);
            assertThat(lock.acquire(session.multipliedBy(3))).isTrue();
            LockFreed fact = LockFreed.between(name, vanished, Instant.now(), holder.pid(), InetAddress.getLocalHost().getHostName());
            lock.release();
            System.out.printf(java.util.Locale.ROOT, "lock '%s' freed %.2f s after pid %d on %s vanished (session %d ms)%n",
                    fact.lock(), fact.seconds(), fact.pid(), fact.host(), session.toMillis());
            // The holder's last word may be a third of the session old at the kill; the server
            // looks for expired sessions once a tick.
            Duration tick = ManagerServer.DEFAULT_TICK;
            assertThat(fact.after()).isBetween(session.multipliedBy(2).dividedBy(3).minusMillis(100),
                    session.plus(tick).plusSeconds(1));
        } finally {
            holder.kill();
        }
    }
}
