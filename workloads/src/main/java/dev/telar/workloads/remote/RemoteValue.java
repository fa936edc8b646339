package dev.telar.workloads.remote;

import dev.telar.workloads.shared.NumberValue;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * The lecture's manager value: one signed 64-bit counter shared by every client of a manager, in the
 * node {@code /telar/values/NAME} (8 bytes, big-endian).
 *
 * <p><b>Guarantees.</b> {@link #addAndGet} is atomic across threads, processes and machines without
 * a lock: it reads the number with the node's version and writes the sum only if the version is
 * still the one read (ZooKeeper's conditional write); when another client wrote first it reads
 * again and retries. So every acknowledged addition counts exactly once. A retry happens only
 * because another client's addition succeeded, so the clients as a whole always progress; one
 * client may retry many times under heavy contention ({@link #retries()} counts them).
 *
 * <p><b>An unknown outcome is said, never guessed.</b> If the connection drops while the
 * conditional write is on its way, nobody can tell whether the server applied it. Retrying it
 * blindly could add twice (the write came through, the answer did not), so the write is sent once
 * on ZooKeeper's own handle, without Curator's retry, and a lost connection there ends in
 * {@link IllegalStateException} saying the outcome is unknown. Reads are retried as usual.
 *
 * <p><b>Long or double.</b> The node's 8 bytes do not say which they are: every client of one value
 * agrees on it. {@link #open} with the long calls ({@link #get}, {@link #addAndGet}) keeps a
 * counter; {@link #openDouble} with the double calls ({@link #getDouble}, {@link #setDouble},
 * {@link #addDouble}: the {@link NumberValue} the local {@code SharedValue} shares) keeps the
 * {@code double}'s exact bits, added to as atomically.
 *
 * <p>One instance may be used by many threads.
 */
public final class RemoteValue implements NumberValue {
    /** The folder of the values, relative to {@link ManagerClient#ROOT}. */
    public static final String FOLDER = "/values";
    /** The size of the node's data, in bytes. */
    public static final int BYTES = Long.BYTES;

    private final ManagerClient client;
    private final String path;
    private final String name;
    private final AtomicLong retries = new AtomicLong();

    private RemoteValue(ManagerClient client, String path, String name) {
        this.client = client;
        this.path = path;
        this.name = name;
    }

    /**
     * The value {@code name} of the manager {@code client} talks to, created with {@code initial}
     * when no client has created it yet (an existing value keeps its number).
     *
     * @throws IllegalArgumentException when the name is not one plain word ({@link RemoteNames#path})
     * @throws IllegalStateException    when the manager cannot be reached or refuses
     */
    public static RemoteValue open(ManagerClient client, String name, long initial) {
        String path = RemoteNames.path(FOLDER, name);
        try {
            client.curator().create().creatingParentsIfNeeded().forPath(path, encode(initial));
        } catch (KeeperException.NodeExistsException made) {
            // another client created it first: its number stands
        } catch (Exception e) {
            throw failed(client, name, "create", e);
        }
        return new RemoteValue(client, path, name);
    }

    /** The number now (a read: another client may change it at once). */
    public long get() {
        try {
            return decode(client.curator().getData().forPath(path));
        } catch (Exception e) {
            throw failed(client, name, "read", e);
        }
    }

    /**
     * Adds {@code delta} (wrapping around on overflow, as {@code long} arithmetic does) and returns
     * the sum this addition produced: exactly one client sees each sum.
     *
     * @throws IllegalStateException when the manager cannot be reached, the value was deleted, or
     *                               the connection dropped during the write (outcome unknown)
     */
    public long addAndGet(long delta) {
        return update(now -> now + delta, Long.toString(delta));
    }

    /**
     * The value {@code name} holding a {@code double} (its exact bits in the node's 8 bytes),
     * created with {@code initial} when no client has created it yet. Every client of one value
     * opens it the same way (see the class comment).
     */
    public static RemoteValue openDouble(ManagerClient client, String name, double initial) {
        return open(client, name, Double.doubleToRawLongBits(initial));
    }

    /** The {@code double} now, of a value opened by {@link #openDouble}. */
    @Override
    public double getDouble() {
        return Double.longBitsToDouble(get());
    }

    /**
     * Stores {@code value}'s exact bits (the last write wins). A plain write: sent again after a
     * dropped connection, it still leaves the one number written.
     */
    @Override
    public void setDouble(double value) {
        try {
            client.curator().setData().forPath(path, encode(Double.doubleToRawLongBits(value)));
        } catch (Exception e) {
            throw failed(client, name, "write", e);
        }
    }

    /**
     * Adds {@code delta} to the {@code double} of a value opened by {@link #openDouble}, atomically
     * as {@link #addAndGet} does, and returns the sum this addition produced. Whole numbers are
     * exact up to 2<sup>53</sup> in magnitude.
     *
     * @throws IllegalStateException as {@link #addAndGet} does
     */
    @Override
    public double addDouble(double delta) {
        long bits = update(now -> Double.doubleToRawLongBits(Double.longBitsToDouble(now) + delta), Double.toString(delta));
        return Double.longBitsToDouble(bits);
    }

    /**
     * Replaces the 8 bytes by {@code next(old)} with a conditional write, read again and retried
     * after another client's write; the write is sent once (see the class comment). Returns the
     * bits written.
     */
    private long update(LongUnaryOperator next, String delta) {
        CuratorFramework curator = client.curator();
        String full = ManagerClient.ROOT + path;
        while (true) {
            Stat stat = new Stat();
            long now;
            ZooKeeper zk;
            try {
                now = decode(curator.getData().storingStatIn(stat).forPath(path));
                zk = curator.getZookeeperClient().getZooKeeper();
            } catch (Exception e) {
                throw failed(client, name, "read", e);
            }
            long sum = next.applyAsLong(now);
            try {
                zk.setData(full, encode(sum), stat.getVersion());
                return sum;
            } catch (KeeperException.BadVersionException lost) {
                retries.incrementAndGet(); // another client's addition came first: read its sum
            } catch (KeeperException.ConnectionLossException unknown) {
                throw new IllegalStateException("value '" + name + "' at " + client.address()
                        + ": the connection dropped while adding " + delta + "; the server may or may not have applied it", unknown);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while adding to value '" + name + "'", e);
            } catch (KeeperException e) {
                throw failed(client, name, "write", e);
            }
        }
    }

    /** How many conditional writes of this instance lost to another client's and were retried. */
    public long retries() {
        return retries.get();
    }

    /** The value's name. */
    public String name() {
        return name;
    }

    static byte[] encode(long value) {
        return ByteBuffer.allocate(BYTES).putLong(value).array();
    }

    /** @throws IllegalStateException when the node does not hold 8 bytes (it is not a value Telar wrote) */
    static long decode(byte[] data) {
        if (data == null || data.length != BYTES) {
            throw new IllegalStateException("the node holds " + (data == null ? 0 : data.length) + " bytes, not a " + BYTES + "-byte value");
        }
        return ByteBuffer.wrap(data).getLong();
    }

    private static IllegalStateException failed(ManagerClient client, String name, String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("value '" + name + "' at " + client.address() + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
