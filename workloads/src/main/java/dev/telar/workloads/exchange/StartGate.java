package dev.telar.workloads.exchange;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A start line for child processes: each child reports ready, then waits until the parent opens
 * the gate; the parent waits for all to be ready, then opens it and records the time. Measuring
 * from the opening leaves the JVM start (and warm-up) out of a benchmark's time. Lives in a small
 * mapped file; times are {@link System#nanoTime()} values, which on Linux are one monotonic clock
 * for all processes of the machine. Thread-safe.
 */
public final class StartGate implements AutoCloseable {
    private static final long SIZE = 256;
    private static final long READY = 0;
    private static final long OPEN = 64;
    private static final long OPENED_AT = 72;

    private final MappedRegion region;

    private StartGate(MappedRegion region) {
        this.region = region;
    }

    /** Creates or opens the gate file. */
    public static StartGate open(Path file) {
        return new StartGate(MappedRegion.map(file, SIZE));
    }

    /** Child side: counts this process as ready. */
    public void ready() {
        region.addAndGet(READY, 1);
    }

    /** Child side: waits until the gate is open; returns the opening time (nanoTime). */
    public long awaitOpen() {
        Backoff backoff = new Backoff();
        while (region.getVolatile(OPEN) == 0) {
            backoff.idle();
        }
        return region.getVolatile(OPENED_AT);
    }

    /** Parent side: processes ready so far. */
    public long readyCount() {
        return region.getVolatile(READY);
    }

    /**
     * Parent side: waits until {@code parties} processes are ready, or the timeout ends, or
     * {@code stillWaiting} says stop (e.g. a child died).
     *
     * @return true when all are ready
     */
    public boolean awaitReady(int parties, Duration timeout, java.util.function.BooleanSupplier stillWaiting) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Backoff backoff = new Backoff();
        while (region.getVolatile(READY) < parties) {
            if (System.nanoTime() > deadline || !stillWaiting.getAsBoolean()) {
                return false;
            }
            backoff.idle();
        }
        return true;
    }

    /** Parent side: opens the gate now; returns the opening time (nanoTime). */
    public long openNow() {
        long now = System.nanoTime();
        region.putOrdered(OPENED_AT, now);
        region.putOrdered(OPEN, 1);
        return now;
    }

    @Override
    public void close() {
        region.close();
    }
}
