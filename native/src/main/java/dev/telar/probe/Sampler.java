package dev.telar.probe;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that samples the machine and publishes immutable {@link SystemSnapshot}s.
 *
 * <p>Sleeps between samples (no polling); {@link #setIntervalMillis} and {@link #requestNow} wake
 * it early. Listeners run on the sampler thread and must return quickly (hand the snapshot to
 * another thread). {@link #latest()} may be read from any thread.
 */
public final class Sampler implements AutoCloseable {
    /** Shortest interval accepted, milliseconds. */
    public static final long MIN_INTERVAL_MS = 250;
    /** Longest interval accepted, milliseconds. */
    public static final long MAX_INTERVAL_MS = 10_000;
    /**
     * Time from the first sample to the second, after which the first loads are published,
     * milliseconds: long enough for every core to count about ten clock ticks, short enough that
     * the first frame shows loads as soon as the terminal is ready.
     */
    public static final long FIRST_INTERVAL_MS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(Sampler.class);

    private final java.util.function.Supplier<Probe> probeFactory;
    private final List<Consumer<SystemSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<SystemSnapshot> latest = new AtomicReference<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile long intervalMillis;
    private volatile IntPredicate threadsFor = pid -> false;
    private volatile boolean running = true;
    private boolean wakeRequested;
    private final Thread thread;

    /**
     * Creates a sampler; call {@link #start()} to begin.
     *
     * @param probeFactory   builds the probe on the sampler thread, so slow start-up (OSHI) stays off the caller
     * @param intervalMillis time between samples, clamped to {@link #MIN_INTERVAL_MS}..{@link #MAX_INTERVAL_MS}
     */
    public Sampler(java.util.function.Supplier<Probe> probeFactory, long intervalMillis) {
        this.probeFactory = probeFactory;
        this.intervalMillis = clamp(intervalMillis);
        this.thread = new Thread(this::loop, "telar-sampler");
        this.thread.setDaemon(true);
    }

    /** Starts the sampler thread. */
    public void start() {
        thread.start();
    }

    /** Adds a listener called with every new snapshot, on the sampler thread. */
    public void subscribe(Consumer<SystemSnapshot> listener) {
        listeners.add(listener);
    }

    /**
     * Adds a listener, as {@link #subscribe}, and first hands it the newest snapshot, on the
     * calling thread, when there is one: a listener added after sampling began (the dashboard's,
     * when sampling started ahead of it) misses nothing and gets no snapshot twice.
     */
    public void subscribeFromLatest(Consumer<SystemSnapshot> listener) {
        synchronized (listeners) {
            SystemSnapshot newest = latest.get();
            if (newest != null) {
                listener.accept(newest);
            }
            listeners.add(listener);
        }
    }

    /** The newest snapshot, or null before the first. */
    public SystemSnapshot latest() {
        return latest.get();
    }

    /** Current interval between samples, milliseconds. */
    public long intervalMillis() {
        return intervalMillis;
    }

    /** Changes the interval (clamped), effective from the next sample. Returns the value applied. */
    public long setIntervalMillis(long millis) {
        intervalMillis = clamp(millis);
        return intervalMillis;
    }

    /** Chooses the processes whose threads are listed from the next sample on. */
    public void setThreadsFor(Set<Integer> pids) {
        Set<Integer> copy = Set.copyOf(pids);
        threadsFor = copy::contains;
    }

    /** Lists the threads of every process from the next sample on. */
    public void setThreadsForAll() {
        threadsFor = pid -> true;
    }

    /** Wakes the sampler for a sample now (e.g. after the user expanded a process). */
    public void requestNow() {
        lock.lock();
        try {
            wakeRequested = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the thread and waits up to one second for it. */
    @Override
    public void close() {
        running = false;
        requestNow();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        Probe probe;
        try {
            probe = probeFactory.get();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("the probe could not start", e);
            return;
        }
        boolean first = true;
        while (running) {
            long takenAt = System.nanoTime();
            try {
                SystemSnapshot snapshot = probe.sample(threadsFor);
                if (!first) {
                    synchronized (listeners) {
                        latest.set(snapshot);
                        for (Consumer<SystemSnapshot> listener : listeners) {
                            listener.accept(snapshot);
                        }
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("a sample failed; trying again next interval", e);
            }
            // The first pause counts from the first reading, not from its end: reading every
            // process the first time takes tens of milliseconds, which need not be waited again.
            pause(first ? FIRST_INTERVAL_MS - (System.nanoTime() - takenAt) / 1_000_000 : intervalMillis);
            first = false;
        }
    }

    private void pause(long millis) {
        lock.lock();
        try {
            long nanos = millis * 1_000_000;
            while (running && !wakeRequested && nanos > 0) {
                nanos = wake.awaitNanos(nanos);
            }
            wakeRequested = false;
        } catch (InterruptedException e) {
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private static long clamp(long millis) {
        return Math.max(MIN_INTERVAL_MS, Math.min(MAX_INTERVAL_MS, millis));
    }
}
