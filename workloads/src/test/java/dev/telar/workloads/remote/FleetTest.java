package dev.telar.workloads.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.probe.Probe;
import dev.telar.probe.SystemSnapshot;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.remote.fleet.FleetAgent;
import dev.telar.workloads.remote.fleet.FleetRow;
import dev.telar.workloads.remote.fleet.FleetSnapshot;
import dev.telar.workloads.remote.fleet.FleetWatch;
import dev.telar.workloads.remote.fleet.HostSummary;
import dev.telar.workloads.remote.fleet.SummaryCodec;
import dev.telar.workloads.remote.fleet.SummaryMaker;
import dev.telar.workloads.remote.fleet.TelarJob;
import dev.telar.workloads.remote.fleet.TopProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The fleet's agent and watch on a real manager on loopback, with agents in this JVM and in child JVMs. */
@Timeout(90)
class FleetTest {
    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final LoopbackManager.PerClass MANAGER = new LoopbackManager.PerClass();

    /** A fixed summary whose figures the line format keeps exactly. */
    static HostSummary summary(String host, int pid, long at) {
        return new HostSummary(host, pid, at, new double[] {0.25, 1, 0.007}, new double[] {1.5, 0.75, 0.25},
                3_000_000_000L, 8_000_000_000L,
                List.of(new TopProcess(4242, "java", 187.5, 512_000_000L), new TopProcess(7, "kworker/0:1", 0.5, 0)),
                List.of(new TelarJob(4242, "lab", 187.5, 512_000_000L, 31), new TelarJob(pid, "agent", 0.2, 90_000_000L, 20)));
    }

    @Test
    void anAgentShowsInTheWatchWithinTwoIntervalsWithItsExactSummary() throws Exception {
        AtomicReference<HostSummary> last = new AtomicReference<>();
        try (ManagerClient watcher = MANAGER.get().connect(); ManagerClient publisher = MANAGER.get().connect();
             FleetWatch watch = FleetWatch.start(watcher, FleetWatch.KEEP_GONE, s -> { })) {
            assertThat(watch.awaitReady(WAIT)).isTrue();
            assertThat(watch.snapshot().row("alpha")).isEmpty();
            long started = System.nanoTime();
            try (FleetAgent agent = FleetAgent.start(publisher, "alpha", INTERVAL, () -> {
                HostSummary s = summary("alpha", 99, System.currentTimeMillis());
                last.set(s);
                return s;
            })) {
                FleetSnapshot seen = until(watch, s -> s.row("alpha").isPresent(), INTERVAL.multipliedBy(2));
                long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
                System.out.println("fleet: agent seen by the watch " + took + " ms after it started; summary "
                        + SummaryCodec.encode(last.get()).length + " bytes");
                FleetRow row = seen.row("alpha").orElseThrow();
                assertThat(row.live()).isTrue();
                assertThat(row.latest().host()).isEqualTo("alpha");
                assertThat(row.latest().agentPid()).isEqualTo(99);
                assertThat(row.latest().coreLoads()).containsExactly(0.25, 1, 0.007);
                assertThat(row.latest().loadAverage()).containsExactly(1.5, 0.75, 0.25);
                assertThat(row.latest().memoryUsedBytes()).isEqualTo(3_000_000_000L);
                assertThat(row.latest().top()).containsExactly(new TopProcess(4242, "java", 187.5, 512_000_000L),
                        new TopProcess(7, "kworker/0:1", 0.5, 0));
                assertThat(row.latest().jobs()).extracting(TelarJob::kind).containsExactly("lab", "agent");
                // later summaries replace it, setData on the same node
                FleetSnapshot later = until(watch, s -> s.row("alpha").orElseThrow().updates() >= 3, INTERVAL.multipliedBy(4));
                assertThat(later.row("alpha").orElseThrow().latest().sampledAtMillis()).isGreaterThan(row.latest().sampledAtMillis());
                assertThat(agent.published()).isGreaterThanOrEqualTo(3);
                assertThat(publisher.curator().getACL().forPath(FleetAgent.HOSTS + "/alpha")).isEqualTo(ManagerClient.ONLY_TELAR);
                assertThat(publisher.curator().checkExists().forPath(FleetAgent.HOSTS + "/alpha").getEphemeralOwner())
                        .isEqualTo(publisher.curator().getZookeeperClient().getZooKeeper().getSessionId());
            }
            // closing deletes the node: gone at once, its last summary kept
            FleetSnapshot gone = until(watch, s -> !s.row("alpha").orElseThrow().live(), Duration.ofSeconds(2));
            FleetRow row = gone.row("alpha").orElseThrow();
            assertThat(row.goneAtMillis()).isGreaterThanOrEqualTo(row.heardAtMillis());
            assertThat(row.latest()).isEqualTo(last.get());
            assertThat(gone.liveCount()).isZero();
        }
    }

