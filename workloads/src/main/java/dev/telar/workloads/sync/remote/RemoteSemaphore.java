package dev.telar.workloads.sync.remote;

import dev.telar.workloads.sync.SemaphoreState;
import dev.telar.workloads.sync.SyncSemaphore;
import dev.telar.workloads.sync.Waits;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import dev.telar.workloads.remote.ManagerClient;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * The remote Semaphore and BoundedSemaphore, on plain nodes:
 * <ul>
 *   <li>{@code NAME/value} holds the capacity C (Python's initial value plus the releases made
 *       without a permit) and the acquisition count; its version changes with every acquisition
 *       and every capacity change;</li>
 *   <li>{@code NAME/leases} holds one ephemeral node per permit out, carrying its holder;</li>
 *   <li>{@code NAME/waiters} one ephemeral sequential node per blocked acquirer.</li>
 * </ul>
 * Free permits = C minus the leases. An acquirer reads both, and takes a permit by one transaction
 * that rewrites {@code value} on the version it read and creates its lease: when any other
 * acquisition or release came between, the transaction fails whole and the acquirer looks again.
 * So at most C leases exist at once, across machines. A waiter watches both nodes.
 *
 * Lease nodes are named {@code lease-ID-N-SEQUENCE}: ID tells this family object's leases from
 * others', so that an acquirer interrupted while its transaction was on its way finds and deletes
 * the lease it may have made.
 *
 * <p><b>Robust.</b> A lease is ephemeral: the permits of a participant that died come back when the
 * manager ends its session (its session timeout after its last word). The manager does not say
 * whose lease expired, so {@link #isAbandoned()} is always false and {@code takeovers} 0.
 *
 * <p><b>Python's release.</b> A participant holding a permit gives its own back (deletes its
 * lease). One holding none: an unbounded release raises C by one (Python's counter + 1, a
 * signal); a bounded release frees a permit some other participant holds (deletes its oldest
 * lease; its holder's own release later finds its lease gone and counts as a release without a
 * permit), or is refused when every permit is free. The one deviation: a bounded release by a
 * holder whose lease was taken that way, while all permits are free again, is refused, as Python's
 * would be. Not fair: after a release every waiter looks again and the quickest wins. Thread-safe.
 */
final class RemoteSemaphore extends RemoteAcquirable<SemaphoreState> implements SyncSemaphore {
    private static final String LEASE = "lease-";
    private static final String WAITER = "w-";
    private final int initial;
    private final boolean bounded;
    private final String value;
    private final String leases;
    private final String waiters;
    /** This JVM's leases, per thread, newest last. */
    private final Map<Thread, Deque<String>> mine = new ConcurrentHashMap<>();
    private final String prefix = LEASE + UUID.randomUUID() + "-";
    private final AtomicLong numbers = new AtomicLong();

    RemoteSemaphore(Space space, String name, int initial, boolean bounded) {
        super(space, name);
        this.initial = initial;
        this.bounded = bounded;
        this.value = path + "/value";
        this.leases = path + "/leases";
        this.waiters = path + "/waiters";
    }

    /** The nodes a new semaphore starts with: capacity {@code initial}, no acquisition yet. */
    static Map<String, byte[]> initialNodes(int initial) {
        Map<String, byte[]> nodes = new LinkedHashMap<>();
        nodes.put("value", Space.longs(initial, 0));
        nodes.put("leases", new byte[0]);
        nodes.put("waiters", new byte[0]);
        return nodes;
    }

    @Override
    String kind() {
        return bounded ? "BoundedSemaphore" : "Semaphore";
    }

    @Override
    boolean acquireWithin(long nanos) throws InterruptedException {
        ensureOpen();
        long deadline = Waits.deadline(nanos);
        Wake wake = null;
        String waiting = null;
        try {
            while (true) {
                Stat st = new Stat();
                Wake w = wake;
                long[] v = space.blocking(what("read"), () -> Space.longs(w == null
                        ? space.curator.getData().storingStatIn(st).forPath(value)
                        : space.curator.getData().storingStatIn(st).usingWatcher(w).forPath(value), 2, value));
                int out = space.blocking(what("read"), () -> (w == null ? space.curator.getChildren().forPath(leases)
                        : space.curator.getChildren().usingWatcher(w).forPath(leases)).size());
                if (out < v[0]) {
                    if (take(st.getVersion(), v)) {
                        return true;
                    }
                    continue; // another acquisition or release came first: look again
                }
                if (nanos == 0 || Waits.passed(deadline)) {
                    return false;
                }
                if (wake == null) {
                    wake = new Wake(); // look again, this time watching, and show as a waiter
                    waiting = space.blocking(what("wait"), () -> space.enter(waiters, WAITER));
                } else if (!wake.await(deadline)) {
                    return false;
                }
            }
        } finally {
            if (waiting != null) {
                space.deleteQuietly(waiting);
            }
        }
    }

