package dev.telar.workloads.sync.thread;

import dev.telar.workloads.sync.SharedCounters;
import java.util.concurrent.atomic.AtomicLongArray;

/** Shared counters for threads: an {@link AtomicLongArray}. Thread-safe. */
final class ThreadCounters implements SharedCounters {
    private final AtomicLongArray values;

    ThreadCounters(int size) {
        values = new AtomicLongArray(size);
    }

    @Override
    public int size() {
        return values.length();
    }

    @Override
    public long get(int i) {
        return values.get(i);
    }

    @Override
    public void set(int i, long value) {
        values.set(i, value);
    }

    @Override
    public long add(int i, long delta) {
        return values.addAndGet(i, delta);
    }

    @Override
    public boolean compareAndSet(int i, long expected, long value) {
        return values.compareAndSet(i, expected, value);
    }

    @Override
    public void close() {
        // heap memory
    }
}
