package dev.telar.workloads.proc;

import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.shm.Backoff;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A start line for child processes: each child reports ready, then waits until the parent opens
 * the gate; the parent waits for all to be ready, then opens it and records the time. Measuring
 * from the opening leaves the JVM start (and warm-up) out of a benchmark's time. The opening names
 * a start time {@link #LEAD_NANOS} ahead, and every child leaves {@link #awaitOpen()} at that time: a
 * waiting child checks the gate only every millisecond or so, and would otherwise start up to
 * that late, a good part of a benchmark that runs for 20 ms. Lives in a small
 * mapped file; times are {@link System#nanoTime()} values, which on Linux are one monotonic clock
 * for all processes of the machine. Thread-safe.
 */
public final class StartGate implements AutoCloseable {
    private static final long SIZE = 256;
    private static final long READY = 0;
    private static final long OPEN = 64;
    private static final long OPENED_AT = 72;
    /** How far ahead of the opening the start time lies: longer than a waiter's longest pause. */
    static final long LEAD_NANOS = 2 * Backoff.MAX_PARK_NANOS;

    /** Longest wait for children to start (a JVM each) and report ready. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final MappedFile region;

    private StartGate(MappedFile region) {
        this.region = region;
    }

    /** Creates or opens the gate file. */
    public static StartGate open(Path file) {
        return new StartGate(MappedFile.map(file, SIZE));
    }

    /** Child side: counts this process as ready. */
    public void ready() {
        region.addAndGet(READY, 1);
    }

    /** Child side: waits until the gate is open and its start time has come; returns that time (nanoTime). */
    public long awaitOpen() {
        return awaitOpen(0);
    }

    /**
     * Child side, for a benchmark measured in several rounds: waits until round {@code round}
     * (0, 1, ...) is opened and its start time has come; returns that time. A child counts itself
     * {@link #ready()} again before each round after the first.
     */
    public long awaitOpen(int round) {
        Backoff backoff = new Backoff();
        while (region.getVolatile(OPEN) <= round) {
            backoff.idle();
        }
        long start = region.getVolatile(OPENED_AT);
        while (System.nanoTime() < start) {
            Thread.onSpinWait();
        }
        return start;
    }

    /**
     * Child side: counts this process as ready and waits until {@code parties} have done so; for a
     * first meeting before a warm-up that all children should run together (the parent then waits
     * for twice the parties, each child calling {@link #ready()} once more after its warm-up).
     */
    public void meet(int parties) {
        region.addAndGet(READY, 1);
        Backoff backoff = new Backoff();
        while (region.getVolatile(READY) < parties) {
            backoff.idle();
        }
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

    /**
     * Parent side: opens the gate with a start time {@link #LEAD_NANOS} from now, waits until then
     * (without spinning: the children need the cores) and returns that time (nanoTime).
     */
    public long openNow() {
        return openRound(0);
    }

    /**
     * Parent side: opens round {@code round} as {@link #openNow()} does; call once every child is
     * ready for it. The start time is kept in one word: a child reads it before it counts itself
     * ready for the next round, so the next opening cannot overwrite it too early.
     */
    public long openRound(int round) {
        long start = System.nanoTime() + LEAD_NANOS;
        region.putOrdered(OPENED_AT, start);
        region.putOrdered(OPEN, round + 1);
        long left;
        while ((left = start - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
        return start;
    }

    @Override
    public void close() {
        region.close();
    }
}
