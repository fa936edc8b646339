package dev.telar.probe;

import java.util.concurrent.TimeUnit;

/**
 * Gives the C heap's free memory back to the kernel, now and then.
 *
 * <p>Why: glibc keeps memory that the JVM freed (the JIT compiler's scratch areas above all) in
 * per-thread arenas for reuse. In the dashboard, opening the lab's Chronicle queues compiles a
 * burst of methods and leaves about 12 MB resident but unused; {@code malloc_trim} returns it. The
 * JVM's own periodic trim exists only in some JDK builds (and under different flags), so Telar
 * asks libc itself. On a C library without {@code malloc_trim} (musl) this does nothing.
 *
 * <p>Thread-safe; a call costs well under a millisecond on a heap of a few tens of megabytes.
 */
public final class NativeHeap {
    /** Shortest time between two trims from {@link #trimNowAndThen()}. */
    static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static volatile boolean unavailable;
    private static volatile long lastTrim = System.nanoTime();

    private NativeHeap() {
    }

    /**
     * Trims now.
     *
     * @return true when memory was returned; false when none was, or libc offers no trim
     */
    public static boolean trim() {
        if (unavailable) {
            return false;
        }
        try {
            return LibC.INSTANCE.malloc_trim(0) == 1;
        } catch (UnsatisfiedLinkError e) {
            unavailable = true;
            return false;
        }
    }

    /** Trims if the last trim from here was at least {@link #PERIOD_NANOS} ago; cheap otherwise. */
    public static void trimNowAndThen() {
        long now = System.nanoTime();
        if (now - lastTrim >= PERIOD_NANOS) {
            lastTrim = now;
            trim();
        }
    }
}
