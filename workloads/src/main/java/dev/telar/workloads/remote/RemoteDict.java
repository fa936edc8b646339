package dev.telar.workloads.remote;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * The lecture's manager dict: entries shared by every client of a manager, one node per key under
 * {@code /telar/dicts/NAME/KEY}. Each entry holds one signed 64-bit number (8 bytes, big-endian);
 * {@link #putDouble}/{@link #getDouble} store a {@code double} as its exact bits in the same 8 bytes.
 *
 * <p><b>Guarantees.</b> Each call is one or a few requests to the manager, and the manager applies
 * them in one order seen by every client. {@link #put} and {@link #remove} are single writes: the
 * last one to reach the manager wins. {@link #increment} is atomic across threads, processes and
 * machines without a lock: it reads the entry with its version and writes the sum only if the
 * version is still the one read, retrying after another client's write; every acknowledged
 * increment counts exactly once. As with {@link RemoteValue}, a connection lost while that write is
 * on its way ends in {@link IllegalStateException} saying the outcome is unknown, never in a blind
 * second attempt. {@link #keys()} and {@link #size()} are snapshots: another client may change the
 * dict at once.
 *
 * <p>Keys are one plain word each (no '/', at most 200 characters). One instance may be used by
 * many threads.
 */
public final class RemoteDict {
    /** The folder of the dicts, relative to {@link ManagerClient#ROOT}. */
    public static final String FOLDER = "/dicts";

    private final ManagerClient client;
    private final String path;
    private final String name;
    private final AtomicLong retries = new AtomicLong();

    private RemoteDict(ManagerClient client, String path, String name) {
        this.client = client;
        this.path = path;
        this.name = name;
    }

    /**
     * The dict {@code name} of the manager {@code client} talks to, created empty when no client
     * has created it yet (an existing dict keeps its entries).
     *
     * @throws IllegalArgumentException when the name is not one plain word
     * @throws IllegalStateException    when the manager cannot be reached or refuses
     */
    public static RemoteDict open(ManagerClient client, String name) {
        String path = RemoteNames.path(FOLDER, name);
        RemoteNodes.ensure(client, path, "dict '" + name + "'");
        return new RemoteDict(client, path, name);
    }

    /** The number under {@code key}, or empty when the dict has no such entry. */
    public OptionalLong get(String key) {
        String entry = entry(key);
        try {
            return OptionalLong.of(RemoteValue.decode(client.curator().getData().forPath(entry)));
        } catch (KeeperException.NoNodeException absent) {
            return OptionalLong.empty();
        } catch (Exception e) {
            throw failed("read '" + key + "'", e);
        }
    }

    /** The {@code double} stored under {@code key} by {@link #putDouble}, or empty. */
    public OptionalDouble getDouble(String key) {
        OptionalLong bits = get(key);
        return bits.isPresent() ? OptionalDouble.of(Double.longBitsToDouble(bits.getAsLong())) : OptionalDouble.empty();
    }

    /** Sets {@code key} to {@code value}, creating the entry if needed (the last write wins). */
    public void put(String key, long value) {
        String entry = entry(key);
        try {
            client.curator().create().orSetData().forPath(entry, RemoteValue.encode(value));
        } catch (Exception e) {
            throw failed("write '" + key + "'", e);
        }
    }

    /** Stores {@code value}'s exact bits under {@code key} (see {@link #getDouble}). */
    public void putDouble(String key, double value) {
        put(key, Double.doubleToRawLongBits(value));
    }

    /**
     * Adds {@code delta} to the number under {@code key} (an absent entry counts as 0 and is
     * created) and returns the sum this call produced: exactly one caller sees each sum.
     *
     * @throws IllegalStateException when the manager cannot be reached, or the connection dropped
     *                               during the write (outcome unknown)
     */
    public long increment(String key, long delta) {
        CuratorFramework curator = client.curator();
        String entry = entry(key);
        while (true) {
            Stat stat = new Stat();
            long now;
            ZooKeeper zk;
            try {
                now = RemoteValue.decode(curator.getData().storingStatIn(stat).forPath(entry));
                zk = curator.getZookeeperClient().getZooKeeper();
            } catch (KeeperException.NoNodeException absent) {
                if (createWith(entry, key, delta)) {
                    return delta;
                }
                retries.incrementAndGet(); // another client created it first: add to theirs
                continue;
            } catch (Exception e) {
                throw failed("read '" + key + "'", e);
            }
            long next = now + delta;
            try {
                zk.setData(ManagerClient.ROOT + entry, RemoteValue.encode(next), stat.getVersion());
                return next;
            } catch (KeeperException.BadVersionException lost) {
                retries.incrementAndGet(); // another client's write came first: read its number
            } catch (KeeperException.NoNodeException removed) {
                retries.incrementAndGet(); // removed meanwhile: start again from an absent entry
            } catch (KeeperException.ConnectionLossException unknown) {
                throw new IllegalStateException("dict '" + name + "' at " + client.address() + ": the connection dropped while adding "
                        + delta + " to '" + key + "'; the server may or may not have applied it", unknown);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while adding to dict '" + name + "'", e);
            } catch (KeeperException e) {
                throw failed("write '" + key + "'", e);
            }
        }
    }

    /** Creates the entry holding {@code value}; false when another client created it first. */
    private boolean createWith(String entry, String key, long value) {
        try {
            client.curator().create().forPath(entry, RemoteValue.encode(value));
            return true;
        } catch (KeeperException.NodeExistsException taken) {
            return false;
        } catch (Exception e) {
            throw failed("create '" + key + "'", e);
        }
    }

    /** Removes {@code key}'s entry; false when there was none. */
    public boolean remove(String key) {
        String entry = entry(key);
        try {
            client.curator().delete().forPath(entry);
            return true;
        } catch (KeeperException.NoNodeException absent) {
            return false;
        } catch (Exception e) {
            throw failed("remove '" + key + "'", e);
        }
    }

    /** The keys now, sorted. */
    public List<String> keys() {
        try {
            List<String> keys = new ArrayList<>(client.curator().getChildren().forPath(path));
            Collections.sort(keys);
            return keys;
        } catch (Exception e) {
            throw failed("list the keys", e);
        }
    }

    /** How many entries the dict has now. */
    public int size() {
        return RemoteNodes.children(client, path, "dict '" + name + "'");
    }

    /** Deletes the dict and every entry (for the one who created it, when done with it). */
    public void delete() {
        RemoteNodes.deleteTree(client, path, "dict '" + name + "'");
    }

    /** How many conditional writes of this instance lost to another client's and were retried. */
    public long retries() {
        return retries.get();
    }

    /** The dict's name. */
    public String name() {
        return name;
    }

    /** @throws IllegalArgumentException when the key is not one plain word */
    private String entry(String key) {
        return RemoteNames.path(path, key);
    }

    private IllegalStateException failed(String what, Exception e) {
        return RemoteNodes.failed(client, "dict '" + name + "'", what, e);
    }
}