    @Test
    void aGoneHostIsDroppedAfterTheKeepingTimeAndIsLiveAgainWhenItReturns() throws Exception {
        try (ManagerClient watcher = MANAGER.get().connect(); ManagerClient publisher = MANAGER.get().connect();
             FleetWatch watch = FleetWatch.start(watcher, Duration.ofMillis(800), s -> { })) {
            try (FleetAgent agent = FleetAgent.start(publisher, "beta", INTERVAL, () -> summary("beta", 1, System.currentTimeMillis()))) {
                until(watch, s -> s.row("beta").map(FleetRow::live).orElse(false), WAIT);
            }
            until(watch, s -> s.row("beta").map(r -> !r.live()).orElse(false), WAIT);
            until(watch, s -> s.row("beta").isEmpty(), Duration.ofSeconds(3));
            try (FleetAgent agent = FleetAgent.start(publisher, "beta", INTERVAL, () -> summary("beta", 2, System.currentTimeMillis()))) {
                FleetSnapshot back = until(watch, s -> s.row("beta").map(FleetRow::live).orElse(false), WAIT);
                assertThat(back.row("beta").orElseThrow().latest().agentPid()).isEqualTo(2);
                assertThat(back.row("beta").orElseThrow().updates()).isEqualTo(1);
            }
        }
    }

    /**
     * The agent's session is lost (as after a long cut-off): the agent creates its node again in
     * the new session, taking back the node its old session left without waiting for the server
     * to end that session.
     */
    @Test
    void anAgentWhoseSessionExpiredPublishesAgain() throws Exception {
        // a short session, so that the old session's node goes soon after the loss
        try (ManagerClient watcher = MANAGER.get().connect();
             ManagerClient publisher = ManagerClient.connect(MANAGER.get().address(), ManagerKey.read(MANAGER.get().keyFile()), WAIT, Duration.ofSeconds(2));
             FleetWatch watch = FleetWatch.start(watcher, FleetWatch.KEEP_GONE, s -> { });
             FleetAgent agent = FleetAgent.start(publisher, "gamma", INTERVAL, () -> summary("gamma", 3, System.currentTimeMillis()))) {
            until(watch, s -> s.row("gamma").map(FleetRow::live).orElse(false), WAIT);
            long before = publisher.curator().getZookeeperClient().getZooKeeper().getSessionId();
            publisher.curator().getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
            // The node of the old session is the agent's own: it need not wait for the server to end that session.
            until(() -> {
                long now = publisher.curator().getZookeeperClient().getZooKeeper().getSessionId();
                org.apache.zookeeper.data.Stat stat = publisher.curator().checkExists().forPath(FleetAgent.HOSTS + "/gamma");
                return now != before && stat != null && stat.getEphemeralOwner() == now;
            }, WAIT);
            FleetSnapshot again = until(watch, s -> s.row("gamma").map(FleetRow::live).orElse(false), WAIT);
            assertThat(again.row("gamma").orElseThrow().latest().agentPid()).isEqualTo(3);
        }
    }

    /**
     * An agent in a child JVM, with a 2 s session, is killed with -9: its host is marked gone
     * once the session expires, not before the session could have.
     */
    @Test
    void anAgentKilledWithMinus9IsGoneAfterItsSessionExpires() throws Exception {
        try (ManagerClient watcher = MANAGER.get().connect(); FleetWatch watch = FleetWatch.start(watcher, FleetWatch.KEEP_GONE, s -> { })) {
            Child child = ChildLauncher.startTarget(FleetTargets.Agent.class,
                    List.of(MANAGER.get().address(), MANAGER.get().keyFile().toString(), "delta", "2000", Long.toString(INTERVAL.toMillis())));
            try {
                String line = child.stdout().readLine();
                assertThat(line).as("agent: %s", child.lastError()).startsWith("publishing ");
                Duration session = Duration.ofMillis(Long.parseLong(line.substring(11)));
                FleetSnapshot live = until(watch, s -> s.row("delta").map(FleetRow::live).orElse(false), WAIT);
                assertThat(live.row("delta").orElseThrow().latest().agentPid()).isEqualTo((int) child.pid());
                long killed = System.nanoTime();
                child.kill();
                assertThat(child.join(WAIT).orElseThrow().signal()).isEqualTo(9);
                Duration margin = session.dividedBy(2).plusSeconds(2);
                FleetSnapshot gone = until(watch, s -> !s.row("delta").orElseThrow().live(), session.plus(margin).plus(WAIT));
                Duration after = Duration.ofNanos(System.nanoTime() - killed);
                System.out.println("fleet: killed agent marked gone " + after.toMillis() + " ms after kill -9 (session " + session.toMillis() + " ms)");
                assertThat(after).isGreaterThanOrEqualTo(session.dividedBy(2)).isLessThanOrEqualTo(session.plus(margin));
                assertThat(gone.row("delta").orElseThrow().latest().agentPid()).isEqualTo((int) child.pid());
            } finally {
                child.kill();
            }
        }
    }

