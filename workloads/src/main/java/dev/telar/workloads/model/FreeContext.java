package dev.telar.workloads.model;

import dev.telar.workloads.kernel.CancelledException;
import dev.telar.workloads.kernel.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The context of every worker: checkpoints watch for cancellation and, under an emulated
 * interpreter lock, offer the lock to waiters; waits let go of the lock.
 *
 * <p>One final class for all models, rather than one per model, on purpose: the JIT then sees a
 * single receiver type at the kernels' checkpoint calls whichever models ran before, so a kernel
 * compiled during one run is not recompiled (and slowed) in the next.
 */
final class FreeContext implements TaskContext {
    private final RunControl control;
    private final Gil gil;

    /** A context without any lock: tasks run truly in parallel. */
    FreeContext(RunControl control) {
        this(control, null);
    }

    /** A context under {@code gil}, or without a lock when it is null. */
    FreeContext(RunControl control, Gil gil) {
        this.control = control;
        this.gil = gil;
    }

    /** Runs {@code body} holding the lock from start to end, except during waits. */
    void holding(Runnable body) {
        if (gil == null) {
            body.run();
            return;
        }
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
        if (gil != null) {
            try {
                gil.maybeSwitch();
            } catch (InterruptedException e) {
                throw new CancelledException();
            }
        }
    }

    @Override
    public void blocking(BlockingAction action) {
        control.check();
        boolean held = gil != null && gil.heldByCurrentThread();
        if (held) {
            gil.release();
        }
        try {
            action.run();
        } catch (InterruptedException e) {
            throw new CancelledException();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    @Override
    public Thread helperThread(String name, Runnable body) {
        return new Thread(control.instrument(body), name);
    }
}
