package dev.telar.workloads.sync.process;

import dev.telar.probe.Futex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.locks.LockSupport;

/**
 * One primitive's shared file, mapped into this JVM (a {@link MappedByteBuffer} accessed through
 * {@link VarHandle}s: volatile reads and writes, compare-and-swap, get-and-add). The file starts
 * with a 64-byte header (magic, kind, layout version, six parameters); the primitive's words follow
 * at offset {@link #DATA}. Offsets are absolute; ints must be 4-byte and longs 8-byte aligned.
 *
 * <p>Why not Chronicle Bytes, the house choice for exchange: it did the same job here, but mapping
 * the first file cost each JVM about 0.7 s of start-up (Chronicle's runtime and its native POSIX
 * layer, some 300 classes), and every scenario worker is a fresh child JVM. The JDK's mapping costs
 * a few milliseconds, and a buffer nobody unmapped by hand can never be touched after unmapping.
 *
 * <p>Creation is atomic across processes: the file is made with CREATE_NEW, filled, and its magic
 * number written last, so an opener either finds no file or waits (at most a few seconds) for a
 * complete header. All accessors are thread-safe; volatile reads and writes and compare-and-swap
 * are full-fence operations on the mapped memory, seen by every process mapping the file.
 */
final class SharedRegion implements AutoCloseable {
    /** Offset of the first data word. */
    static final long DATA = 64;
    static final int PAGE = 4096;
    private static final int MAGIC = 0x54_53_59_4E; // "TSYN"
    /** Layout version: 2 since the slot tables grew to {@link ProcessSync#SLOTS}. */
    private static final int VERSION = 2;
    private static final long OFF_MAGIC = 0;
    private static final long OFF_KIND = 4;
    private static final long OFF_VERSION = 8;
    private static final long OFF_SIZE = 12;
    private static final long OFF_PARAMS = 16;
    private static final int MAX_PARAMS = 6;
    private static final long OPEN_WAIT_NANOS = 5_000_000_000L;

    /** What a file holds; the number is stored in the header. */
    enum Kind {
        LOCK(1, "Lock"), RLOCK(2, "RLock"), SEMAPHORE(3, "Semaphore"), CONDITION(4, "Condition"),
        EVENT(5, "Event"), BARRIER(6, "Barrier"), COUNTERS(7, "Counters");

        final int code;
        final String label;

        Kind(int code, String label) {
            this.code = code;
            this.label = label;
        }

        static String labelOf(int code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k.label;
                }
            }
            return "unknown kind " + code;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final Path path;
    private final MappedByteBuffer buffer;
    private volatile boolean closed;

    private SharedRegion(Path path, MappedByteBuffer buffer) {
        this.path = path;
        this.buffer = buffer;
    }

    /**
     * Opens the region at {@code path}, creating it when absent.
     *
     * @param dataBytes bytes needed after the header
     * @param params    parameters stored at creation; an existing file must have the same ones
     * @return the mapped region
     * @throws IllegalArgumentException when the file holds another kind or other parameters
     * @throws UncheckedIOException     when the file cannot be created or mapped
     */
    static SharedRegion openOrCreate(Path path, Kind kind, int dataBytes, long... params) {
        return openOrCreate(path, kind, dataBytes, r -> { }, params);
    }

