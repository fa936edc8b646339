package dev.telar.workloads.sync.remote;

import dev.telar.workloads.sync.ConditionState;
import dev.telar.workloads.sync.SyncCondition;
import dev.telar.workloads.sync.SyncLock;
import dev.telar.workloads.sync.Waits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * The remote Condition, built on its remote Lock or RLock and on watches (Curator has no recipe
 * for it):
 * <ol>
 *   <li>a waiter, still holding the lock, makes an ephemeral sequential node under
 *       {@code NAME/waiters} carrying who it is, and sets a watch on it;</li>
 *   <li>it releases the lock (every level of an RLock) and waits for its node to go;</li>
 *   <li>{@code signal(n)}, under the lock, deletes the n oldest waiter nodes; each deletion that
 *       succeeds is one waiter woken;</li>
 *   <li>the woken waiter takes the lock again (at the level it held) before await returns.</li>
 * </ol>
 *
 * <p><b>No lost wake-up.</b> The waiter's node exists before it lets the lock go, so any signal
 * given under the lock afterwards finds it. A waiter whose timeout passes (or that is interrupted)
 * deletes its own node: if the deletion finds the node gone, a signal chose it first, and the wait
 * counts as signalled (await returns true; an interrupt is then kept for later), so a signal is
 * never spent on a waiter that reports a timeout. Waiters are woken in the order they began to wait.
 *
 * <p><b>A dead waiter.</b> Its node goes with its session. Until the manager ends that session (its
 * session timeout), a signal may choose the dead waiter's node and count it as woken, as Python's
 * notify may wake a thread that then does nothing. The waiters listed are the nodes, so a dead
 * waiter shows until then too.
 *
 * <p>{@code NAME/stats} holds the signal calls and the waiters they woke, written under the lock.
 * Thread-safe.
 */
final class RemoteCondition extends RemotePrimitive<ConditionState> implements SyncCondition {
    private static final String WAITER = "w-";
    private final RemoteMutex lock;
    private final String waiters;
    private final String stats;

    RemoteCondition(Space space, String name, RemoteMutex lock) {
        super(space, name);
        this.lock = lock;
        this.waiters = path + "/waiters";
        this.stats = path + "/stats";
    }

    /** The nodes a new condition starts with: no waiter, no signal yet. */
    static Map<String, byte[]> initialNodes() {
        Map<String, byte[]> nodes = new LinkedHashMap<>();
        nodes.put("waiters", new byte[0]);
        nodes.put("stats", Space.longs(0, 0));
        return nodes;
    }

    @Override
    String kind() {
        return "Condition";
    }

    @Override
    public SyncLock lock() {
        return lock;
    }

    @Override
    public void await() throws InterruptedException {
        awaitWithin(-1);
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return awaitWithin(Waits.nanos(timeout));
    }

    private boolean awaitWithin(long nanos) throws InterruptedException {
        ensureOpen();
        Waits.requireHeld(lock, "wait");
        long deadline = Waits.deadline(nanos);
        Wake wake = new Wake();
        String mine = space.blocking(what("wait"), () -> space.enter(waiters, WAITER));
        boolean signalled = false;
        int depth = lock.depth();
        try {
            space.blocking(what("wait"), () -> space.curator.checkExists().usingWatcher(wake).forPath(mine));
        } catch (InterruptedException e) {
            space.deleteQuietly(mine);
            throw e;
        }
        for (int i = 0; i < depth; i++) {
            lock.release();
        }
        try {
            while (true) {
                if (space.blocking(what("wait"), () -> space.curator.checkExists().usingWatcher(wake).forPath(mine)) == null) {
                    signalled = true;
                    return true;
                }
                if (!wake.await(deadline)) {
                    signalled = !withdraw(mine);
                    return signalled;
                }
            }
        } catch (InterruptedException e) {
            signalled = !withdraw(mine);
            Waits.interruptedWait(signalled, name);
            return true;
        } finally {
            retake(depth);
        }
    }

    /** Deletes the waiter's own node: true when it did, false when a signal had deleted it first. */
    private boolean withdraw(String mine) {
        return space.calmly(what("stop waiting"), () -> {
            try {
                space.curator.delete().forPath(mine);
                return true;
            } catch (KeeperException.NoNodeException signalledFirst) {
                return false;
            }
        });
    }

    /** Takes the lock again at {@code depth}, whatever happens meanwhile: await returns or throws holding it. */
    private void retake(int depth) {
        boolean interrupted = false;
        for (int i = 0; i < depth; i++) {
            while (true) {
                try {
                    lock.acquire();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int signal(int n) {
        ensureOpen();
        Waits.requireHeld(lock, "notify");
        return space.run(what("notify"), () -> {
            int woken = 0;
            for (String w : Space.sorted(space.curator.getChildren().forPath(waiters), WAITER)) {
                if (woken >= n) {
                    break;
                }
                if (space.deleteOnce(waiters + "/" + w)) {
                    woken++;
                } // else it timed out or was interrupted just now: not woken by this signal
            }
            while (true) { // under the lock: the write is contended only by a participant without it
                Stat st = new Stat();
                long[] s = Space.longs(space.curator.getData().storingStatIn(st).forPath(stats), 2, stats);
                if (space.writeIf(stats, st.getVersion(), Space.longs(s[0] + 1, s[1] + woken))) {
                    return woken;
                }
            }
        });
    }

    @Override
    public ConditionState state() {
        return space.run(what("read the state"), () -> {
            long[] s = Space.longs(space.curator.getData().forPath(stats), 2, stats);
            List<dev.telar.workloads.sync.Participant> waiting = space.participants(waiters, WAITER);
            return new ConditionState(lock.state(), waiting, s[0], s[1]);
        });
    }
}
