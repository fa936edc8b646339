package dev.telar.workloads.remote;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.curator.framework.recipes.locks.InterProcessSemaphoreMutex;

/**
 * The lecture's Lock across processes and machines: one holder at a time among every client of a
 * manager, under the node {@code /telar/locks/NAME} (Curator's InterProcessSemaphoreMutex).
 *
 * <p><b>Like the lecture's Lock, not its RLock.</b> It is not reentrant: a holder that acquires
 * again waits like anyone else (and, with a timeout, gets false). It is held by this instance, not
 * by a thread, so any thread of the holder may release it. A reentrant RLock (Curator's
 * InterProcessMutex, owned per thread) is a later step.
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

    private final InterProcessSemaphoreMutex mutex;
    private final ManagerClient client;
    private final String name;
    private final AtomicBoolean lost = new AtomicBoolean();
    /** Listens only while held: locks opened and never held cost the client nothing. */
    private final ConnectionStateListener sessionWatch = (c, state) -> {
        if (state == ConnectionState.LOST) {
            lost.set(true);
        }
    };

    private RemoteLock(ManagerClient client, String name, InterProcessSemaphoreMutex mutex) {
        this.client = client;
        this.name = name;
        this.mutex = mutex;
    }

    /**
     * The lock {@code name} of the manager {@code client} talks to; every client that opens the
     * same name shares it. Nothing is sent until the first {@link #acquire}.
     *
     * @throws IllegalArgumentException when the name is not one plain word
     */
    public static RemoteLock open(ManagerClient client, String name) {
        String path = RemoteNames.path(FOLDER, name);
        return new RemoteLock(client, name, new InterProcessSemaphoreMutex(client.curator(), path));
    }

    /**
     * Waits at most {@code timeout} (zero: one try) for the lock; true when this instance now holds it.
     *
     * @throws IllegalStateException when the manager cannot be reached, or the wait was interrupted
     *                               (the interrupt is kept)
     */
    public boolean acquire(Duration timeout) {
        try {
            boolean got = mutex.acquire(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
            if (got) {
                lost.set(false);
                client.curator().getConnectionStateListenable().addListener(sessionWatch);
            }
            return got;
        } catch (Exception e) {
            throw failed("acquire", e);
        }
    }

    /**
     * Gives the lock up (its claim is deleted on the server, waking the next waiter).
     *
     * @throws IllegalStateException when this instance does not hold it, when its session was lost
     *                               while it held it (cleaned up all the same), or the manager cannot be reached
     */
    public void release() {
        if (!mutex.isAcquiredInThisProcess()) {
            throw new IllegalStateException("lock '" + name + "' at " + client.address() + " is not held here");
        }
        client.curator().getConnectionStateListenable().removeListener(sessionWatch);
        try {
            mutex.release(); // also after a loss: the claim may outlive the session by a moment
        } catch (Exception e) {
            throw failed("release", e);
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
        return mutex.isAcquiredInThisProcess() && !lost.get();
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
