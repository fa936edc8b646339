package dev.telar.workloads.sync.remote;

import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.sync.Descriptions;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.SharedCounters;
import dev.telar.workloads.sync.SyncBarrier;
import dev.telar.workloads.sync.SyncCondition;
import dev.telar.workloads.sync.SyncEvent;
import dev.telar.workloads.sync.SyncLock;
import dev.telar.workloads.sync.SyncPrimitive;
import dev.telar.workloads.sync.SyncPrimitives;
import dev.telar.workloads.sync.SyncRLock;
import dev.telar.workloads.sync.SyncSemaphore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * The remote family: the lecture's primitives shared by every client of a manager, on any machine.
 * Each primitive is a node {@code /sync/SPACE/NAME} (under {@link ManagerClient#ROOT}) whose data is
 * its description ({@code Semaphore(3)}, see {@link Descriptions}), with the nodes of its state
 * below it, all made in one transaction: another participant sees the whole primitive or none.
 *
 * <p><b>Naming.</b> Every client that opens the same space on the same manager reaches the same
 * primitives; within one family each name is opened once and shared. Asking for a name whose node
 * holds another description (another kind, other parameters) is refused with
 * {@link Descriptions#taken} in any JVM, and the refused request leaves nothing behind.
 *
 * <p><b>Ownership.</b> {@link #close()} forgets what this family handed out; the nodes stay, as
 * other participants may still use them. {@link #removeSpace()} deletes the whole space: only the
 * runner that created it calls it (Telar never deletes what it did not create).
 *
 * <p><b>Participants.</b> Each thread that holds or waits writes who it is (pid, thread tag,
 * host) in the nodes it makes, which is how {@code state()} names holders and waiters of other
 * machines. Held locks, permits and waits are ephemeral nodes of the client's session: a
 * participant that dies (or is cut off) longer than its session timeout gives them back.
 * Thread-safe.
 */
public final class RemoteSync implements SyncPrimitives {
    private final Space space;
    private final Map<String, Entry> byName = new ConcurrentHashMap<>();

    private record Entry(String description, Object value) {
    }

    /**
     * The space {@code space} on the manager {@code client} talks to, created if missing. The
     * client stays the caller's: closing this family does not close it.
     *
     * @throws IllegalArgumentException when the space is not one plain word
     * @throws IllegalStateException    when the manager cannot be reached
     */
    public RemoteSync(ManagerClient client, String space) {
        this.space = new Space(client, space);
        this.space.run("create space '" + space + "'", () -> {
            try {
                client.curator().create().creatingParentsIfNeeded().forPath(this.space.root);
            } catch (KeeperException.NodeExistsException there) {
                // joined a space another participant made
            }
            return null;
        });
    }

    @Override
    public Mode mode() {
        return Mode.REMOTE;
    }

    /** The space's name. */
    public String space() {
        return space.name;
    }

    @Override
    public SyncLock lock(String name) {
        return named(name, SyncLock.class, Descriptions.lock(), RemoteMutex.initialNodes(),
                () -> new RemoteSyncLock(space, name));
    }

    @Override
    public SyncRLock rlock(String name) {
        return named(name, SyncRLock.class, Descriptions.rlock(), RemoteMutex.initialNodes(),
                () -> new RemoteSyncRLock(space, name));
    }

    @Override
    public SyncSemaphore semaphore(String name, int value) {
        return semaphore(name, value, false);
    }

    @Override
    public SyncSemaphore boundedSemaphore(String name, int value) {
        return semaphore(name, value, true);
    }

    private SyncSemaphore semaphore(String name, int value, boolean bounded) {
        if (value < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0, not " + value);
        }
        return named(name, RemoteSemaphore.class, Descriptions.semaphore(value, bounded), RemoteSemaphore.initialNodes(value),
                () -> new RemoteSemaphore(space, name, value, bounded));
    }

    @Override
    public SyncCondition condition(String name, SyncLock lock) {
        if (!(lock instanceof RemoteMutex m) || m.space != space) {
            throw new IllegalArgumentException("a remote Condition needs a Lock or RLock of the same family, not " + lock);
        }
        return named(name, RemoteCondition.class, Descriptions.condition(lock), RemoteCondition.initialNodes(),
                () -> new RemoteCondition(space, name, m));
    }

    @Override
    public SyncEvent event(String name) {
        return named(name, RemoteEvent.class, Descriptions.event(), RemoteEvent.initialNodes(), () -> new RemoteEvent(space, name));
    }

    @Override
    public SyncBarrier barrier(String name, int parties, Runnable action, Duration timeout) {
        if (parties < 1) {
            throw new IllegalArgumentException("a barrier needs at least 1 party, not " + parties);
        }
        return named(name, RemoteBarrier.class, Descriptions.barrier(parties, timeout), RemoteBarrier.initialNodes(),
                () -> new RemoteBarrier(space, name, parties, action, timeout));
    }

    @Override
    public SharedCounters counters(String name, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("counters need a size of at least 1, not " + size);
        }
        return named(name, RemoteCounters.class, Descriptions.counters(size), RemoteCounters.initialNodes(size),
                () -> new RemoteCounters(space, name, size));
    }

    /**
     * The primitive {@code name} of this family: made on the manager with {@code description} and
     * {@code nodes} when no participant has made it, else checked against the description there.
     */
    private <T> T named(String name, Class<T> type, String description, Map<String, byte[]> nodes, Supplier<T> open) {
        String path = space.path(name); // checks the name
        Entry e = byName.get(name);
        if (e == null) {
            synchronized (byName) {
                e = byName.get(name);
                if (e == null) {
                    String existing = createOrRead(path, description, nodes);
                    if (!existing.equals(description)) {
                        throw Descriptions.taken(name, existing, description);
                    }
                    e = new Entry(description, open.get());
                    byName.put(name, e);
                }
            }
        }
        if (!e.description().equals(description) || !type.isInstance(e.value())) {
            throw Descriptions.taken(name, e.description(), description);
        }
        return type.cast(e.value());
    }

    /** Makes the primitive's nodes in one transaction; the description found when it exists already. */
    private String createOrRead(String path, String description, Map<String, byte[]> nodes) {
        return space.run("open '" + path + "'", () -> {
            List<CuratorOp> ops = new ArrayList<>();
            ops.add(space.curator.transactionOp().create().forPath(path, description.getBytes(StandardCharsets.UTF_8)));
            for (Map.Entry<String, byte[]> n : nodes.entrySet()) {
                ops.add(space.curator.transactionOp().create().forPath(path + "/" + n.getKey(), n.getValue()));
            }
            try {
                space.curator.transaction().forOperations(ops);
                return description;
            } catch (KeeperException.NodeExistsException made) {
                return new String(space.curator.getData().forPath(path), StandardCharsets.UTF_8);
            }
        });
    }

    /** Forgets every primitive opened through this family; the nodes stay for the other participants. */
    @Override
    public void close() {
        List<Entry> all;
        synchronized (byName) {
            all = new ArrayList<>(byName.values());
            byName.clear();
        }
        for (Entry e : all) {
            if (e.value() instanceof SharedCounters c) {
                c.close();
            } else if (e.value() instanceof SyncPrimitive<?> p) {
                p.close();
            }
        }
        space.detach();
    }

    /**
     * The node that says a space's runner lives: ephemeral, of the runner's session, so the manager
     * removes it when the runner dies or is cut off for a session. Not a name any scenario uses.
     */
    static final String OWNER = "~runner";

    /**
     * Marks this space as the calling runner's, with an {@link #OWNER} node of this client's
     * session, by which {@link #removeAbandoned} tells a live run's space from a dead one's.
     *
     * @return the manager's clock when the mark was made, milliseconds since the epoch: the "now"
     *         to measure the age of other spaces with, whatever this machine's clock says
     * @throws IllegalStateException when the manager cannot be reached
     */
    public long claim() {
        String owner = space.path(OWNER);
        return space.run("claim space '" + space.name + "'", () -> {
            try {
                space.curator.create().withMode(CreateMode.EPHEMERAL).forPath(owner, new byte[0]);
            } catch (KeeperException.NodeExistsException mine) {
                // claimed already by this session
            }
            Stat st = space.curator.checkExists().forPath(owner);
            if (st == null) {
                throw new IllegalStateException(owner + " vanished as it was made: the session ended");
            }
            return st.getCtime();
        });
    }

    /**
     * Removes the spaces of runs whose runner is gone: spaces named {@code prefix...} without an
     * {@link #OWNER} node, made more than {@code olderThan} before {@code serverNow} (the manager's
     * clock, see {@link #claim}). A live run's space always holds its owner node, but for the moment
     * between its creation and its claim, which the age covers; so does a run of a Telar without
     * owner nodes, if it lasts no longer than a session. Spaces that vanish meanwhile are skipped.
     *
     * @return the names of the spaces removed
     * @throws IllegalStateException when the manager cannot be reached
     */
    public static List<String> removeAbandoned(ManagerClient client, String prefix, Duration olderThan, long serverNow) {
        Space folder = new Space(client, "~sweep");
        try {
            return folder.run("remove the spaces of runs that are gone", () -> {
                List<String> removed = new ArrayList<>();
                List<String> names;
                try {
                    names = client.curator().getChildren().forPath(Space.FOLDER);
                } catch (KeeperException.NoNodeException none) {
                    return removed;
                }
                for (String name : names) {
                    if (!name.startsWith(prefix)) {
                        continue;
                    }
                    String root = Space.FOLDER + "/" + name;
                    Stat st = client.curator().checkExists().forPath(root);
                    if (st == null || serverNow - st.getCtime() <= olderThan.toMillis()
                            || client.curator().checkExists().forPath(root + "/" + OWNER) != null) {
                        continue;
                    }
                    try {
                        client.curator().delete().deletingChildrenIfNeeded().forPath(root);
                        removed.add(name);
                    } catch (KeeperException.NoNodeException gone) {
                        // removed meanwhile
                    }
                }
                return removed;
            });
        } finally {
            folder.detach();
        }
    }

    /**
     * Closes this family and deletes the whole space with every primitive in it, for the runner that
     * created the space once every participant is done (held locks and waits of others end with it).
     */
    public void removeSpace() {
        close();
        space.run("remove space '" + space.name + "'", () -> {
            try {
                space.curator.delete().deletingChildrenIfNeeded().forPath(space.root);
            } catch (KeeperException.NoNodeException gone) {
                // removed already
            }
            return null;
        });
    }
}
