package dev.telar.workloads.model;

import dev.telar.workloads.kernel.CancelledException;
import dev.telar.workloads.run.RunControl;

/**
 * The context of a worker under an emulated interpreter lock: it computes only while holding the
 * lock, offers it to waiters at checkpoints, and lets go of it while it waits.
 */
final class GilContext extends FreeContext {
    private final Gil gil;

    GilContext(RunControl control, Gil gil) {
        super(control);
        this.gil = gil;
    }

    /** Runs {@code body} holding the lock from start to end, except during waits. */
    void holding(Runnable body) {
        try {
            gil.acquire();
        } catch (InterruptedException e) {
            throw new CancelledException();
        }
        try {
            body.run();
        } finally {
            if (gil.heldByCurrentThread()) {
                gil.release();
            }
        }
    }

    @Override
    public void checkpoint() {
        control.check();
        try {
            gil.maybeSwitch();
        } catch (InterruptedException e) {
            throw new CancelledException();
        }
    }

    @Override
    public void blocking(BlockingAction action) {
        boolean held = gil.heldByCurrentThread();
        if (held) {
            gil.release();
        }
        try {
            super.blocking(action);
        } finally {
            if (held) {
                try {
                    gil.acquire();
                } catch (InterruptedException e) {
                    // Leave without the lock; holding() sees it is not held and skips the release.
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
