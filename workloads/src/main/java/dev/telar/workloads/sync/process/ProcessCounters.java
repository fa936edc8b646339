package dev.telar.workloads.sync.process;

import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.sync.SharedCounters;
import java.nio.file.Path;

/** Shared counters between processes: 64-bit words in a mapped file. Thread-safe. */
public final class ProcessCounters implements SharedCounters {
    /** Most counters one file holds. */
    public static final int MAX_SIZE = 4096;
    private final MappedFile region;
    private final int size;

    private ProcessCounters(MappedFile region) {
        this.region = region;
        this.size = (int) PrimitiveFile.param(region, 0);
    }

    /** Opens the counters in {@code file}, creating {@code size} zeros when the file does not exist. */
    public static ProcessCounters open(Path file, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("counters size must be 1.." + MAX_SIZE + ", not " + size);
        }
        return new ProcessCounters(PrimitiveFile.openOrCreate(file, PrimitiveFile.Kind.COUNTERS, size * 8, size));
    }

    private long offset(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("counter " + i + " of " + size);
        }
        return PrimitiveFile.DATA + 8L * i;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long get(int i) {
        region.ensureOpen();
        return region.getVolatile(offset(i));
    }

    @Override
    public void set(int i, long value) {
        region.ensureOpen();
        region.putVolatile(offset(i), value);
    }

    @Override
    public long add(int i, long delta) {
        region.ensureOpen();
        return region.addAndGet(offset(i), delta);
    }

    @Override
    public boolean compareAndSet(int i, long expected, long value) {
        region.ensureOpen();
        return region.compareAndSet(offset(i), expected, value);
    }

    /** True when this JVM made the file. */
    boolean createdHere() {
        return region.created();
    }

    @Override
    public void close() {
        region.close();
    }
}
