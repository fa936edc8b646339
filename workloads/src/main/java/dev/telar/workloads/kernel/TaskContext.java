package dev.telar.workloads.kernel;

/**
 * What a running task may ask of the execution model around it.
 *
 * <p>Kernels call {@link #checkpoint()} between short chunks of computation (a few milliseconds
 * at most), so a model can cancel them promptly or, under GIL emulation, hand the interpreter lock
 * to another worker; and they wrap every blocking wait in {@link #blocking(BlockingAction)}, so GIL
 * emulation can release the lock while the task waits, as CPython does around I/O.
 */
public interface TaskContext {
    /**
     * Called between chunks of computation.
     *
     * @throws CancelledException when the run was cancelled
     */
    void checkpoint();

    /**
     * Runs a blocking wait (I/O, sleep) outside any interpreter lock.
     *
     * @throws CancelledException when the run was cancelled during the wait
     */
    void blocking(BlockingAction action);

    /**
     * Makes a helper thread for work a task spreads itself (like a native library's threads).
     * Models override this to pin the helper to the run's cores and count its CPU time.
     */
    default Thread helperThread(String name, Runnable body) {
        return new Thread(body, name);
    }

    /** A wait that may be interrupted. */
    @FunctionalInterface
    interface BlockingAction {
        void run() throws InterruptedException, java.io.IOException;
    }

    /** A context with no lock and no cancellation, for tests and the plain sequential baseline. */
    TaskContext FREE = new TaskContext() {
        @Override
        public void checkpoint() {
        }

        @Override
        public void blocking(BlockingAction action) {
            try {
                action.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    };
}
