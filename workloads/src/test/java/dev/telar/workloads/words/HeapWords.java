package dev.telar.workloads.words;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * {@link Words} on the heap, for running the shared-memory algorithms under Lincheck: an
 * {@link AtomicLongArray} whose element {@code i} is the word at byte offset {@code 8 * i}. Every
 * access is at least as strongly ordered as its mode promises.
 */
public final class HeapWords implements Words {
    private final AtomicLongArray words;

    /** {@code bytes} bytes of zeroed words. */
    public HeapWords(int bytes) {
        this.words = new AtomicLongArray(bytes / 8);
    }

    private static int index(long offset) {
        if ((offset & 7) != 0) {
            throw new IllegalArgumentException("offset " + offset + " is not a multiple of 8");
        }
        return (int) (offset >>> 3);
    }

    @Override
    public long getVolatile(long offset) {
        return words.get(index(offset));
    }

    @Override
    public long get(long offset) {
        return words.get(index(offset));
    }

    @Override
    public void put(long offset, long value) {
        words.set(index(offset), value);
    }

    @Override
    public void putOrdered(long offset, long value) {
        words.lazySet(index(offset), value);
    }

    @Override
    public void putVolatile(long offset, long value) {
        words.set(index(offset), value);
    }

    @Override
    public boolean compareAndSet(long offset, long expected, long value) {
        return words.compareAndSet(index(offset), expected, value);
    }

    @Override
    public long addAndGet(long offset, long delta) {
        return words.addAndGet(index(offset), delta);
    }

    @Override
    public void releaseFence() {
        VarHandle.releaseFence();
    }
}
