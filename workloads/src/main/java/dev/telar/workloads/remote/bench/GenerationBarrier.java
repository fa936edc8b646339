package dev.telar.workloads.remote.bench;

import dev.telar.workloads.remote.ManagerClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * A reusable barrier of {@code parties} clients on the manager, for the bench only (the lecture's
 * Barrier proper belongs to the remote sync primitives): one round is one {@link #await} by each.
 *
 * <p>The node {@code PATH} holds the generation and how many arrived in it (16 bytes). A client
 * arrives with a versioned compare-and-set of that pair, retried when another arrival came first,
 * so each arrival counts once. The last arrival of a generation starts the next one and creates
 * {@code PATH/g-GENERATION}; the others wait for that node with an existence watch, so each waiter
 * is woken once per round. Every wait is bounded: a party that died is noticed as a timeout.
 */
final class GenerationBarrier {
    private static final int BYTES = Long.BYTES + Integer.BYTES;

    private final ManagerClient client;
    private final String path;
    private final int parties;
    private final Duration bound;

    /**
     * @param path    the barrier's node, relative to {@link ManagerClient#ROOT}; created at 0/0 if absent
     * @param parties clients taking part in each round
     * @param bound   longest wait for a round, after which {@link #await} throws
     */
    GenerationBarrier(ManagerClient client, String path, int parties, Duration bound) throws Exception {
        this.client = client;
        this.path = path;
        this.parties = parties;
        this.bound = bound;
        try {
            client.curator().create().creatingParentsIfNeeded().forPath(path, encode(0, 0));
        } catch (KeeperException.NodeExistsException made) {
            // another party created it
        }
    }

    /** Arrives and waits until all parties of this round arrived; returns the round's generation. */
    long await() throws Exception {
        CuratorFramework curator = client.curator();
        while (true) {
            Stat stat = new Stat();
            ByteBuffer b = ByteBuffer.wrap(curator.getData().storingStatIn(stat).forPath(path));
            long generation = b.getLong();
            int arrived = b.getInt();
            boolean last = arrived + 1 == parties;
            byte[] next = last ? encode(generation + 1, 0) : encode(generation, arrived + 1);
            ZooKeeper zk = curator.getZookeeperClient().getZooKeeper();
            try {
                // Sent once on ZooKeeper's handle: a blind retry could arrive twice.
                zk.setData(ManagerClient.ROOT + path, next, stat.getVersion());
            } catch (KeeperException.BadVersionException lost) {
                continue; // another arrival came first: count again from its pair
            }
            String released = path + "/g-" + generation;
            if (last) {
                curator.create().forPath(released);
                return generation;
            }
            waitFor(released, generation);
            return generation;
        }
    }

    private void waitFor(String released, long generation) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            CountDownLatch changed = new CountDownLatch(1);
            CuratorWatcher wake = e -> changed.countDown();
            if (client.curator().checkExists().usingWatcher(wake).forPath(released) != null) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !changed.await(left, TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("barrier " + path + ": round " + generation + " not complete within "
                        + bound.toSeconds() + " s (a party is dead or stuck)");
            }
        }
    }

    /** The generation now: how many rounds were completed. */
    long generation() throws Exception {
        return ByteBuffer.wrap(client.curator().getData().forPath(path)).getLong();
    }

    private static byte[] encode(long generation, int arrived) {
        return ByteBuffer.allocate(BYTES).putLong(generation).putInt(arrived).array();
    }
}
