package dev.telar.workloads.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.proc.ChildMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/**
 * The manager value and the manager lock on a real ZooKeeper server on loopback, used by clients
 * with sessions of their own: threads of this JVM and real child JVMs.
 */
@Timeout(90)
class RemoteObjectsTest {
    private static final Duration WAIT = LoopbackManager.CONNECT;

    @RegisterExtension
    static final LoopbackManager.PerClass MANAGER = new LoopbackManager.PerClass();

    private static ManagerClient connect() throws InterruptedException {
        return MANAGER.get().connect();
    }

    @Test
    void threadsEachWithItsOwnSessionCountExactly() throws Exception {
        int threads = 4;
        int each = 150;
        List<Long> retries = inParallel(threads, () -> {
            try (ManagerClient client = connect()) {
                RemoteValue value = RemoteValue.open(client, "threads", 0);
                for (int i = 0; i < each; i++) {
                    value.addAndGet(1);
                }
                return value.retries();
            }
        });
        try (ManagerClient client = connect()) {
            assertThat(RemoteValue.open(client, "threads", 0).get()).isEqualTo((long) threads * each);
        }
        System.out.println("remote value, " + threads + " sessions x " + each + ": lost compare-and-sets retried " + retries);
    }

    @Test
    void twoChildJvmsCountExactly() throws Exception {
        int each = 300;
        List<Child> children = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                children.add(ChildLauncher.start(ChildMain.KIND_TARGET, RemoteTargets.Counter.class,
                        List.of(MANAGER.get().address(), MANAGER.get().keyFile().toString(), "processes", Integer.toString(each)),
                        List.of(), true));
            }
            for (Child c : children) {
                assertThat(c.stdout().readLine()).as("child %s: %s", c.pid(), c.lastError()).isEqualTo("ready");
            }
            children.forEach(c -> c.sendLine("go"));
            for (Child c : children) {
                String done = c.stdout().readLine();
                assertThat(done).as("child %s: %s", c.pid(), c.lastError()).startsWith("done ");
                assertThat(c.join(WAIT).orElseThrow().code()).isZero();
                System.out.println("remote value, child " + c.pid() + ": " + done.substring(5) + " lost compare-and-sets retried");
            }
            try (ManagerClient client = connect()) {
                assertThat(RemoteValue.open(client, "processes", 0).get()).isEqualTo(2L * each);
            }
        } finally {
            children.forEach(Child::kill);
        }
    }

    @Test
    void aValueKeepsItsNumberWhenOpenedAgainAndIsTelarsOnly() throws Exception {
        try (ManagerClient client = connect()) {
            RemoteValue v = RemoteValue.open(client, "reopened", 40);
            assertThat(v.addAndGet(2)).isEqualTo(42);
            assertThat(v.addAndGet(-50)).isEqualTo(-8);
            assertThat(RemoteValue.open(client, "reopened", 7).get()).as("an existing value keeps its number").isEqualTo(-8);
            assertThat(client.curator().getData().forPath("/values/reopened")).hasSize(RemoteValue.BYTES);
            assertThat(client.curator().getACL().forPath("/values/reopened")).isEqualTo(ManagerClient.ONLY_TELAR);
            assertThat(client.curator().getACL().forPath("/values")).isEqualTo(ManagerClient.ONLY_TELAR);
        }
    }

    @Test
    void namesThatAreNotOneWordAreRefused() throws Exception {
        try (ManagerClient client = connect()) {
            assertThatThrownBy(() -> RemoteValue.open(client, "a/b", 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a remote object's name is one word without '/' or control characters: 'a/b'");
            assertThatThrownBy(() -> RemoteLock.open(client, "")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a remote object's name has 1 to 200 characters: ''");
            assertThatThrownBy(() -> RemoteLock.open(client, "..")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aNodeThatIsNotAValueIsRefusedNotMisread() throws Exception {
        try (ManagerClient client = connect()) {
            client.curator().create().creatingParentsIfNeeded().forPath("/values/odd", new byte[] {1, 2, 3});
            RemoteValue odd = RemoteValue.open(client, "odd", 0);
            assertThatThrownBy(odd::get).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the node holds 3 bytes, not a 8-byte value");
            assertThatThrownBy(() -> odd.addAndGet(1)).isInstanceOf(IllegalStateException.class);
            assertThat(client.curator().getData().forPath("/values/odd")).containsExactly(1, 2, 3);
        }
    }

    /**
     * Two sessions do read-then-write on a plain node (no version: the write may overwrite a newer
     * number). Under the lock no update is lost; without it the loss is printed, not asserted, as
     * the interleaving is the scheduler's.
     */
    @Test
    void theLockMakesAPlainReadThenWriteExact() throws Exception {
        int each = 100;
        assertThat(plainIncrements("locked", each, true)).isEqualTo(2L * each);
        long unlocked = plainIncrements("unlocked", each, false);
        System.out.println("plain read-then-write, 2 sessions x " + each + ": " + unlocked + " without the lock (" + (2L * each - unlocked) + " lost)");
    }

    private static long plainIncrements(String name, int each, boolean locked) throws Exception {
        String path = "/plain/" + name;
        try (ManagerClient client = connect()) {
            client.curator().create().creatingParentsIfNeeded().forPath(path, RemoteValue.encode(0));
        }
        CountDownLatch both = new CountDownLatch(2);
        inParallel(2, () -> {
            try (ManagerClient client = connect()) {
                CuratorFramework c = client.curator();
                RemoteLock lock = RemoteLock.open(client, name);
                both.countDown();
                both.await(); // start together, or the first may finish before the second connects
                for (int i = 0; i < each; i++) {
                    if (locked) {
                        assertThat(lock.acquire(WAIT)).isTrue();
                    }
                    try {
                        long n = RemoteValue.decode(c.getData().forPath(path));
                        c.setData().forPath(path, RemoteValue.encode(n + 1));
                    } finally {
                        if (locked) {
                            lock.release();
                        }
                    }
                }
                return 0L;
            }
        });
        try (ManagerClient client = connect()) {
            return RemoteValue.decode(client.curator().getData().forPath(path));
        }
    }

    @Test
    void theLockIsNotReentrantAndOnlyItsHolderReleasesIt() throws Exception {
        try (ManagerClient a = connect(); ManagerClient b = connect()) {
            RemoteLock mine = RemoteLock.open(a, "door");
            RemoteLock theirs = RemoteLock.open(b, "door");
            assertThat(mine.acquire(WAIT)).isTrue();
            assertThat(mine.held()).isTrue();
            assertThat(mine.acquire(Duration.ofMillis(200))).as("a second acquire by the holder waits, like the lecture's Lock").isFalse();
            assertThat(theirs.acquire(Duration.ofMillis(200))).isFalse();
            assertThatThrownBy(theirs::release).isInstanceOf(IllegalStateException.class)
                    .hasMessage("lock 'door' at " + MANAGER.get().address() + " is not held here");
            Thread other = new Thread(mine::release); // held by the instance, not the thread
            other.start();
            other.join(WAIT.toMillis());
            assertThat(mine.held()).isFalse();
            assertThat(theirs.acquire(WAIT)).isTrue();
            theirs.release();
        }
    }

    /**
     * A child JVM holds the lock and is killed with -9: its session, and with it its claim, ends
     * when the session timeout passes without a word from it, and a waiter gets the lock then.
     */
    @Test
    void aHolderKilledWithMinus9FreesTheLockWhenItsSessionExpires() throws Exception {
        Child holder = ChildLauncher.startTarget(RemoteTargets.Holder.class,
                List.of(MANAGER.get().address(), MANAGER.get().keyFile().toString(), "dock", "2000"));
        try (ManagerClient client = connect()) {
            String line = holder.stdout().readLine();
            assertThat(line).as("holder: %s", holder.lastError()).startsWith("locked ");
            Duration session = Duration.ofMillis(Long.parseLong(line.substring(7)));
            RemoteLock lock = RemoteLock.open(client, "dock");
            assertThat(lock.acquire(Duration.ofMillis(500))).as("a live holder keeps it").isFalse();
            long killed = System.nanoTime();
            holder.kill();
            assertThat(holder.join(WAIT).orElseThrow().signal()).isEqualTo(9);
            // The server checks expiries once a tick, and a tick is at most half the session.
            Duration margin = session.dividedBy(2).plusSeconds(2);
            assertThat(lock.acquire(session.plus(margin).plus(WAIT))).isTrue();
            Duration freed = Duration.ofNanos(System.nanoTime() - killed);
            System.out.println("remote lock freed " + freed.toMillis() + " ms after kill -9 (session " + session.toMillis() + " ms)");
            // An idle client pings every third of its session, so its last word may be that much
            // older than the kill: the session ends two thirds of it after the kill at the soonest.
            assertThat(freed).as("not before the session could expire").isGreaterThanOrEqualTo(session.dividedBy(2));
            assertThat(freed).isLessThanOrEqualTo(session.plus(margin));
            lock.release();
        } finally {
            holder.kill();
        }
    }

    /**
     * The holder's client is told its session expired (as after a long cut-off): it stops
     * believing it holds the lock, its release says so, and it may take the lock again afterwards.
     */
    @Test
    void aHolderWhoseSessionExpiredStopsBelievingItHoldsTheLock() throws Exception {
        try (ManagerClient client = connect()) {
            RemoteLock lock = RemoteLock.open(client, "rig");
            assertThat(lock.acquire(WAIT)).isTrue();
            client.curator().getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (lock.held() && System.nanoTime() - deadline < 0) {
                Thread.sleep(20);
            }
            assertThat(lock.held()).as("held after the session was lost").isFalse();
            assertThatThrownBy(lock::release).isInstanceOf(IllegalStateException.class)
                    .hasMessage("lock 'rig' at " + MANAGER.get().address()
                            + " was lost while held: the session ended, another client may have held it meanwhile");
            assertThat(lock.acquire(WAIT)).as("taken again on the new session").isTrue();
            assertThat(lock.held()).isTrue();
            lock.release();
            assertThat(lock.held()).isFalse();
        }
    }

    /** Runs {@code n} copies of {@code task} on threads of their own; their results, in order, once all are done. */
    private static List<Long> inParallel(int n, Callable<Long> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(task));
            }
            List<Long> results = new ArrayList<>();
            for (Future<Long> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
