package dev.telar.workloads.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.proc.ChildMain;
import dev.telar.workloads.proc.ProcessTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/**
 * The manager dict, list and queue on a real ZooKeeper server on loopback, used by this JVM and by
 * real child JVMs with sessions of their own.
 */
@Timeout(120)
class RemoteDataTest {
    private static final Duration WAIT = LoopbackManager.CONNECT;

    @RegisterExtension
    static final LoopbackManager.PerClass MANAGER = new LoopbackManager.PerClass();

    @Test
    void theDictPutsGetsRemovesAndListsItsKeys() throws Exception {
        try (ManagerClient client = MANAGER.get().connect()) {
            RemoteDict d = RemoteDict.open(client, "basics");
            assertThat(d.get("a")).isEmpty();
            d.put("a", 5);
            d.put("b", -7);
            d.putDouble("pi", Math.PI);
            assertThat(d.get("a")).hasValue(5);
            assertThat(d.get("b")).hasValue(-7);
            assertThat(d.getDouble("pi").getAsDouble()).isEqualTo(Math.PI);
            assertThat(d.increment("a", 10)).isEqualTo(15);
            assertThat(d.increment("new", 3)).as("an absent entry counts as 0").isEqualTo(3);
            assertThat(d.keys()).containsExactly("a", "b", "new", "pi");
            assertThat(d.size()).isEqualTo(4);
            assertThat(d.remove("b")).isTrue();
            assertThat(d.remove("b")).isFalse();
            assertThat(RemoteDict.open(client, "basics").keys()).as("opened again, the entries stay").containsExactly("a", "new", "pi");
            assertThat(client.curator().getACL().forPath("/dicts/basics/a")).isEqualTo(ManagerClient.ONLY_TELAR);
            assertThatThrownBy(() -> d.put("x/y", 1)).isInstanceOf(IllegalArgumentException.class);
            d.delete();
            assertThat(client.curator().checkExists().forPath("/dicts/basics")).isNull();
        }
    }

    @Test
    void anIncrementOnARememberedVersionNeverCountsOnAnEntryRemovedAndMadeAgain() throws Exception {
        try (ManagerClient a = MANAGER.get().connect(); ManagerClient b = MANAGER.get().connect()) {
            RemoteDict mine = RemoteDict.open(a, "remade");
            RemoteDict other = RemoteDict.open(b, "remade");
            assertThat(mine.increment("k", 1)).isEqualTo(1);
            assertThat(mine.increment("k", 1)).as("uncontended: one write on the version it remembers").isEqualTo(2);
            assertThat(mine.retries()).isZero();
            // the other client removes the entry and brings a new one to the very version 'mine' remembers
            assertThat(other.remove("k")).isTrue();
            assertThat(other.increment("k", 100)).isEqualTo(100);
            assertThat(other.increment("k", 100)).isEqualTo(200);
            assertThat(mine.increment("k", 1)).as("counted on the new entry, not on the remembered 2").isEqualTo(201);
            assertThat(mine.retries()).isEqualTo(1);
            assertThat(other.increment("k", 1)).as("the other's remembered version is stale now").isEqualTo(202);
            assertThat(mine.get("k")).hasValue(202);
            mine.delete();
        }
    }

    @Test
    void twoChildJvmsIncrementOneDictEntryExactly() throws Exception {
        int each = 300;
        List<String> lines = runChildren(List.of(
                child(RemoteDataTargets.DictCounter.class, "counts", "hits", Integer.toString(each)),
                child(RemoteDataTargets.DictCounter.class, "counts", "hits", Integer.toString(each))));
        assertThat(lines).hasSize(2).allMatch(l -> l.startsWith("done "));
        try (ManagerClient client = MANAGER.get().connect()) {
            assertThat(RemoteDict.open(client, "counts").get("hits")).hasValue(2L * each);
        }
        System.out.println("remote dict, 2 child JVMs x " + each + " increments: retries " + lines);
    }

