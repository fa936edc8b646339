package dev.telar.workloads.remote;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;

/**
 * The lecture's Lock across processes and machines: one holder at a time among every client of a
 * manager. The lock is held by whoever made the ephemeral node {@code /telar/locks/NAME/holder}
 * (its parent is a container node, which the server removes once empty).
 *
 * <p><b>Cost.</b> An uncontended acquire is one create, a release one delete: one round trip each,
 * where a queue of sequential nodes (Curator's mutexes) needs a listing more per acquire. The price
 * is paid under contention: every waiter watches the one node, so a release wakes them all and all
 * but one try again and wait again (the herd); nor is the lock fair. {@code telar bench remote}
 * times this lock ({@code remote_lock_acq_rel}) beside Curator's queue ({@code remote_mutex_acq_rel}).
 *
 * <p><b>Like the lecture's Lock, not its RLock.</b> It is not reentrant: a holder that acquires
 * again waits like anyone else (and, with a timeout, gets false). It is held by this instance, not
 * by a thread, so any thread of the holder may release it. The holder node carries a token of this
 * instance: should the answer to a create be lost and Curator send it again, the instance finds its
 * own node and knows it holds the lock, instead of waiting for itself.
 *
 * <p><b>A holder that dies frees it.</b> The holder's claim is an ephemeral node of its session:
 * when the holder's process or machine vanishes, the server ends the session after its session
 * timeout ({@link ManagerClient#sessionTimeout()}) and deletes the claim, and the next waiter gets
 * the lock. Until then the lock stays taken: the server cannot tell a dead holder from a slow one.
 *
 * <p><b>A holder whose session ended stops believing it holds the lock.</b> A holder cut off
 * longer than its session timeout has lost its claim on the server (another client may hold the
 * lock now). When Curator reports the session lost, {@link #held()} turns false, and the holder's
 * {@link #release()} cleans up and then says the lock was lost, so the work done under it is known
 * to be unprotected. While the connection is only suspended the lock is uncertain and
 * {@link #held()} still answers true: it becomes false when the session is known to be gone.
 */
public final class RemoteLock {
    /** The folder of the locks, relative to {@link ManagerClient#ROOT}. */
    public static final String FOLDER = "/locks";

    private final ManagerClient client;
    private final String name;
    private final String holder;
    private final byte[] token;
    private final AtomicBoolean heldHere = new AtomicBoolean();
    /** The session that made the claim this instance holds. */
    private volatile long session;
    private final AtomicBoolean lost = new AtomicBoolean();
    /** Listens only while held: locks opened and never held cost the client nothing. */
    private final ConnectionStateListener sessionWatch = (c, state) -> {
        if (state == ConnectionState.LOST) {
            lost.set(true);
        }
    };

    private RemoteLock(ManagerClient client, String name, String holder) {
        this.client = client;
        this.name = name;
        this.holder = holder;
        this.token = (ProcessHandle.current().pid() + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The lock {@code name} of the manager {@code client} talks to; every client that opens the
     * same name shares it. Nothing is sent until the first {@link #acquire}.
     *
     * @throws IllegalArgumentException when the name is not one plain word
     */
    public static RemoteLock open(ManagerClient client, String name) {
        return new RemoteLock(client, name, RemoteNames.path(FOLDER, name) + "/holder");
    }

    /**
     * Waits at most {@code timeout} (zero: one try) for the lock; true when this instance now holds it.
     *
     * @throws IllegalStateException when the manager cannot be reached, or the wait was interrupted
     *                               (the interrupt is kept)
     */
    public boolean acquire(Duration timeout) {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        CuratorFramework curator = client.curator();
        try {
            while (true) {
                if (heldHere.get()) {
                    if (!sleepUntil(deadline)) {
                        return false; // not reentrant: its own holder waits like anyone else
                    }
                    continue;
                }
                try {
                    curator.create().creatingParentContainersIfNeeded().withMode(CreateMode.EPHEMERAL).forPath(holder, token);
                    return taken();
                } catch (KeeperException.NodeExistsException taken) {
                    // held by someone, or by this instance's own create sent twice: the token tells
                }
                CountDownLatch freed = new CountDownLatch(1);
                CuratorWatcher wake = e -> freed.countDown();
                byte[] owner;
                try {
                    owner = curator.getData().usingWatcher(wake).forPath(holder);
                } catch (KeeperException.NoNodeException gone) {
                    continue; // freed meanwhile: try again at once
                }
                if (Arrays.equals(owner, token)) {
                    return taken();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !freed.await(left, TimeUnit.NANOSECONDS)) {
                    return false;
                }
            }
        } catch (Exception e) {
            throw failed("acquire", e);
        }
    }

    private boolean taken() throws Exception {
        session = client.curator().getZookeeperClient().getZooKeeper().getSessionId();
        heldHere.set(true);
        lost.set(false);
        client.curator().getConnectionStateListenable().addListener(sessionWatch);
        return true;
    }

    /**
     * Deletes this instance's claim: in one request on the session that made it (a session that
     * ended meanwhile refuses it, so no one else's claim can go), and only after checking the
     * token when that session is gone or the answer was lost: the node may then be another
     * client's, which is not this instance's to delete. Nothing when the claim went with its session.
     */
    private void deleteClaim() throws Exception {
        ZooKeeper zk = client.curator().getZookeeperClient().getZooKeeper();
        if (zk.getSessionId() == session) {
            try {
                zk.delete(ManagerClient.ROOT + holder, -1); // sent once, not retried by Curator on another session
                return;
            } catch (KeeperException.NoNodeException gone) {
                return;
            } catch (KeeperException.ConnectionLossException | KeeperException.SessionExpiredException unknown) {
                // the outcome or the session is unknown: decide from the node itself
            }
        }
        try {
            byte[] owner = client.curator().getData().forPath(holder);
            if (Arrays.equals(owner, token)) {
                client.curator().delete().forPath(holder);
            }
        } catch (KeeperException.NoNodeException gone) {
            // gone with the session, or deleted by the request whose answer was lost
        }
    }

    /** Sleeps until {@code deadline} or until this instance no longer holds the lock; false when the deadline passed. */
    private boolean sleepUntil(long deadline) throws InterruptedException {
        while (heldHere.get()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(20)));
        }
        return true;
    }

    /**
     * Gives the lock up (its claim is deleted on the server, waking the waiters).
     *
     * @throws IllegalStateException when this instance does not hold it, when its session was lost
     *                               while it held it (cleaned up all the same), or the manager cannot be reached
     */
    public void release() {
        if (!heldHere.get()) {
            throw new IllegalStateException("lock '" + name + "' at " + client.address() + " is not held here");
        }
        client.curator().getConnectionStateListenable().removeListener(sessionWatch);
        try {
            deleteClaim();
        } catch (Exception e) {
            throw failed("release", e);
        } finally {
            heldHere.set(false);
        }
        if (lost.getAndSet(false)) {
            throw new IllegalStateException("lock '" + name + "' at " + client.address()
                    + " was lost while held: the session ended, another client may have held it meanwhile");
        }
    }

    /**
     * Whether this instance holds the lock as far as it can know: false once its session is known
     * lost (see the class comment).
     */
    public boolean held() {
        return heldHere.get() && !lost.get();
    }

    /** The lock's name. */
    public String name() {
        return name;
    }

    private IllegalStateException failed(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("lock '" + name + "' at " + client.address() + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
