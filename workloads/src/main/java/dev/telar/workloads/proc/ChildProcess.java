package dev.telar.workloads.proc;

import java.util.List;

/**
 * The lecture's second way to write a process: subclass and override {@link #run(String[])}.
 * {@link #start(String...)} launches a child JVM that creates its own instance of the subclass
 * (public, with a public no-argument constructor) and calls {@code run} there; fields set in the
 * parent are not seen by the child, only the string arguments are.
 */
public abstract class ChildProcess {
    private volatile Child child;

    /** Runs in the child JVM; returning exits 0, throwing exits 1 with the message on stderr. */
    protected abstract void run(String[] args) throws Exception;

    /**
     * True when the child reads lines the parent sends with {@link Child#sendLine}; by default its
     * standard input is closed. Asked in the parent, before the child starts.
     */
    protected boolean readsInput() {
        return false;
    }

    /**
     * Starts the child JVM.
     *
     * @throws IllegalStateException if this process was started already
     */
    public final synchronized Child start(String... args) {
        if (child != null) {
            throw new IllegalStateException("process " + getClass().getSimpleName() + " was started already");
        }
        child = ChildLauncher.start(ChildMain.KIND_SUBCLASS, getClass(), List.of(args), List.of(), readsInput());
        return child;
    }

    /** Waits for the child to end. */
    public final ChildExit join() throws InterruptedException {
        return started().join();
    }

    /** The running or ended child. */
    public final Child started() {
        Child c = child;
        if (c == null) {
            throw new IllegalStateException("process " + getClass().getSimpleName() + " was not started");
        }
        return c;
    }
}