    /** A summary of this machine, made from the real probe, fits in 2 KB of node data. */
    @Test
    void aRealSummaryIsSmall() throws Exception {
        Probe probe = Probe.live();
        probe.sample(pid -> false);
        Thread.sleep(200);
        SystemSnapshot s = probe.sample(pid -> false);
        HostSummary summary = SummaryMaker.of(s, "here", 1, SummaryMaker.DEFAULT_TOP);
        byte[] data = SummaryCodec.encode(summary);
        System.out.println("fleet: a real summary of this " + summary.cores() + "-core host is " + data.length + " bytes");
        assertThat(data.length).isLessThan(2048);
        assertThat(summary.top()).hasSize(Math.min(SummaryMaker.DEFAULT_TOP, s.processes().size()));
        assertThat(summary.cores()).isEqualTo(s.cores().size());
        HostSummary back = SummaryCodec.decode(data);
        assertThat(back.host()).isEqualTo("here");
        assertThat(back.top()).extracting(TopProcess::pid).isEqualTo(summary.top().stream().map(TopProcess::pid).toList());
    }

    /** Waits until the watch's snapshot passes {@code test}, at most {@code within}; fails with the last snapshot. */
    /** Records what an agent tells, in order. */
    static final class Told implements FleetAgent.Events {
        final List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void publishing() {
            said.add("publishing");
        }

        @Override
        public void nameTaken(int holderPid) {
            said.add("taken by " + holderPid);
        }

        @Override
        public void linkLost() {
            said.add("lost");
        }

        @Override
        public void linkBack() {
            said.add("back");
        }
    }

    /**
     * The manager's process stops (its server closed): within seconds the watch says since when
     * it is lost, the host keeps its last-heard time, and the agent tells the loss once; a manager
     * started again on the same port and data brings both back by themselves.
     */
    @Test
    void aLostManagerIsToldByTheWatchAndTheAgentAndBothRecoverWhenItIsBack(@TempDir Path state) throws Exception {
        ManagerKey key = ManagerKey.readOrCreate(ManagerKey.defaultFile(state));
        ManagerServer server = ManagerServer.start(new java.net.InetSocketAddress("127.0.0.1", 0), ManagerServer.defaultDirectory(state), key);
        java.net.InetSocketAddress at = server.address();
        Told told = new Told();
        try (ManagerClient watcher = ManagerClient.connect(server.connectString(), key, WAIT);
             ManagerClient publisher = ManagerClient.connect(server.connectString(), key, WAIT);
             FleetWatch watch = FleetWatch.start(watcher, FleetWatch.KEEP_GONE, s -> { });
             FleetAgent agent = FleetAgent.start(publisher, "lost", INTERVAL, () -> summary("lost", 5, System.currentTimeMillis()), told)) {
            FleetSnapshot before = until(watch, s -> s.row("lost").map(FleetRow::live).orElse(false), WAIT);
            assertThat(before.reachable()).isTrue();
            long stopped = System.currentTimeMillis();
            server.close();
            FleetSnapshot lost = until(watch, s -> !s.reachable(), Duration.ofSeconds(5));
            assertThat(lost.lostAtMillis()).isBetween(stopped, System.currentTimeMillis());
            assertThat(lost.row("lost").orElseThrow().heardAtMillis()).isLessThanOrEqualTo(lost.lostAtMillis());
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!told.said.contains("lost") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(told.said).containsExactly("publishing", "lost");

            server = ManagerServer.start(at, ManagerServer.defaultDirectory(state), key);
            long updates = lost.row("lost").orElseThrow().updates();
            FleetSnapshot back = until(watch, s -> s.reachable() && s.row("lost").map(r -> r.live() && r.updates() > updates).orElse(false),
                    Duration.ofSeconds(20));
            assertThat(back.lostAtMillis()).isEqualTo(FleetSnapshot.REACHABLE);
            assertThat(told.said).containsExactly("publishing", "lost", "back");
        } finally {
            server.close();
        }
    }

