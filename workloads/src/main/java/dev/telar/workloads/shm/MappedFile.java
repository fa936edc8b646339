package dev.telar.workloads.shm;

import dev.telar.probe.Futex;
import dev.telar.workloads.ipc.DiskFullException;
import dev.telar.workloads.ipc.DiskSpace;
import dev.telar.workloads.words.Words;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A small file mapped into memory, shared by every process that maps the same path: a write by one
 * process is seen by the others without any system call. The one mapping under every exchange
 * mechanism, start gate and process synchronization primitive. Offsets are absolute byte offsets;
 * longs must be 8-byte and ints 4-byte aligned.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>The file's blocks are reserved on disk ({@code posix_fallocate}, {@link DiskSpace#reserve})
 *       before it is mapped, so a full disk is a {@link DiskFullException} here and never a SIGBUS
 *       at a later write. What slips through anyway (a file system without fallocate) surfaces as
 *       the JVM's {@link InternalError}, which {@link DiskSpace#reason} names as a full disk.</li>
 *   <li>Every accessor is one atomic access with the ordering its name says (see {@link Words});
 *       volatile accesses and compare-and-swap are full fences, seen by every process mapping the
 *       file. Thread-safe.</li>
 *   <li>{@link #close()} never unmaps by hand: the mapping goes when the buffer is collected, so a
 *       thread still inside an operation can never touch unmapped memory (a crash, not an
 *       exception). The file's blocks stay in use until then, even when the file was removed.</li>
 * </ul>
 *
 * <p>Why the JDK's mapping and not Chronicle Bytes, which the exchange used before: mapping the
 * first file through Chronicle cost each JVM about 0.7 s of start-up (its runtime and native layer,
 * some 300 classes), and every scenario worker is a fresh child JVM. The JDK's mapping costs a few
 * milliseconds; its accesses go through {@link VarHandle}s, which the JIT compiles to the plain
 * instruction plus a bounds check.
 */
public final class MappedFile implements AutoCloseable, Words {
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final Path path;
    private final MappedByteBuffer buffer;
    private final boolean created;
    private volatile boolean closed;

    private MappedFile(Path path, MappedByteBuffer buffer, boolean created) {
        this.path = path;
        this.buffer = buffer;
        this.created = created;
    }

    /**
     * Maps {@code size} bytes of {@code file}, creating it (zero-filled) when absent and growing it
     * with zeros when shorter. Every process must map the same size.
     *
     * @throws DiskFullException    when the file system has no room for the file's blocks
     * @throws UncheckedIOException when the file cannot be opened or mapped
     */
    public static MappedFile map(Path file, long size) {
        return map(file, size, false);
    }

    /**
     * Makes {@code file} (owner-only) and maps it, failing when it exists: of several processes
     * that race to create it, exactly one gets it; {@link #created()} is true.
     *
     * @throws FileAlreadyExistsException when the file exists
     * @throws DiskFullException          when the file system has no room for it
     */
    public static MappedFile createNew(Path file, long size) throws FileAlreadyExistsException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException exists) {
            throw exists;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
        return map(file, size, true);
    }

    private static MappedFile map(Path file, long size, boolean created) {
        if (size <= 0 || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot map " + size + " bytes of " + file);
        }
        DiskSpace.reserve(file, size);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            FileChannel channel = f.getChannel();
            if (channel.size() < size) {
                // ftruncate: grows with zeros and never rewrites a byte, whoever grows it first
                f.setLength(size);
            }
            return new MappedFile(file, channel.map(FileChannel.MapMode.READ_WRITE, 0, size), created);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + file + ": " + e.getMessage(), e);
        }
    }

    /** The mapped file. */
    public Path path() {
        return path;
    }

    /** Mapped length in bytes. */
    public long size() {
        return buffer.capacity();
    }

    /** True when {@link #createNew} made the file (rather than this call opening one that existed). */
    public boolean created() {
        return created;
    }

    /** @throws IllegalStateException after {@link #close()} */
    public void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(path.getFileName() + " was closed");
        }
    }

    /** The absolute address of {@code offset} in this JVM's mapping (for futexes). */
    public long address(long offset) {
        return Futex.addressOf(buffer) + offset;
    }

    private int at(long offset) {
        if (offset < 0 || offset >= buffer.capacity()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside " + buffer.capacity() + " bytes of " + path);
        }
        return (int) offset;
    }

    // 64-bit words

    @Override
    public long getVolatile(long offset) {
        return (long) LONGS.getVolatile(buffer, at(offset));
    }

    @Override
    public long get(long offset) {
        return (long) LONGS.get(buffer, at(offset));
    }

    @Override
    public void put(long offset, long value) {
        LONGS.set(buffer, at(offset), value);
    }

    @Override
    public void putOrdered(long offset, long value) {
        LONGS.setRelease(buffer, at(offset), value);
    }

    @Override
    public void putVolatile(long offset, long value) {
        LONGS.setVolatile(buffer, at(offset), value);
    }

    @Override
    public boolean compareAndSet(long offset, long expected, long value) {
        return LONGS.compareAndSet(buffer, at(offset), expected, value);
    }

    @Override
    public long addAndGet(long offset, long delta) {
        return (long) LONGS.getAndAdd(buffer, at(offset), delta) + delta;
    }

    @Override
    public void releaseFence() {
        VarHandle.releaseFence();
    }

    /** The double stored as its IEEE bits at {@code offset}, read with acquire semantics. */
    public double getDoubleVolatile(long offset) {
        return Double.longBitsToDouble(getVolatile(offset));
    }

    /** Stores a double as its IEEE bits with release semantics. */
    public void putDoubleOrdered(long offset, double value) {
        putOrdered(offset, Double.doubleToRawLongBits(value));
    }

    // 32-bit words, same orderings as the 64-bit ones of the same name

    public int getIntVolatile(long offset) {
        return (int) INTS.getVolatile(buffer, at(offset));
    }

    public void putIntVolatile(long offset, int value) {
        INTS.setVolatile(buffer, at(offset), value);
    }

    public void putIntOrdered(long offset, int value) {
        INTS.setRelease(buffer, at(offset), value);
    }

    public boolean compareAndSetInt(long offset, int expected, int value) {
        return INTS.compareAndSet(buffer, at(offset), expected, value);
    }

    /** Atomic add with full ordering; returns the new value. */
    public int addAndGetInt(long offset, int delta) {
        return (int) INTS.getAndAdd(buffer, at(offset), delta) + delta;
    }

    /**
     * Closes the file in this JVM: {@link #ensureOpen()} fails from now on. The mapping itself goes
     * when the buffer is collected (the JDK offers no safe explicit unmap). The file stays.
     * Idempotent.
     */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "MappedFile[" + path + "]";
    }
}
