package dev.telar.workloads.run;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Touches heap pages that a run is about to allocate into, before its timed part.
 *
 * <p>Why: a fresh JVM's heap is reserved but its pages are not yet backed; the first write to each
 * page costs a fault in the kernel (more under a hypervisor). A 1000×1000 product allocates three
 * 8 MB matrices per task, and in a fresh JVM those faults made {@code telar run} about 15 % slower
 * than the same run in the long-lived lab, whose heap had been touched by earlier runs (0.51 s
 * against 0.43 s here; with every page touched at start, {@code -XX:+AlwaysPreTouch}, also
 * 0.43 s). Filling the young generation's allocation space once with garbage touches its pages;
 * the collection that follows starts allocation over at its bottom, and the run allocates into
 * pages already touched: both hosts then time the product alone.
 */
final class HeapPrefault {
    /** Most bytes touched: a quarter of the largest heap, and never more than this. */
    static final long MAX_BYTES = 512L << 20;
    private static final int CHUNK_LONGS = 1 << 19; // 4 MiB arrays, each zeroed (touched) by the JVM

    private HeapPrefault() {
    }

    /**
     * Touches the young generation's allocation space by filling it with garbage until a young
     * collection empties it, here rather than inside the timed run, wherever earlier runs left its
     * top. Costs a few tens of milliseconds per 100 MB.
     *
     * @return the bytes allocated (at most {@link #MAX_BYTES}, or a quarter of the largest heap)
     */
    static long touchYoungGeneration() {
        long cap = Math.min(MAX_BYTES, Runtime.getRuntime().maxMemory() / 4);
        long eden = edenBytes();
        long before = collections();
        long touched = 0;
        while (touched < cap) {
            sink = new long[CHUNK_LONGS];
            touched += CHUNK_LONGS * 8L;
            if (touched >= eden && collections() > before) {
                break;
            }
        }
        sink = null;
        return touched;
    }

    /** Collections so far, by every collector. */
    static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    /** Kept in a field so that the allocations cannot be optimised away. */
    private static volatile long[] sink;

    /** The young generation's allocation space now, bytes (its committed size). */
    private static long edenBytes() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Eden")) {
                return pool.getUsage().getCommitted();
            }
        }
        return MAX_BYTES;
    }
}
