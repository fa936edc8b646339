package dev.telar.workloads.mechanism;

import dev.telar.workloads.ipc.DiskFullException;
import dev.telar.workloads.ipc.DiskSpace;
import dev.telar.workloads.words.Words;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.core.UnsafeMemory;

/**
 * A small file mapped into memory with Chronicle Bytes, shared by every process that maps the same
 * path: a write by one process is seen by the others without any system call. Offsets are in bytes
 * and must be multiples of 8 for the atomic operations.
 *
 * <p>The hot paths go straight to the mapped address through Chronicle's {@link UnsafeMemory}, so
 * a compare-and-swap costs what the processor's instruction costs. Thread-safe (every operation is
 * a single atomic or plain access); {@link #close()} must come after the last use.
 */
public final class MappedRegion implements AutoCloseable, Words {
    private static final UnsafeMemory MEMORY = UnsafeMemory.MEMORY;

    private final Path path;
    private final long size;
    private final MappedBytes bytes;
    private final long address;
    private volatile boolean closed;

    private MappedRegion(Path path, long size, MappedBytes bytes) {
        this.path = path;
        this.size = size;
        this.bytes = bytes;
        this.address = bytes.bytesStore().addressForRead(0);
    }

    /**
     * Maps {@code size} bytes of {@code file}, creating it (zero-filled) if it does not exist.
     * Every process must map the same size. The file's blocks are reserved on disk first, so no
     * later write to the region can fault for want of space.
     *
     * @throws DiskFullException when the file system has no room for the file
     */
    public static MappedRegion map(Path file, long size) {
        DiskSpace.reserve(file, size);
        try {
            MappedBytes b = MappedBytes.singleMappedBytes(file.toFile(), size);
            b.singleThreadedCheckDisabled(true);
            return new MappedRegion(file, size, b);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("cannot map " + file + ": " + e.getMessage(), e);
        }
    }

    /** True when {@code file} exists (so {@link #map} would open rather than create it). */
    public static boolean exists(Path file) {
        return new File(file.toString()).isFile();
    }

    /** The mapped file. */
    public Path path() {
        return path;
    }

    /** Mapped length in bytes. */
    public long size() {
        return size;
    }

    private long at(long offset, int width) {
        if (offset < 0 || offset + width > size) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside " + size + " bytes of " + path);
        }
        return address + offset;
    }

    /** Reads with acquire semantics: sees everything written before the matching ordered write. */
    public long getVolatile(long offset) {
        return MEMORY.readVolatileLong(at(offset, 8));
    }

    /** Plain read (no ordering). */
    public long get(long offset) {
        return MEMORY.readLong(at(offset, 8));
    }

    /** Plain write (no ordering). */
    public void put(long offset, long value) {
        MEMORY.writeLong(at(offset, 8), value);
    }

    /** Writes with full (volatile) ordering: not reordered with any later read or write. */
    public void putVolatile(long offset, long value) {
        MEMORY.writeVolatileLong(at(offset, 8), value);
    }

    /** Writes with release semantics: earlier writes become visible no later than this one. */
    public void putOrdered(long offset, long value) {
        MEMORY.writeOrderedLong(at(offset, 8), value);
    }

    /** Release fence: no earlier read or write is reordered with a later write (to any memory). */
    @Override
    public void releaseFence() {
        VarHandle.releaseFence();
    }

    /** Atomically sets the long at {@code offset} to {@code value} if it equals {@code expected}. */
    public boolean compareAndSet(long offset, long expected, long value) {
        return MEMORY.compareAndSwapLong(at(offset, 8), expected, value);
    }

    /** Atomically adds {@code delta}; returns the new value. */
    public long addAndGet(long offset, long delta) {
        return MEMORY.addLong(at(offset, 8), delta);
    }

    /** The double stored as its IEEE bits at {@code offset}, read with acquire semantics. */
    public double getDoubleVolatile(long offset) {
        return Double.longBitsToDouble(getVolatile(offset));
    }

    /** Stores a double as its IEEE bits with release semantics. */
    public void putDoubleOrdered(long offset, double value) {
        putOrdered(offset, Double.doubleToRawLongBits(value));
    }

    /** Unmaps the file (the file stays). Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            bytes.releaseLast();
        }
    }
}