    /**
     * One transaction: {@code value} still at {@code version} gets one more acquisition, and a lease
     * is made. Sent once on ZooKeeper's own handle: after a dropped connection (or an interrupt) the
     * outcome is learnt from the leases, by the name only this call used.
     *
     * @return true when this thread got a permit, false when another participant's change came first
     */
    private boolean take(int version, long[] v) throws InterruptedException {
        String base = prefix + numbers.incrementAndGet() + "-";
        String lease;
        try {
            List<OpResult> done = space.zk().multi(List.of(
                    Op.setData(ManagerClient.ROOT + value, Space.longs(v[0], v[1] + 1), version),
                    Op.create(ManagerClient.ROOT + leases + "/" + base, Participants.current(), ManagerClient.ONLY_TELAR,
                            CreateMode.EPHEMERAL_SEQUENTIAL)));
            lease = ((OpResult.CreateResult) done.get(1)).getPath().substring(ManagerClient.ROOT.length());
        } catch (KeeperException.BadVersionException another) {
            return false;
        } catch (KeeperException.ConnectionLossException unknown) {
            lease = space.run(what("acquire"), () -> made(base));
            if (lease == null) {
                return false; // not applied: look again
            }
        } catch (InterruptedException e) {
            String made = space.calmly(what("release"), () -> made(base));
            if (made != null) {
                space.deleteQuietly(made); // it went through before the interrupt: give the permit back
            }
            throw e;
        } catch (Exception e) {
            throw space.failed(what("acquire"), e);
        }
        mine.computeIfAbsent(Thread.currentThread(), t -> new ArrayDeque<>()).addLast(lease);
        return true;
    }

    /** The lease made under the name {@code base}, or null when there is none. */
    private String made(String base) throws Exception {
        for (String child : space.curator.getChildren().forPath(leases)) {
            if (child.startsWith(base)) {
                return leases + "/" + child;
            }
        }
        return null;
    }

    @Override
    public void release() {
        ensureOpen();
        Deque<String> held = mine.get(Thread.currentThread());
        while (held != null && !held.isEmpty()) {
            String lease = held.removeLast();
            if (held.isEmpty()) {
                mine.remove(Thread.currentThread()); // no map entry outlives a thread's last permit
            }
            // a lease found gone was freed by another's bounded release, or with a lost session
            if (space.calmly(what("release"), () -> space.deleteOnce(lease))) {
                return;
            }
        }
        space.calmly(what("release"), () -> {
            while (!(bounded ? freeAnothersPermit() : raiseCapacity())) {
                // another participant changed the semaphore meanwhile: look again
            }
            return null;
        });
    }

    /** Unbounded release without a permit: C + 1, if nobody changed {@code value} meanwhile. */
    private boolean raiseCapacity() throws Exception {
        Stat st = new Stat();
        long[] v = Space.longs(space.curator.getData().storingStatIn(st).forPath(value), 2, value);
        if (v[0] >= Integer.MAX_VALUE) {
            throw new IllegalStateException("semaphore value overflow");
        }
        return space.writeIf(value, st.getVersion(), Space.longs(v[0] + 1, v[1]));
    }

    /** Bounded release without a permit: frees the oldest lease, or refuses when none is out. */
    private boolean freeAnothersPermit() throws Exception {
        List<String> out = Space.sorted(space.curator.getChildren().forPath(leases), LEASE);
        if (out.isEmpty()) {
            throw new IllegalStateException("semaphore released too many times (bound " + initial + ")");
        }
        return space.deleteOnce(leases + "/" + out.get(0)); // false: its holder released it meanwhile
    }

    @Override
    public int available() {
        ensureOpen();
        return space.run(what("read"), () -> (int) (Space.longs(space.curator.getData().forPath(value), 2, value)[0]
                - space.curator.getChildren().forPath(leases).size()));
    }

    @Override
    public boolean isBounded() {
        return bounded;
    }

    /** Always false: see the class comment. */
    @Override
    public boolean isAbandoned() {
        return false;
    }

    /** Nothing to clear: see {@link #isAbandoned()}. */
    @Override
    public void markConsistent() {
        ensureOpen();
    }

    @Override
    public SemaphoreState state() {
        return space.run(what("read the state"), () -> {
            long[] v = Space.longs(space.curator.getData().forPath(value), 2, value);
            var holders = space.participants(leases, LEASE);
            var blocked = space.participants(waiters, WAITER);
            return new SemaphoreState(initial, bounded, (int) Math.max(0, v[0] - holders.size()), holders, blocked, v[1], false, 0);
        });
    }
}
