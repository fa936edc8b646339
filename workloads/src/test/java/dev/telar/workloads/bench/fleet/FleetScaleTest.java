package dev.telar.workloads.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.workloads.remote.ManagerKey;
import dev.telar.workloads.remote.ManagerServer;
import dev.telar.workloads.remote.fleet.HostSummary;
import dev.telar.workloads.remote.fleet.SummaryCodec;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The scale bench at a tiny scale, on a real manager with real child JVMs: so that it cannot rot unseen. */
class FleetScaleTest {
    @TempDir
    Path state;

    @Test
    @Timeout(100)
    void tenAgentsInTwoJvmsAreAllThereAllTheWindowAndAllGoAtTheStop() throws Exception {
        Path keyFile = ManagerKey.defaultFile(state);
        Path dir = ManagerServer.defaultDirectory(state);
        try (ManagerServer server = ManagerServer.start(new InetSocketAddress("127.0.0.1", 0), dir, ManagerKey.readOrCreate(keyFile))) {
            ServerStats idle = ServerStats.ask(server.connectString());
            List<String> steps = new ArrayList<>();
            FleetScaleResult r = FleetScale.run(new FleetScale.Settings(server.connectString(), keyFile, 10, 2,
                    Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(1), 5, "tiny", dir.resolve("data")), steps::add);
            System.out.println(r.figuresLine());
            System.out.println(r.checksLine());

            assertThat(r.minLive()).isEqualTo(10);
            assertThat(r.maxLive()).isEqualTo(10);
            assertThat(r.goneWhileRunning()).isEmpty();
            assertThat(r.goneAfterStop()).isEqualTo(10);
            assertThat(r.checksPass()).isTrue();
            assertThat(steps).contains("measuring 5 s", "measured").filteredOn(l -> l.startsWith("AgentCrowd ")).hasSize(2)
                    .allMatch(l -> l.endsWith(" ready 5"));
            // ten hosts at 1 Hz: ten writes a second reach the server and the watch, whatever the machine's load within reason
            assertThat(r.serverWritesPerSecond()).isBetween(6.0, 14.0);
            assertThat(r.seenPerSecond()).isBetween(6.0, 14.0);
            assertThat(r.published()).isGreaterThanOrEqualTo(10L * 6);
            assertThat(r.deliveryP50()).isBetween(0L, r.deliveryP99());
            assertThat(r.ageP50()).isBetween(r.deliveryP50(), 2_000L);
            assertThat(r.nodeMin()).isGreaterThanOrEqualTo(300);
            assertThat(r.nodeMean()).isBetween(r.nodeMin(), r.nodeMax());
            assertThat(r.logBytesPerSecond()).isPositive();
            // the hosts' nodes are gone from the server's tree after the stop: its node count is back where it was,
            // beside the two folders the agents made
            assertThat(ServerStats.ask(server.connectString()).nodeCount()).isBetween(idle.nodeCount(), idle.nodeCount() + 3);
        }
    }

    @Test
    void aSimulatedHostKeepsItsShapeAndDriftsWithinBounds() {
        SimulatedHost a = new SimulatedHost("sim", 6);
        HostSummary first = a.get();
        HostSummary second = a.get();
        assertThat(first.host()).isEqualTo("sim-006");
        assertThat(first.cores()).isEqualTo(64);
        assertThat(new SimulatedHost("sim", 0).get().cores()).isEqualTo(8);
        assertThat(second.agentPid()).isEqualTo(first.agentPid());
        assertThat(second.coreLoads()).isNotEqualTo(first.coreLoads());
        assertThat(java.util.Arrays.stream(second.coreLoads()).allMatch(l -> l >= 0 && l <= 1)).isTrue();
        assertThat(first.top()).hasSize(5);
        assertThat(SummaryCodec.decode(SummaryCodec.encode(second)).host()).isEqualTo("sim-006");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> FleetScaleMain.options(new String[] {"--agents", "many"}))
                .hasMessage("--agents takes a whole number of at least 0, not 'many'");
        assertThatThrownBy(() -> FleetScaleMain.options(new String[] {"--manager", "127.0.0.1:2181"}))
                .hasMessage("--manager and --key-file go together");
        assertThatThrownBy(() -> FleetScaleMain.options(new String[] {"--seconds"})).hasMessage("--seconds needs a value");
        assertThatThrownBy(() -> new FleetScale.Settings("a:1", Path.of("k"), 10, 11, Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ZERO, 5, "p", null)).hasMessage("agents must be at least 1 and JVMs 1 to the agents, not 10 and 11");
    }

    @Test
    void aSrvrAnswerIsRead() throws Exception {
        ServerStats s = ServerStats.parse("Zookeeper version: 3.9.5\nLatency min/avg/max: 0/1.25/37\nReceived: 120\nSent: 119\n"
                + "Connections: 2\nOutstanding: 0\nZxid: 0x1000000a5\nMode: standalone\nNode count: 12\n");
        assertThat(s).isEqualTo(new ServerStats(0x1000000a5L, 120, 12, 1.25, 37));
        assertThatThrownBy(() -> ServerStats.parse("ruok")).hasMessageStartingWith("not a ZooKeeper srvr answer");
    }
}
