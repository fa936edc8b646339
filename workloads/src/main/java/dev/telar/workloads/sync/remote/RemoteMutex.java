package dev.telar.workloads.sync.remote;

import dev.telar.workloads.sync.LockState;
import dev.telar.workloads.sync.Participant;
import dev.telar.workloads.sync.SyncLock;
import dev.telar.workloads.sync.Waits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;

/**
 * The remote Lock and RLock: Curator's InterProcessMutex under {@code NAME/mutex}, whose queue of
 * ephemeral sequential nodes is the lock: the oldest node holds it, the others wait in arrival
 * order (so the remote lock is fair, which the contract allows). Each node carries the
 * participant that made it, so {@link #state()} names the holder and the waiters of every machine.
 *
 * <p><b>Held by a thread.</b> Only the thread that acquired may release ({@link
 * IllegalMonitorStateException} otherwise). Reentry is counted here, per thread, so the RLock's
 * hold count of a holder in another JVM shows as 1 in {@link #state()}.
 *
 * <p><b>A holder that dies frees it</b> when the manager ends its session (its session timeout after
 * its last word): its node is ephemeral. The manager cannot tell a dead holder from a slow one
 * before that. It does not tell afterwards either, so {@link #isAbandoned()} is always false for
 * remote locks: whoever takes over is not warned that the data may be half-updated.
 *
 * <p><b>A holder whose session was lost stops believing it holds the lock</b>: once Curator reports
 * the session LOST, {@link #isHeldByCurrentThread()} is false, and the holder's {@link #release()}
 * cleans up and then throws {@link IllegalStateException} saying the lock was lost (the work done
 * under it was not protected). While the connection is only suspended the lock is uncertain and
 * still counts as held.
 *
 * <p>{@code acquisitions} is the version of the node {@code NAME/acquired}, written once per
 * acquisition (each reentry too): 32 bits, so it wraps after 2^31 acquisitions.
 */
abstract class RemoteMutex extends RemoteAcquirable<LockState> implements SyncLock {
    private static final String LOCK_NAME = "lock-";
    private final String queue;
    private final String acquired;
    private final Queue mutex;
    /** Holds of this JVM's threads: how deep, and the session-loss count when taken. */
    private final Map<Thread, Hold> holds = new ConcurrentHashMap<>();

    private record Hold(int count, long losses) {
    }

    RemoteMutex(Space space, String name) {
        super(space, name);
        this.queue = path + "/mutex";
        this.acquired = path + "/acquired";
        this.mutex = new Queue(space, queue);
    }

    /** The nodes a new lock starts with. */
    static Map<String, byte[]> initialNodes() {
        Map<String, byte[]> nodes = new LinkedHashMap<>();
        nodes.put("mutex", new byte[0]);
        nodes.put("acquired", new byte[0]);
        return nodes;
    }

    /** Curator's mutex, writing the acquiring thread's participant into its node. */
    private static final class Queue extends InterProcessMutex {
        Queue(Space space, String path) {
            super(space.curator, path);
        }

        @Override
        protected byte[] getLockNodeBytes() {
            return Participants.current();
        }
    }

    @Override
    boolean acquireWithin(long nanos) throws InterruptedException {
        ensureOpen();
        Thread me = Thread.currentThread();
        Hold h = holds.get(me);
        if (h != null && h.losses() != space.losses()) {
            forget(me); // the session that held it is gone: start afresh
            h = null;
        }
        long deadline = Waits.deadline(nanos);
        if (h != null) {
            if (isReentrant()) {
                holds.put(me, new Hold(h.count() + 1, h.losses()));
                counted();
                return true;
            }
            waitForSelf(deadline);
            return false;
        }
        long losses = space.losses();
        boolean got = space.blocking(what("acquire"), () -> {
            while (true) {
                if (deadline == Waits.NONE) {
                    mutex.acquire();
                    return true;
                }
                long left = Math.max(0, deadline - System.nanoTime());
                // Curator measures in milliseconds: round up, and try again if its clock ran ahead of ours
                if (mutex.acquire((left + 999_999) / 1_000_000, TimeUnit.MILLISECONDS)) {
                    return true;
                }
                if (Waits.passed(deadline)) {
                    return false;
                }
            }
        });
        if (got) {
            holds.put(me, new Hold(1, losses));
            counted();
        }
        return got;
    }

