package dev.telar.workloads.run;

import dev.telar.probe.Kernel;
import dev.telar.workloads.kernel.CancelledException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

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
