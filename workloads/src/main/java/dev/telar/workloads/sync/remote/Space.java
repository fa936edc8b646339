package dev.telar.workloads.sync.remote;

import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.RemoteNames;
import dev.telar.workloads.sync.Participant;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * One remote family's place on the manager, {@code /sync/SPACE} under {@link ManagerClient#ROOT},
 * and what its primitives share: the client, the session-loss count and the node operations with
 * their error mapping (a manager that cannot be reached is an {@link IllegalStateException} naming
 * the primitive; nothing is retried blindly beyond Curator's own retries of idempotent calls).
 */
final class Space {
    /** The folder of all spaces, relative to {@link ManagerClient#ROOT}. */
    static final String FOLDER = "/sync";

    final ManagerClient client;
    final CuratorFramework curator;
    /** {@code /sync/SPACE}. */
    final String root;
    final String name;
    /** +1 each time Curator reports this client's session LOST: a hold taken before is no longer sure. */
    private final AtomicLong losses = new AtomicLong();
    private final ConnectionStateListener lossWatch = (c, state) -> {
        if (state == ConnectionState.LOST) {
            losses.incrementAndGet();
        }
    };

    Space(ManagerClient client, String name) {
        this.client = client;
        this.curator = client.curator();
        this.name = name;
        this.root = RemoteNames.path(FOLDER, name);
        curator.getConnectionStateListenable().addListener(lossWatch);
    }

    /** Stops listening to the connection (the nodes stay). */
    void detach() {
        curator.getConnectionStateListenable().removeListener(lossWatch);
    }

    /** How many session losses this client has had: a hold records it, and is lost when it changed. */
    long losses() {
        return losses.get();
    }

    /** The node of primitive {@code name}, once the name is checked. */
    String path(String primitive) {
        return RemoteNames.path(root, primitive);
    }

    /** A call to the manager. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws Exception;
    }

    /**
     * Runs {@code call} for a method that may not wait: an interrupt is kept for later and the
     * call ends in {@link IllegalStateException}, as does any failure to reach the manager.
     */
    <T> T run(String what, Call<T> call) {
        try {
            return call.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted while talking to the manager at " + client.address(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw failed(what, e);
        }
    }

    /** As {@link #run}, for a method that may wait: an interrupt ends it in {@link InterruptedException}. */
    <T> T blocking(String what, Call<T> call) throws InterruptedException {
        try {
            return call.call();
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw failed(what, e);
        }
    }

    /**
     * Runs {@code call} with the thread's interrupt put aside and restored after, for clean-ups
     * that must reach the manager also when their thread was interrupted (ZooKeeper's client
     * gives up a call at once on an interrupted thread).
     */
    <T> T calmly(String what, Call<T> call) {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    return call.call();
                } catch (InterruptedException again) {
                    interrupted = true; // retry: these calls are idempotent
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw failed(what, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    IllegalStateException failed(String what, Exception e) {
        return new IllegalStateException(what + " at " + client.address() + ": " + e.getMessage(), e);
    }

    /** Deletes {@code path} if it is there, calmly. */
    void deleteQuietly(String path) {
        calmly("delete " + path, () -> {
            try {
                curator.delete().forPath(path);
            } catch (KeeperException.NoNodeException gone) {
                // already gone: deleted by a signal, or with its session
            }
            return null;
        });
    }

    /** Creates an ephemeral sequential node under {@code folder} carrying the calling thread's participant; its path. */
    String enter(String folder, String prefix) throws Exception {
        // protected: should the connection drop, Curator finds the node it made instead of making a second one
        return curator.create().withProtection().withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
                .forPath(folder + "/" + prefix, Participants.current());
    }

    /**
     * The participants written in the children of {@code folder} whose names contain
     * {@code prefix}, in the order of their sequence numbers (children deleted meanwhile are left out).
     */
    List<Participant> participants(String folder, String prefix) throws Exception {
        List<String> kids = sorted(curator.getChildren().forPath(folder), prefix);
        List<Participant> out = new ArrayList<>(kids.size());
        for (String k : kids) {
            try {
                out.add(Participants.decode(curator.getData().forPath(folder + "/" + k)));
            } catch (KeeperException.NoNodeException gone) {
                // left between the listing and the read
            }
        }
        return out;
    }

    /** Children whose names contain {@code prefix}, ordered by the sequence number ZooKeeper appended (its last 10 digits). */
    static List<String> sorted(List<String> children, String prefix) {
        List<String> out = new ArrayList<>();
        for (String c : children) {
            if (c.contains(prefix)) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparing(Space::sequence));
        return out;
    }

    private static String sequence(String child) {
        return child.length() <= 10 ? child : child.substring(child.length() - 10);
    }

    /**
     * Writes {@code data} to {@code path} only if its version is still {@code version}: false when
     * another write came first. Sent once on ZooKeeper's own handle, never retried blindly: a
     * retried conditional write that had in fact applied would fail as a lost race and be done
     * twice. When the answer is lost (a dropped connection, an interrupt: the request may have gone
     * out), the node is read again: still at {@code version}, it was not applied; one version on and
     * holding {@code data}, it was; anything else cannot be told. An interrupt is kept for later.
     *
     * @throws IllegalStateException when the outcome cannot be told
     */
    boolean writeIf(String path, int version, byte[] data) throws Exception {
        try {
            zk().setData(ManagerClient.ROOT + path, data, version);
            return true;
        } catch (KeeperException.BadVersionException another) {
            return false;
        } catch (KeeperException.ConnectionLossException | InterruptedException unknown) {
            return applied(path, version, data, unknown);
        }
    }

    /**
     * As {@link #writeIf}, with {@code more} operations in the same transaction: all apply or none.
     * False when {@code path} was no longer at {@code version}; a failure of one of {@code more} is
     * thrown as ZooKeeper's {@link KeeperException}, whose {@link #failedOp} names the operation.
     * The outcome of a lost answer is told as {@link #writeIf} tells it, by the write to {@code path}.
     */
    boolean commitIf(String path, int version, byte[] data, List<Op> more) throws Exception {
        List<Op> ops = new ArrayList<>(more.size() + 1);
        ops.add(Op.setData(ManagerClient.ROOT + path, data, version));
        ops.addAll(more);
        try {
            zk().multi(ops);
            return true;
        } catch (KeeperException.BadVersionException another) {
            if (failedOp(another) == 0) {
                return false;
            }
            throw another;
        } catch (KeeperException.ConnectionLossException | InterruptedException unknown) {
            return applied(path, version, data, unknown);
        }
    }

    /** The index of the operation that failed a transaction, -1 when the answer does not say. */
    static int failedOp(KeeperException e) {
        List<OpResult> results = e.getResults();
        for (int i = 0; results != null && i < results.size(); i++) {
            if (results.get(i) instanceof OpResult.ErrorResult err && err.getErr() != KeeperException.Code.OK.intValue()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether a write of {@code data} to {@code path} at {@code version}, whose answer was lost
     * ({@code unknown}), was applied: the node still at {@code version}, it was not; one version on
     * and holding {@code data}, it was; anything else cannot be told. An interrupt is kept for later.
     */
    private boolean applied(String path, int version, byte[] data, Exception unknown) {
        boolean interrupted = unknown instanceof InterruptedException;
        try {
            Stat st = new Stat();
            byte[] now = calmly("read " + path, () -> curator.getData().storingStatIn(st).forPath(path));
            if (st.getVersion() == version) {
                return false;
            }
            if (st.getVersion() == version + 1 && Arrays.equals(now, data)) {
                return true;
            }
            throw new IllegalStateException("the answer to a write of " + path + " at " + client.address()
                    + " was lost and others wrote since: the server may or may not have applied it", unknown);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** ZooKeeper's own handle, for the calls that must not be retried blindly. */
    ZooKeeper zk() throws Exception {
        return curator.getZookeeperClient().getZooKeeper();
    }

    /**
     * Deletes {@code path}, sent once on ZooKeeper's own handle: true when this call deleted it,
     * false when it was gone already. Curator's retry after a dropped connection could find the
     * node gone because its own first try had deleted it, and take that for someone else's doing;
     * here, when the answer is lost (a dropped connection, an interrupt), a node found gone counts
     * as deleted by this call, and one still there is deleted again. An interrupt is kept for later.
     */
    boolean deleteOnce(String path) throws Exception {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    zk().delete(ManagerClient.ROOT + path, -1);
                    return true;
                } catch (KeeperException.NoNodeException gone) {
                    return false;
                } catch (KeeperException.ConnectionLossException | InterruptedException unknown) {
                    interrupted |= unknown instanceof InterruptedException;
                    // waits for the connection, as Curator does
                    if (calmly("read " + path, () -> curator.checkExists().forPath(path)) == null) {
                        return true;
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The data version of {@code path}: how many times it was written since creation. */
    int version(String path) throws Exception {
        Stat st = curator.checkExists().forPath(path);
        if (st == null) {
            throw new IllegalStateException(path + " is gone: was its space removed?");
        }
        return st.getVersion();
    }

    static byte[] longs(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Long.BYTES);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    /** The {@code count} longs of a node written by {@link #longs}. */
    static long[] longs(byte[] data, int count, String path) {
        if (data == null || data.length != count * Long.BYTES) {
            throw new IllegalStateException(path + " holds " + (data == null ? 0 : data.length) + " bytes, not "
                    + count * Long.BYTES + ": not a node Telar wrote");
        }
        ByteBuffer b = ByteBuffer.wrap(data);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = b.getLong();
        }
        return out;
    }
}
