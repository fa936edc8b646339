package dev.telar.workloads.remote;

import dev.telar.workloads.shared.ItemQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;

/**
 * The lecture's manager Queue: a FIFO of signed 64-bit numbers shared by every client of a
 * manager, any of which may put and take. Each item is one node under {@code /telar/queues/NAME},
 * named by the sequence number the manager gives each put.
 *
 * <p><b>Each item is taken exactly once.</b> A take reads the oldest item and deletes its node;
 * the manager accepts only one delete of a node, so of several clients trying the same item exactly
 * one owns it and the others go on to the next. No acknowledged put is lost and none is taken
 * twice. Items come out in the manager's order of puts (FIFO for all producers together).
 *
 * <p><b>An unknown outcome is said.</b> Puts and the deleting step of a take are sent once on
 * ZooKeeper's own handle, without Curator's retry: if the connection drops while one is on its
 * way, the call ends in {@link IllegalStateException} saying the outcome is unknown (for a take:
 * the item may have been taken by this call and is then lost with it), never in a duplicate.
 *
 * <p><b>Waiting.</b> {@link #take} waits for an item on a watch of the queue's children, up to the
 * time given; it never waits longer. Curator's own DistributedQueue was not used: its consumer takes
 * items in the background into a callback, which does not give the lecture's {@code get(timeout)}.
 *
 * <p>It is the remote {@link ItemQueue}, the interface the local queue shares through {@code
 * mechanism.SharedItemQueue}. One instance may be used by many threads.
 */
public final class RemoteQueue implements ItemQueue {
    /** The folder of the queues, relative to {@link ManagerClient#ROOT}. */
    public static final String FOLDER = "/queues";
    private static final String ITEM = "item-";

    private final ManagerClient client;
    private final String path;
    private final String name;
    private final Object changes = new Object();
    private long changeCount;
    /** One watcher object for the instance, so repeated waits do not pile up watchers on the server. */
    private final CuratorWatcher watcher = event -> {
        synchronized (changes) {
            changeCount++;
            changes.notifyAll();
        }
    };

    private RemoteQueue(ManagerClient client, String path, String name) {
        this.client = client;
        this.path = path;
        this.name = name;
    }

    /**
     * The queue {@code name} of the manager {@code client} talks to, created empty when no client
     * has created it yet.
     *
     * @throws IllegalArgumentException when the name is not one plain word
     * @throws IllegalStateException    when the manager cannot be reached or refuses
     */
    public static RemoteQueue open(ManagerClient client, String name) {
        String path = RemoteNames.path(FOLDER, name);
        RemoteNodes.ensure(client, path, "queue '" + name + "'");
        return new RemoteQueue(client, path, name);
    }

    /** Puts {@code value} at the tail (one request; see the class comment on a lost connection). */
    @Override
    public void put(long value) {
        try {
            zk().create(ManagerClient.ROOT + path + "/" + ITEM, RemoteValue.encode(value), ManagerClient.ONLY_TELAR,
                    CreateMode.PERSISTENT_SEQUENTIAL);
        } catch (KeeperException.ConnectionLossException unknown) {
            throw unknown("putting", unknown);
        } catch (Exception e) {
            throw failed("put", e);
        }
    }

    /** Takes the oldest item if there is one, without waiting. */
    public OptionalLong poll() {
        try {
            return takeFirst(client.curator().getChildren().forPath(path));
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw failed("list the items", e);
        }
    }

    /**
     * Takes the oldest item, waiting at most {@code timeout} for one to be put; empty when none
     * came in time.
     *
     * @throws IllegalStateException when the manager cannot be reached, the take's outcome is
     *                               unknown, or the wait was interrupted (the interrupt is kept)
     */
    @Override
    public OptionalLong take(Duration timeout) {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (true) {
            long seen;
            synchronized (changes) {
                seen = changeCount;
            }
            OptionalLong got;
            try {
                // The watch is set by the same read that finds the queue empty: a put after it wakes us.
                got = takeFirst(client.curator().getChildren().usingWatcher(watcher).forPath(path));
            } catch (IllegalStateException e) {
                throw e;
            } catch (Exception e) {
                throw failed("list the items", e);
            }
            if (got.isPresent()) {
                return got;
            }
            synchronized (changes) {
                while (changeCount == seen) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return OptionalLong.empty();
                    }
                    try {
                        changes.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting on queue '" + name + "'", e);
                    }
                }
            }
        }
    }

    /** Tries the items oldest first until this client owns one by deleting it; empty when none is left. */
    private OptionalLong takeFirst(List<String> children) throws Exception {
        List<String> items = new ArrayList<>(children);
        Collections.sort(items);
        for (String item : items) {
            String full = path + "/" + item;
            long value;
            try {
                value = RemoteValue.decode(client.curator().getData().forPath(full));
            } catch (KeeperException.NoNodeException taken) {
                continue; // another client took it between the listing and the read
            }
            try {
                zk().delete(ManagerClient.ROOT + full, -1);
                return OptionalLong.of(value);
            } catch (KeeperException.NoNodeException taken) {
                // another client's delete came first: the item is theirs
            } catch (KeeperException.ConnectionLossException unknown) {
                throw unknown("taking " + item, unknown);
            }
        }
        return OptionalLong.empty();
    }

    /** How many items wait now. */
    public int size() {
        return RemoteNodes.children(client, path, "queue '" + name + "'");
    }

    /** Deletes the queue and its items (for the one who created it, when done with it). */
    public void delete() {
        RemoteNodes.deleteTree(client, path, "queue '" + name + "'");
    }

    /** The queue's name. */
    public String name() {
        return name;
    }

    private ZooKeeper zk() throws Exception {
        return client.curator().getZookeeperClient().getZooKeeper();
    }

    private IllegalStateException unknown(String what, Exception e) {
        return new IllegalStateException("queue '" + name + "' at " + client.address() + ": the connection dropped while "
                + what + "; the server may or may not have applied it", e);
    }

    private IllegalStateException failed(String what, Exception e) {
        return RemoteNodes.failed(client, "queue '" + name + "'", what, e);
    }
}
