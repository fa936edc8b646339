package dev.telar.workloads.remote;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
 * <p><b>Not yet:</b> a holder whose own session expired (cut off longer than the timeout) is not
 * told; it still believes it holds the lock while another client may have it.
 */
public final class RemoteLock {
    /** The folder of the locks, relative to {@link ManagerClient#ROOT}. */
    public static final String FOLDER = "/locks";

    private final InterProcessSemaphoreMutex mutex;
    private final ManagerClient client;
    private final String name;

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
            return mutex.acquire(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw failed("acquire", e);
        }
    }

    /**
     * Gives the lock up (its claim is deleted on the server, waking the next waiter).
     *
     * @throws IllegalStateException when this instance does not hold it, or the manager cannot be reached
     */
    public void release() {
        if (!mutex.isAcquiredInThisProcess()) {
            throw new IllegalStateException("lock '" + name + "' at " + client.address() + " is not held here");
        }
        try {
            mutex.release();
        } catch (Exception e) {
            throw failed("release", e);
        }
    }

    /** Whether this instance believes it holds the lock (see the class comment for what it cannot know). */
    public boolean held() {
        return mutex.isAcquiredInThisProcess();
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
