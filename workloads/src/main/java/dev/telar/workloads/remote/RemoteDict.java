package dev.telar.workloads.remote;

import dev.telar.workloads.shared.NumberDict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
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
 * machines without a lock: it writes the sum only if the entry is still at the version it last
 * saw, reading it again and retrying after another client's write; every acknowledged increment
 * counts exactly once. Each instance remembers the version it last saw of each key, so an
 * uncontended increment is one conditional write (one round trip); a lost one costs a read more. As with {@link RemoteValue}, a connection lost while that write is
 * on its way ends in {@link IllegalStateException} saying the outcome is unknown, never in a blind
 * second attempt. {@link #keys()} and {@link #size()} are snapshots: another client may change the
 * dict at once.
 *
 * <p><b>Long or double.</b> The node does not say which of the two its 8 bytes are: the callers of
 * one key agree on it, the long calls ({@link #get}, {@link #put}, {@link #increment}) or the
 * double ones ({@link #getDouble}, {@link #putDouble}, {@link #addDouble}: the {@link NumberDict}
 * the local {@code SharedDict} shares). {@link #addDouble} is atomic as {@link #increment} is.
 *
 * <p>Keys are one plain word each (no '/', at most 200 characters). One instance may be used by
 * many threads.
 */
public final class RemoteDict implements NumberDict {
    /** The folder of the dicts, relative to {@link ManagerClient#ROOT}. */
    public static final String FOLDER = "/dicts";

    private final ManagerClient client;
    private final String path;
    private final String name;
    private final AtomicLong retries = new AtomicLong();
    /** Each key's entry as this instance last read or wrote it: an uncontended increment is then one write. */
    private final Map<String, Seen> lastSeen = new ConcurrentHashMap<>();

    /** The dict node's data version, read before any entry read that is paired with it. */
    private volatile int folderVersion;

    /** An entry's number at its version, with the dict node's version from before it was read. */
    private record Seen(int folderVersion, int version, long value) {
    }

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
        RemoteDict dict = new RemoteDict(client, path, name);
        dict.refreshFolderVersion();
        return dict;
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
    @Override
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
    @Override
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
        return update(key, now -> now + delta, Long.toString(delta));
    }

    /**
     * Adds {@code delta} to the {@code double} stored under {@code key} by {@link #putDouble} (an
     * absent entry counts as 0 and is created) and returns the sum this call produced, atomically
     * as {@link #increment} does. Whole numbers are exact up to 2<sup>53</sup> in magnitude.
     *
     * @throws IllegalStateException when the manager cannot be reached, or the connection dropped
     *                               during the write (outcome unknown)
     */
    @Override
    public double addDouble(String key, double delta) {
        long bits = update(key, now -> Double.doubleToRawLongBits(Double.longBitsToDouble(now) + delta), Double.toString(delta));
        return Double.longBitsToDouble(bits);
    }

    /**
     * Replaces the 8 bytes under {@code key} by {@code next(old)} with one conditional write, read
     * again and retried after another client's write; an absent entry is created with {@code
     * next(0)} (the bits of both {@code 0L} and {@code 0.0}). Returns the bits written.
     */
    private long update(String key, LongUnaryOperator next, String delta) {
        String entry = entry(key);
        Seen seen = lastSeen.get(key);
        while (true) {
            if (seen == null) {
                int folder = folderVersion; // taken before the entry is read: a later removal shows as a newer folder
                seen = read(entry, key, folder);
                if (seen == null) {
                    long first = next.applyAsLong(0L);
                    if (createWith(entry, key, first)) {
                        lastSeen.put(key, new Seen(folder, 0, first));
                        return first;
                    }
                    retries.incrementAndGet(); // another client created it first: add to theirs
                    continue;
                }
            }
            long sum = next.applyAsLong(seen.value());
            Stat written = writeIf(entry, key, seen, sum, delta);
            if (written != null) {
                lastSeen.put(key, new Seen(seen.folderVersion(), written.getVersion(), sum));
                return sum;
            }
            retries.incrementAndGet(); // another client's write (or a removal) came first: read again
            seen = null;
        }
    }

    /** The entry at its version, paired with the dict node's version {@code folder}; null when absent. */
    private Seen read(String entry, String key, int folder) {
        try {
            Stat stat = new Stat();
            long now = RemoteValue.decode(client.curator().getData().storingStatIn(stat).forPath(entry));
            return new Seen(folder, stat.getVersion(), now);
        } catch (KeeperException.NoNodeException absent) {
            return null;
        } catch (Exception e) {
            throw failed("read '" + key + "'", e);
        }
    }

    /** Reads the dict node's data version again ({@link #remove} raises it). */
    private void refreshFolderVersion() {
        try {
            Stat stat = client.curator().checkExists().forPath(path);
            if (stat == null) {
                throw new IllegalStateException("dict '" + name + "' at " + client.address() + " was deleted");
            }
            folderVersion = stat.getVersion();
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw failed("read the dict", e);
        }
    }

    /**
     * One conditional write of {@code next}: applied only when the entry is still at the version
     * {@code seen} and no entry of the dict was removed since (the folder's version), so a key removed
     * and made again, whose versions start over, is never mistaken for the one seen. Sent once on
     * ZooKeeper's handle: a blind retry could add twice. Null when it lost.
     */
    private Stat writeIf(String entry, String key, Seen seen, long next, String delta) {
        ZooKeeper zk;
        try {
            zk = client.curator().getZookeeperClient().getZooKeeper();
        } catch (Exception e) {
            throw failed("write '" + key + "'", e);
        }
        try {
            List<OpResult> done = zk.multi(List.of(
                    Op.check(ManagerClient.ROOT + path, seen.folderVersion()),
                    Op.setData(ManagerClient.ROOT + entry, RemoteValue.encode(next), seen.version())));
            return ((OpResult.SetDataResult) done.get(1)).getStat();
        } catch (KeeperException.BadVersionException | KeeperException.NoNodeException lost) {
            List<OpResult> results = lost.getResults();
            if (results != null && !results.isEmpty() && results.get(0) instanceof OpResult.ErrorResult first
                    && first.getErr() != KeeperException.Code.OK.intValue()) {
                refreshFolderVersion(); // an entry was removed since: what was seen may be another incarnation
            }
            return null;
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

    /**
     * Removes {@code key}'s entry; false when there was none. The same transaction raises the dict
     * node's version, which every remembered entry of every client carries (see {@link #increment}).
     */
    @Override
    public boolean remove(String key) {
        String entry = entry(key);
        lastSeen.remove(key);
        try {
            client.curator().transaction().forOperations(
                    client.curator().transactionOp().delete().forPath(entry),
                    client.curator().transactionOp().setData().forPath(path, new byte[0]));
            return true;
        } catch (KeeperException.NoNodeException absent) {
            return false;
        } catch (Exception e) {
            throw failed("remove '" + key + "'", e);
        }
    }

    /** The keys now, sorted. */
    @Override
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
    @Override
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