    /**
     * As {@link #openOrCreate(Path, Kind, int, long...)}, and when this call creates the file,
     * {@code init} fills the data words before the header is published, so that no opener ever
     * sees them unset.
     */
    static SharedRegion openOrCreate(Path path, Kind kind, int dataBytes, java.util.function.Consumer<SharedRegion> init,
                                     long... params) {
        if (params.length > MAX_PARAMS) {
            throw new IllegalArgumentException("at most " + MAX_PARAMS + " parameters");
        }
        int size = roundUp((int) DATA + dataBytes);
        boolean created;
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            created = true;
        } catch (FileAlreadyExistsException exists) {
            created = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path + ": " + e.getMessage(), e);
        }
        SharedRegion r = map(path, size);
        try {
            if (created) {
                r.setInt(OFF_KIND, kind.code);
                r.setInt(OFF_VERSION, VERSION);
                r.setInt(OFF_SIZE, size);
                for (int i = 0; i < params.length; i++) {
                    r.setLong(OFF_PARAMS + 8L * i, params[i]);
                }
                init.accept(r);
                r.setInt(OFF_MAGIC, MAGIC); // publishes the header
            } else {
                r.awaitHeader();
                r.check(kind, params);
            }
            return r;
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    private static SharedRegion map(Path path, int size) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (channel.size() < size) {
                // grows the file (sparse) to its full size; a racing opener writes the same zero
                channel.write(java.nio.ByteBuffer.wrap(new byte[1]), size - 1);
            }
            return new SharedRegion(path, channel.map(FileChannel.MapMode.READ_WRITE, 0, size));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + path + ": " + e.getMessage(), e);
        }
    }

    private static int roundUp(int bytes) {
        return (bytes + PAGE - 1) / PAGE * PAGE;
    }

    private void awaitHeader() {
        long deadline = System.nanoTime() + OPEN_WAIT_NANOS;
        while (getInt(OFF_MAGIC) != MAGIC) {
            if (System.nanoTime() > deadline) {
                throw new IllegalArgumentException(path + " is not a Telar synchronization file");
            }
            LockSupport.parkNanos(100_000);
        }
        if (getInt(OFF_VERSION) != VERSION) {
            throw new IllegalArgumentException(path + " has layout version " + getInt(OFF_VERSION)
                    + ", this Telar reads " + VERSION);
        }
    }

    private void check(Kind kind, long[] params) {
        int found = getInt(OFF_KIND);
        if (found != kind.code) {
            throw new IllegalArgumentException(path.getFileName() + " is a " + Kind.labelOf(found) + ", not a " + kind.label);
        }
        if (params != null) {
            for (int i = 0; i < params.length; i++) {
                if (param(i) != params[i]) {
                    throw new IllegalArgumentException(path.getFileName() + " was created with other parameters ("
                            + kind.label + " parameter " + i + " is " + param(i) + ", not " + params[i] + ")");
                }
            }
        }
    }

    /** Parameter {@code i} given at creation. */
    long param(int i) {
        return getLong(OFF_PARAMS + 8L * i);
    }

    Path path() {
        return path;
    }

    /** @throws IllegalStateException after {@link #close()} */
    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(path.getFileName() + " was closed");
        }
    }

    /** The absolute address of {@code offset} in this JVM's mapping (for futexes). */
    long address(long offset) {
        return Futex.addressOf(buffer) + offset;
    }

    long getLong(long offset) {
        return (long) LONGS.getVolatile(buffer, (int) offset);
    }

    void setLong(long offset, long value) {
        LONGS.setVolatile(buffer, (int) offset, value);
    }

    /** A store that later stores may not overtake (release semantics): cheaper than {@link #setLong}. */
    void putOrderedLong(long offset, long value) {
        LONGS.setRelease(buffer, (int) offset, value);
    }

    boolean casLong(long offset, long expected, long value) {
        return LONGS.compareAndSet(buffer, (int) offset, expected, value);
    }

    long addLong(long offset, long delta) {
        return (long) LONGS.getAndAdd(buffer, (int) offset, delta) + delta;
    }

    int getInt(long offset) {
        return (int) INTS.getVolatile(buffer, (int) offset);
    }

    void setInt(long offset, int value) {
        INTS.setVolatile(buffer, (int) offset, value);
    }

    /** Ordered (release) store of an int. */
    void putOrderedInt(long offset, int value) {
        INTS.setRelease(buffer, (int) offset, value);
    }

    boolean casInt(long offset, int expected, int value) {
        return INTS.compareAndSet(buffer, (int) offset, expected, value);
    }

    int addInt(long offset, int delta) {
        return (int) INTS.getAndAdd(buffer, (int) offset, delta) + delta;
    }

    /**
     * Closes the region in this JVM: further use is an error. The mapping itself goes when the
     * buffer is collected (the JDK offers no safe explicit unmap), so a thread still inside an
     * operation never touches unmapped memory. The file stays. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "SharedRegion[" + path + "]";
    }
}
