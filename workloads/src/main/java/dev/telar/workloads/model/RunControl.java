package dev.telar.workloads.model;

import dev.telar.probe.Kernel;
import dev.telar.workloads.kernel.CancelledException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Cancellation, core pinning and CPU accounting shared by every thread of one run.
 *
 * <p>Thread-safe. {@link #cancel()} may come from any thread: it sets a flag that tasks see at
 * their next checkpoint (a few milliseconds of work apart) and interrupts threads that are waiting,
 * so a run ends well within half a second of being cancelled.
 */
public final class RunControl {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();
    private final int[] cores;
    private final LongAdder cpuNanos = new LongAdder();
    private volatile boolean cancelled;
    private final LongAdder unmeasured = new LongAdder();
    private final List<Runnable> cancelHooks = new CopyOnWriteArrayList<>();
    private volatile Consumer<List<Long>> childWatcher = pids -> { };

    /** @param cores logical cores to pin every thread of the run to; empty for no pinning */
    public RunControl(int... cores) {
        this.cores = cores.clone();
    }

    /** The cores threads are pinned to (empty: the scheduler chooses). */
    public int[] cores() {
        return cores.clone();
    }

    /** Asks the run to stop as soon as possible. */
    public void cancel() {
        cancelled = true;
        live.forEach(Thread::interrupt);
        cancelHooks.forEach(Runnable::run);
    }

    /**
     * Adds an action that {@link #cancel()} runs (on the cancelling thread, so it must be quick and
     * must not block, e.g. sending SIGKILL to child processes). Runs it at once when the run was
     * cancelled already. Remove it with {@link #removeOnCancel} when the work it stops has ended.
     */
    public void onCancel(Runnable hook) {
        cancelHooks.add(hook);
        if (cancelled) {
            hook.run();
        }
    }

    /** Removes an action added by {@link #onCancel}. */
    public void removeOnCancel(Runnable hook) {
        cancelHooks.remove(hook);
    }

    /**
     * Chooses who hears about the child processes a run starts (e.g. the dashboard, to list their
     * threads). Called on the thread that started them.
     */
    public void watchChildren(Consumer<List<Long>> watcher) {
        childWatcher = watcher;
    }

    /** Tells the watcher the pids of the child processes that now compute for the run. */
    public void childrenStarted(List<Long> pids) {
        childWatcher.accept(List.copyOf(pids));
    }

    /** Adds CPU time measured elsewhere (e.g. in a child process) to the run's total, nanoseconds. */
    public void addCpuNanos(long nanos) {
        cpuNanos.add(nanos);
    }

    /** True once {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** @throws CancelledException when the run was cancelled */
    public void check() {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /**
     * Wraps the body of one of the run's threads: the thread is registered for cancellation,
     * pinned to the run's cores, and its CPU time is added when it ends.
     */
    public Runnable instrument(Runnable body) {
        return () -> {
            Thread self = Thread.currentThread();
            live.add(self);
            try {
                if (cores.length > 0) {
                    Kernel.pinCurrentThread(cores);
                }
                if (cancelled) {
                    self.interrupt();
                }
                body.run();
            } finally {
                addCurrentThreadCpu();
                live.remove(self);
            }
        };
    }

    /** Total CPU time of the run's finished threads, nanoseconds. */
    public long cpuNanos() {
        return cpuNanos.sum();
    }

    /** Number of the run's finished threads whose CPU time could not be measured (e.g. virtual threads). */
    public long unmeasuredThreads() {
        return unmeasured.sum();
    }

    private void addCurrentThreadCpu() {
        long t;
        try {
            t = THREADS.getCurrentThreadCpuTime();
        } catch (UnsupportedOperationException e) {
            t = -1;
        }
        if (t >= 0) {
            cpuNanos.add(t);
        } else {
            unmeasured.increment();
        }
    }

    @Override
    public String toString() {
        return "RunControl[cores=" + Arrays.toString(cores) + ", cancelled=" + cancelled + "]";
    }
}
