package dev.telar.tui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.tui.view.FleetNews;
import dev.telar.tui.view.FleetState;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerKey;
import dev.telar.workloads.remote.ManagerServer;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.remote.fleet.FleetAgent;
import dev.telar.workloads.remote.fleet.HostSummary;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's link to the fleet against a real manager: nothing before it opens, news while open, quiet once closed. */
@Timeout(60)
class ManagerFleetTest {
    @TempDir
    Path tmp;
    private ManagerServer server;
    private Path keyFile;
    private final LinkedBlockingQueue<FleetNews> news = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() {
        keyFile = ManagerKey.defaultFile(tmp);
        server = ManagerServer.start(new InetSocketAddress("127.0.0.1", 0), ManagerServer.defaultDirectory(tmp), ManagerKey.readOrCreate(keyFile));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FleetNews next() throws InterruptedException {
        FleetNews n = news.poll(15, TimeUnit.SECONDS);
        assertThat(n).as("news within 15 s").isNotNull();
        return n;
    }

    @Test
    void itFollowsTheFleetOnlyWhileOpen() throws Exception {
        ManagerFleet fleet = new ManagerFleet(new ManagerTarget(server.connectString(), Optional.of(keyFile), 10_000), news::add);
        try (ManagerClient publisher = ManagerClient.connect(server.connectString(), ManagerKey.read(keyFile), Duration.ofSeconds(10));
             FleetAgent agent = FleetAgent.start(publisher, "h1", Duration.ofMillis(300), () -> new HostSummary("h1", 7,
                     System.currentTimeMillis(), new double[] {0.5}, new double[] {0, 0, 0}, 1, 2, List.of(), List.of()))) {
            Thread.sleep(300);
            assertThat(news).as("nothing before the view opens").isEmpty();
            assertThat(fleet.latest().rows()).isEmpty();
            fleet.open();
            fleet.open(); // a second open while open does nothing
            assertThat(next().status()).isEqualTo(FleetState.Status.CONNECTING);
            FleetNews watching = next();
            while (watching.fleet().rows().isEmpty()) {
                watching = next();
            }
            assertThat(watching.status()).isEqualTo(FleetState.Status.WATCHING);
            assertThat(watching.fleet().row("h1").orElseThrow().latest().agentPid()).isEqualTo(7);
            assertThat(fleet.latest().row("h1")).isPresent();
            fleet.close();
            assertThat(fleet.latest().rows()).as("nothing watched once closed").isEmpty();
            news.clear();
            Thread.sleep(1000); // three more summaries published
            assertThat(news).as("no news once closed").isEmpty();
        } finally {
            fleet.closeNow();
        }
    }

    /**
     * The view opened while no manager runs: it says so and keeps trying, one thread at a time,
     * and follows the fleet by itself once a manager starts on that address.
     */
    @Test
    @Timeout(90)
    void itKeepsTryingWhileNoManagerAnswersAndFollowsTheFleetOnceOneDoes() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        String address = "127.0.0.1:" + port;
        ManagerFleet fleet = new ManagerFleet(new ManagerTarget(address, Optional.of(keyFile), 10_000), news::add, 500, Duration.ofSeconds(2)); // short attempts: the tries, not the timeout, are under test
        ManagerServer later = null;
        try {
            fleet.open();
            assertThat(next().status()).isEqualTo(FleetState.Status.CONNECTING);
            for (int attempt = 1; attempt <= 2; attempt++) { // each attempt waits the connect timeout given above
                FleetNews retrying = next();
                assertThat(retrying.status()).as("attempt %d", attempt).isEqualTo(FleetState.Status.RETRYING);
                assertThat(retrying.problem().code()).isEqualTo(ProblemCode.MANAGER_UNREACHABLE);
                assertThat(retrying.problem().args()).containsExactly(address, "2"); // the attempt's own timeout, seconds
                assertThat(connectingThreads()).as("one attempt at a time").isEqualTo(1);
            }
            later = ManagerServer.start(new InetSocketAddress("127.0.0.1", port), ManagerServer.defaultDirectory(tmp.resolve("later")),
                    ManagerKey.read(keyFile));
            long started = System.nanoTime();
            try (ManagerClient publisher = ManagerClient.connect(later.connectString(), ManagerKey.read(keyFile), Duration.ofSeconds(10));
                 FleetAgent agent = FleetAgent.start(publisher, "late", Duration.ofMillis(300), () -> new HostSummary("late", 8,
                         System.currentTimeMillis(), new double[] {0.5}, new double[] {0, 0, 0}, 1, 2, List.of(), List.of()))) {
                FleetNews n = next();
                while (n.status() != FleetState.Status.WATCHING || n.fleet().row("late").isEmpty()) {
                    assertThat(n.status()).isIn(FleetState.Status.RETRYING, FleetState.Status.WATCHING);
                    n = next();
                }
                System.out.println("fleet view: following the fleet " + Duration.ofNanos(System.nanoTime() - started).toMillis()
                        + " ms after the manager started");
                assertThat(n.fleet().row("late").orElseThrow().latest().agentPid()).isEqualTo(8);
                assertThat(fleet.latest().row("late")).isPresent();
            }
            fleet.closeNow();
            assertThat(connectingThreads()).as("no thread left trying").isZero();
        } finally {
            fleet.closeNow();
            if (later != null) {
                later.close();
            }
        }
    }

    /** Leaving the view while it retries ends its connecting thread at once, and no news comes after. */
    @Test
    void leavingTheViewWhileItRetriesEndsTheTries() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        ManagerFleet fleet = new ManagerFleet(new ManagerTarget("127.0.0.1:" + port, Optional.of(keyFile), 10_000), news::add, 500, Duration.ofSeconds(2)); // short attempts: the tries, not the timeout, are under test
        try {
            fleet.open();
            assertThat(next().status()).isEqualTo(FleetState.Status.CONNECTING);
            assertThat(next().status()).isEqualTo(FleetState.Status.RETRYING);
            Thread.sleep(1000); // inside the next attempt now
            fleet.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (connectingThreads() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(connectingThreads()).as("the connecting thread ended within 2 s").isZero();
            assertThat(news.poll(1, TimeUnit.SECONDS)).as("no news once left").isNull();
        } finally {
            fleet.closeNow();
        }
    }

    /** The live threads that connect a fleet view to its manager. */
    private static long connectingThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals("telar-fleet-connect")).count();
    }

    @Test
    void aRefusedKeyIsNewsNotAFailureOfTheDashboard() throws Exception {
        Path other = Files.writeString(tmp.resolve("other.key"), "someone-elses-key-0123456789\n");
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-------"));
        ManagerFleet fleet = new ManagerFleet(new ManagerTarget(server.connectString(), Optional.of(other), 10_000), news::add);
        try {
            fleet.open();
            assertThat(next().status()).isEqualTo(FleetState.Status.CONNECTING);
            FleetNews failed = next();
            assertThat(failed.status()).isEqualTo(FleetState.Status.FAILED);
            assertThat(failed.problem().code()).isEqualTo(ProblemCode.MANAGER_REFUSED);
        } finally {
            fleet.closeNow();
        }
    }
}