    @Test
    void theListKeepsTheOrderOfAppends() throws Exception {
        try (ManagerClient a = MANAGER.get().connect(); ManagerClient b = MANAGER.get().connect()) {
            RemoteList mine = RemoteList.open(a, "log");
            RemoteList theirs = RemoteList.open(b, "log");
            for (int i = 0; i < 20; i++) {
                (i % 2 == 0 ? mine : theirs).append(i * 10L);
            }
            assertThat(mine.size()).isEqualTo(20);
            assertThat(theirs.get(0)).isZero();
            assertThat(theirs.get(19)).isEqualTo(190);
            List<Long> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                expected.add(i * 10L);
            }
            assertThat(mine.snapshot()).isEqualTo(expected);
            assertThatThrownBy(() -> mine.get(20)).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("list 'log' has 20 items, no item 20");
        }
    }

    @Test
    void theQueueIsFifoAndItsTakeWaitsNoLongerThanAsked() throws Exception {
        try (ManagerClient client = MANAGER.get().connect(); ManagerClient other = MANAGER.get().connect()) {
            RemoteQueue q = RemoteQueue.open(client, "fifo");
            assertThat(q.poll()).isEmpty();
            long t0 = System.nanoTime();
            assertThat(q.take(Duration.ofMillis(300))).isEmpty();
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertThat(waited).isBetween(290L, 3_000L);
            for (long v = 1; v <= 5; v++) {
                q.put(v);
            }
            assertThat(q.size()).isEqualTo(5);
            assertThat(q.take(WAIT)).hasValue(1);
            assertThat(q.poll()).hasValue(2);
            // A take waiting on an empty queue is woken by another session's put.
            RemoteQueue empty = RemoteQueue.open(client, "wake");
            Thread putter = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    RemoteQueue.open(other, "wake").put(42);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            putter.start();
            long t1 = System.nanoTime();
            assertThat(empty.take(WAIT)).hasValue(42);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1)).isLessThan(WAIT.toMillis());
            putter.join();
            assertThat(q.take(WAIT)).hasValue(3);
        }
    }

    /**
     * Two producer JVMs put N items each, two consumer JVMs take until they meet a stop item: every
     * item is taken exactly once and none is lost.
     */
    @Test
    void twoProducersAndTwoConsumersTakeEachItemExactlyOnce() throws Exception {
        int each = 250;
        List<Child> consumers = new ArrayList<>();
        List<Child> producers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                consumers.add(start(child(RemoteDataTargets.Consumer.class, "jobs")));
                producers.add(start(child(RemoteDataTargets.Producer.class, "jobs", Integer.toString(i + 1), Integer.toString(each))));
            }
            List<Child> all = new ArrayList<>(consumers);
            all.addAll(producers);
            for (Child c : all) {
                assertThat(c.stdout().readLine()).as("child %s: %s", c.pid(), c.lastError()).isEqualTo("ready");
            }
            all.forEach(c -> c.sendLine("go"));
            for (Child p : producers) {
                assertThat(p.stdout().readLine()).as("producer %s: %s", p.pid(), p.lastError()).isEqualTo("done");
            }
            try (ManagerClient client = MANAGER.get().connect()) {
                RemoteQueue q = RemoteQueue.open(client, "jobs");
                q.put(RemoteDataTargets.STOP); // after every item: the queue is FIFO
                q.put(RemoteDataTargets.STOP);
            }
            List<Long> taken = new ArrayList<>();
            List<Integer> perConsumer = new ArrayList<>();
            for (Child c : consumers) {
                int mine = 0;
                for (String line = c.stdout().readLine(); !"done".equals(line); line = c.stdout().readLine()) {
                    assertThat(line).as("consumer %s: %s", c.pid(), c.lastError()).startsWith("took ");
                    taken.add(Long.parseLong(line.substring(5)));
                    mine++;
                }
                perConsumer.add(mine);
                assertThat(c.join(WAIT).orElseThrow().code()).isZero();
            }
            Set<Long> expected = new HashSet<>();
            for (int p = 1; p <= 2; p++) {
                for (int i = 0; i < each; i++) {
                    expected.add(p * 1_000_000L + i);
                }
            }
            assertThat(taken).as("each item once").hasSize(2 * each).doesNotHaveDuplicates();
            assertThat(new HashSet<>(taken)).isEqualTo(expected);
            try (ManagerClient client = MANAGER.get().connect()) {
                assertThat(RemoteQueue.open(client, "jobs").size()).isZero();
            }
            System.out.println("remote queue, 2 producers x " + each + ", taken per consumer " + perConsumer);
        } finally {
            consumers.forEach(Child::kill);
            producers.forEach(Child::kill);
        }
    }

    @Test
    void aClientWithoutTheKeyReadsNothingOfADict() throws Exception {
        try (ManagerClient client = MANAGER.get().connect()) {
            RemoteDict.open(client, "private").put("secret", 42);
        }
        ZKClientConfig noSasl = new ZKClientConfig();
        noSasl.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper plain = new ZooKeeper(MANAGER.get().address(), 10_000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        }, noSasl);
        try {
            assertThat(connected.await(5, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> plain.getData("/telar/dicts/private/secret", false, new Stat()))
                    .isInstanceOf(KeeperException.SessionClosedRequireAuthException.class);
        } finally {
            plain.close(2_000);
        }
    }

    private record Spec(Class<? extends ProcessTarget> type, List<String> args) {
    }

    private static Spec child(Class<? extends ProcessTarget> type, String... rest) {
        List<String> args = new ArrayList<>(List.of(MANAGER.get().address(), MANAGER.get().keyFile().toString()));
        args.addAll(List.of(rest));
        return new Spec(type, args);
    }

    private static Child start(Spec s) {
        return ChildLauncher.start(ChildMain.KIND_TARGET, s.type(), s.args(), List.of(), true);
    }

    /** Starts the children, lets them go together once all are ready, and returns each one's last line. */
    private static List<String> runChildren(List<Spec> specs) throws Exception {
        List<Child> children = new ArrayList<>();
        try {
            for (Spec s : specs) {
                children.add(start(s));
            }
            for (Child c : children) {
                assertThat(c.stdout().readLine()).as("child %s: %s", c.pid(), c.lastError()).isEqualTo("ready");
            }
            children.forEach(c -> c.sendLine("go"));
            List<String> last = new ArrayList<>();
            for (Child c : children) {
                last.add(c.stdout().readLine());
                assertThat(c.join(WAIT).orElseThrow().code()).as("child %s: %s", c.pid(), c.lastError()).isZero();
            }
            return last;
        } finally {
            children.forEach(Child::kill);
        }
    }
}
