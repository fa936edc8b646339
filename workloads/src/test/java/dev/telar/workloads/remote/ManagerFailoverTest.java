package dev.telar.workloads.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three ZooKeeper servers on loopback (curator-test's TestingCluster) demanding the key like a
 * manager; clients count by versioned compare-and-set while the leader is killed. No acknowledged
 * addition may be lost, and an addition whose answer was lost with the connection is counted apart.
 */
@Timeout(90)
class ManagerFailoverTest {
    private static final int SERVERS = 3;
    private static final int CLIENTS = 4;
    private static final int TICK_MILLIS = 1000;
    /** Acknowledged additions before the leader is killed. */
    private static final int BEFORE_KILL = 300;
    /** How long counting goes on after the first acknowledged addition following the kill. */
    private static final Duration AFTER = Duration.ofSeconds(3);
    private static final String UNKNOWN = "may or may not have applied";

    @Test
    void killingTheLeaderLosesNoAcknowledgedAddition(@TempDir Path dir) throws Exception {
        ManagerKey key = ManagerKey.readOrCreate(ManagerKey.defaultFile(dir));
        String section = ManagerServer.demandKeyJvmWide(key);
        List<InstanceSpec> specs = new ArrayList<>();
        for (int id = 1; id <= SERVERS; id++) {
            specs.add(new InstanceSpec(java.nio.file.Files.createDirectories(dir.resolve("zk" + id)).toFile(), -1, -1, -1, true, id, TICK_MILLIS, -1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try (TestingCluster cluster = new TestingCluster(specs)) {
            cluster.start();
            String address = cluster.getConnectString();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong unknown = new AtomicLong();
            AtomicLong notSent = new AtomicLong();
            ConcurrentLinkedQueue<Long> acks = new ConcurrentLinkedQueue<>();
            List<Future<Long>> acked = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                acked.add(pool.submit(() -> {
                    long mine = 0;
                    try (ManagerClient client = ManagerClient.connect(address, key, LoopbackManager.CONNECT)) {
                        RemoteValue value = RemoteValue.open(client, "failover", 0);
                        while (!stop.get()) {
                            try {
                                value.addAndGet(1);
                                mine++;
                                acks.add(System.nanoTime());
                            } catch (IllegalStateException e) {
                                // Read failures come before the write; a lost answer to the write is unknown.
                                (String.valueOf(e.getMessage()).contains(UNKNOWN) ? unknown : notSent).incrementAndGet();
                                Thread.sleep(20);
                            }
                        }
                    }
                    return mine;
                }));
            }
            waitFor(() -> acks.size() >= BEFORE_KILL, Duration.ofSeconds(30), "additions before the kill");
            int leader = leaderId().orElseThrow(() -> new AssertionError("no leader among " + SERVERS + " servers"));
            InstanceSpec leaderSpec = specs.stream().filter(s -> s.getServerId() == leader).findFirst().orElseThrow();
            long killed = System.nanoTime();
            assertThat(cluster.killServer(leaderSpec)).isTrue();
            waitFor(() -> acks.stream().anyMatch(t -> t > killed), Duration.ofSeconds(30), "an addition after the kill");
            Thread.sleep(AFTER.toMillis());
            stop.set(true);
            long sum = 0;
            for (Future<Long> f : acked) {
                sum += f.get(30, TimeUnit.SECONDS);
            }
            int newLeader = leaderId().orElseThrow(() -> new AssertionError("no new leader"));
            long last;
            try (ManagerClient client = ManagerClient.connect(address, key, LoopbackManager.CONNECT)) {
                last = RemoteValue.open(client, "failover", 0).get();
            }
            Pause pause = Pause.around(acks, killed);
            String report = String.format(java.util.Locale.ROOT,
                    "manager failover: leader %d killed, %d leads now; %d acknowledged, %d unknown, %d not sent; final %d;"
                            + " longest pause after the kill %d ms (from %d ms after the kill began)",
                    leader, newLeader, sum, unknown.get(), notSent.get(), last, pause.gap().toMillis(),
                    pause.start().toMillis());
            System.out.println(report);
            assertThat(newLeader).as(report).isNotEqualTo(leader);
            assertThat(last).as(report).isBetween(sum, sum + unknown.get());
            assertThat(acks).as(report).hasSize((int) sum);
            assertThat(pause.gap()).as(report).isPositive();
        } finally {
            pool.shutdownNow();
            SaslSections.remove(section);
        }
    }

    /** The id of the server leading now, from the beans ZooKeeper registers in this JVM (no four-letter word). */
    private static OptionalInt leaderId() throws MalformedObjectNameException {
        for (ObjectName n : ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName("org.apache.ZooKeeperService:*"), null)) {
            String replica = n.getKeyProperty("name1"); // replica.ID
            if ("Leader".equals(n.getKeyProperty("name2")) && replica != null && replica.startsWith("replica.")) {
                return OptionalInt.of(Integer.parseInt(replica.substring("replica.".length())));
            }
        }
        return OptionalInt.empty();
    }

    private static void waitFor(java.util.function.BooleanSupplier done, Duration limit, String what) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime() - end).as("%s within %s s", what, limit.toSeconds()).isNegative();
            Thread.sleep(10);
        }
    }

    /**
     * The longest gap between successive acknowledged additions (of any client) that ends after
     * the kill began; {@code start} is when it began, counted from the kill (negative: before).
     * Writes the old leader had committed may still be answered while it is being killed, so the
     * gap is looked for after the kill, not just across its instant.
     */
    record Pause(Duration gap, Duration start) {
        static Pause around(Iterable<Long> ackNanos, long killNanos) {
            List<Long> sorted = new ArrayList<>();
            ackNanos.forEach(sorted::add);
            long[] t = sorted.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(t);
            long gap = 0;
            long from = killNanos;
            for (int i = 1; i < t.length; i++) {
                if (t[i] > killNanos && t[i] - t[i - 1] > gap) {
                    gap = t[i] - t[i - 1];
                    from = t[i - 1];
                }
            }
            return new Pause(Duration.ofNanos(gap), Duration.ofNanos(from - killNanos));
        }
    }
}