    /**
     * The manager is killed and comes back after the agent's client has given its session up: the
     * restarted manager restores that session, and with it the agent's node, for a whole session
     * timeout (9 s here). The agent knows the node for its own and publishes again within seconds
     * of the restart, in its new session, without saying the name is taken.
     */
    @Test
    @Timeout(120)
    void anAgentTakesBackItsOwnNodeOfAnEarlierSessionAtOnceWhenTheManagerReturns(@TempDir Path state) throws Exception {
        ManagerKey key = ManagerKey.readOrCreate(ManagerKey.defaultFile(state));
        ManagerServer server = ManagerServer.start(new java.net.InetSocketAddress("127.0.0.1", 0), ManagerServer.defaultDirectory(state), key);
        java.net.InetSocketAddress at = server.address();
        Duration session = Duration.ofSeconds(9);
        Told told = new Told();
        java.util.concurrent.CountDownLatch sessionLost = new java.util.concurrent.CountDownLatch(1);
        String node = FleetAgent.HOSTS + "/again";
        try (ManagerClient publisher = ManagerClient.connect(server.connectString(), key, WAIT, session);
             FleetAgent agent = FleetAgent.start(publisher, "again", INTERVAL, () -> summary("again", 6, System.currentTimeMillis()), told)) {
            assertThat(publisher.sessionTimeout()).isEqualTo(session);
            long first = publisher.curator().getZookeeperClient().getZooKeeper().getSessionId();
            until(() -> agent.published() > 0, WAIT);
            assertThat(publisher.curator().checkExists().forPath(node).getEphemeralOwner()).isEqualTo(first);
            publisher.curator().getConnectionStateListenable().addListener((c, st) -> {
                if (st == org.apache.curator.framework.state.ConnectionState.LOST) {
                    sessionLost.countDown();
                }
            });
            server.close();
            // The client gives the session up once the link has been down for a whole session.
            assertThat(sessionLost.await(session.plusSeconds(15).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            server = ManagerServer.start(at, ManagerServer.defaultDirectory(state), key);
            long restarted = System.nanoTime();
            until(() -> {
                long now = publisher.curator().getZookeeperClient().getZooKeeper().getSessionId();
                org.apache.zookeeper.data.Stat stat = publisher.curator().checkExists().forPath(node);
                return now != first && stat != null && stat.getEphemeralOwner() == now;
            }, Duration.ofSeconds(5)); // the old session, restored at the restart, would hold the node for 9 s
            long took = Duration.ofNanos(System.nanoTime() - restarted).toMillis();
            System.out.println("fleet: agent published in its new session " + took + " ms after the manager restarted");
            long published = agent.published();
            until(() -> agent.published() > published, WAIT);
            assertThat(told.said).containsExactly("publishing", "lost", "back");
        } finally {
            server.close();
        }
    }

    /** Waits until {@code test} holds, at most {@code within}. */
    private static void until(java.util.concurrent.Callable<Boolean> test, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!test.call()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + within.toMillis() + " ms");
            }
            Thread.sleep(10);
        }
    }

    /**
     * A second agent with a name already published waits, saying so with the holder's pid, and
     * publishes (saying so) once the first one ends.
     */
    @Test
    void aSecondAgentWithTheSameNameSaysItWaitsThenPublishesWhenTheNameIsFree() throws Exception {
        Told second = new Told();
        try (ManagerClient one = MANAGER.get().connect(); ManagerClient two = MANAGER.get().connect();
             FleetWatch watch = FleetWatch.start(one, FleetWatch.KEEP_GONE, s -> { })) {
            FleetAgent first = FleetAgent.start(one, "twin", INTERVAL, () -> summary("twin", 111, System.currentTimeMillis()));
            until(watch, s -> s.row("twin").map(FleetRow::live).orElse(false), WAIT);
            try (FleetAgent agent = FleetAgent.start(two, "twin", INTERVAL, () -> summary("twin", 222, System.currentTimeMillis()), second)) {
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (second.said.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                Thread.sleep(INTERVAL.toMillis() * 2); // two more tries: still told once
                assertThat(second.said).containsExactly("taken by 111");
                assertThat(agent.published()).isZero();
                first.close();
                until(watch, s -> s.row("twin").map(r -> r.live() && r.latest().agentPid() == 222).orElse(false), WAIT);
                assertThat(second.said).containsExactly("taken by 111", "publishing");
            }
        }
    }

    private static FleetSnapshot until(FleetWatch watch, Predicate<FleetSnapshot> test, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        FleetSnapshot s = watch.snapshot();
        while (!test.test(s)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + within.toMillis() + " ms: " + s);
            }
            Thread.sleep(10);
            s = watch.snapshot();
        }
        return s;
    }
}