    /** A Lock's holder acquiring again waits for itself: until its timeout, or forever (until interrupted). */
    private static void waitForSelf(long deadline) throws InterruptedException {
        while (!Waits.passed(deadline)) {
            long left = deadline == Waits.NONE ? Long.MAX_VALUE : deadline - System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.SECONDS.toNanos(60)));
        }
    }

    /**
     * Counts an acquisition without waiting for the answer: the manager handles one session's
     * requests in the order sent, so the count is written before this holder's release is, and so
     * before anyone else can take the lock; the holder saves a round trip on every acquire.
     */
    private void counted() {
        space.run(what("count an acquisition"), () -> space.curator.setData().inBackground().forPath(acquired, new byte[0]));
    }

    @Override
    public void release() {
        ensureOpen();
        Thread me = Thread.currentThread();
        Hold h = holds.get(me);
        if (h == null) {
            Optional<Participant> holder = holder();
            throw new IllegalMonitorStateException(holder.isEmpty() ? "release of an unlocked " + kind()
                    : "release of " + (isReentrant() ? "an " : "a ") + kind() + " held by " + holder.get());
        }
        if (h.count() > 1) {
            holds.put(me, new Hold(h.count() - 1, h.losses()));
            return;
        }
        forget(me);
        if (h.losses() != space.losses()) {
            throw new IllegalStateException(kind() + " '" + name + "' at " + space.client.address()
                    + " was lost while held: the session ended, another client may have held it meanwhile");
        }
    }

    /** Drops this thread's hold here and its node on the server (gone already if its session ended). */
    private void forget(Thread me) {
        holds.remove(me);
        space.calmly(what("release"), () -> {
            mutex.release();
            return null;
        });
    }

    @Override
    public boolean isHeldByCurrentThread() {
        Hold h = holds.get(Thread.currentThread());
        return h != null && h.losses() == space.losses();
    }

    /** How deep the calling thread holds it (0: not at all). */
    int depth() {
        return isHeldByCurrentThread() ? holds.get(Thread.currentThread()).count() : 0;
    }

    @Override
    public boolean isLocked() {
        return holder().isPresent();
    }

    private Optional<Participant> holder() {
        List<Participant> queued = space.run(what("read"), () -> space.participants(queue, LOCK_NAME));
        return queued.isEmpty() ? Optional.empty() : Optional.of(queued.get(0));
    }

    /** Always false: the manager frees a dead holder's lock without telling (see the class comment). */
    @Override
    public boolean isAbandoned() {
        return false;
    }

    @Override
    public void markConsistent() {
        if (!isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("markConsistent by a thread that does not hold the " + kind());
        }
    }

    /** Holder and waiters from the queue's nodes, the hold count from this JVM when the holder is here. */
    @Override
    public LockState state() {
        return space.run(what("read the state"), () -> {
            List<Participant> queued = space.participants(queue, LOCK_NAME);
            long acquisitions = space.version(acquired);
            Optional<Participant> holder = queued.isEmpty() ? Optional.empty() : Optional.of(queued.get(0));
            int count = 0;
            if (holder.isPresent()) {
                count = 1;
                for (Map.Entry<Thread, Hold> e : holds.entrySet()) {
                    count = Math.max(count, e.getValue().count());
                }
            }
            return new LockState(isReentrant(), holder, count, queued.isEmpty() ? List.of() : queued.subList(1, queued.size()),
                    acquisitions, false, 0);
        });
    }
}
