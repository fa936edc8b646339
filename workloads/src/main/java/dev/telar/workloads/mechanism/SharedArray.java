package dev.telar.workloads.mechanism;

import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.shm.PidNamespaceStamp;
import dev.telar.workloads.shm.ProcessMutex;
import java.nio.file.Path;

/**
 * The lecture's Array: a fixed number of typed numbers in a mapped file, shared by every process
 * that opens it, with one {@link ProcessMutex} (owned per process) for updates that span reads and
 * writes (Python's {@code get_lock()}).
 *
 * <p>Guarantees: each {@link #get(int)} and {@link #set(int, double)} is a single atomic access
 * seen by other processes at once; a write is ordered after the writes before it. Updates of one
 * element by several processes need the lock ({@link #addLocked}). Thread-safe.
 */
public final class SharedArray implements AutoCloseable {
    private static final long MAGIC = 0;
    private static final long TYPE = 8;
    private static final long LENGTH = 16;
    private static final long PID_NAMESPACE = 24;
    private static final long LOCK = 64;
    private static final long ELEMENTS = 128; // past the lock's ProcessMutex.BYTES, on a cache line of their own
    private static final long MAGIC_VALUE = 0x54454c4152415252L;
    /** Longest array accepted. */
    public static final int MAX_LENGTH = 1 << 24;

    private final MappedFile region;
    private final NumberType type;
    private final int length;
    private final ProcessMutex lock;

    private SharedArray(MappedFile region) {
        this.region = region;
        this.type = NumberType.of(region.get(TYPE));
        this.length = (int) region.get(LENGTH);
        this.lock = new ProcessMutex(region, LOCK);
    }

    private static long sizeFor(int length) {
        long bytes = ELEMENTS + 8L * length;
        return (bytes + 4095) / 4096 * 4096;
    }

    /** Creates an array of {@code length} zeros in {@code file}. */
    public static SharedArray create(Path file, NumberType type, int length) {
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("length must be 1.." + MAX_LENGTH + ", got " + length);
        }
        MappedFile r = MappedFile.map(file, sizeFor(length));
        r.put(TYPE, type.code());
        r.put(LENGTH, length);
        PidNamespaceStamp.write(r, PID_NAMESPACE);
        r.putOrdered(MAGIC, MAGIC_VALUE);
        return new SharedArray(r);
    }

    /** Opens the array in {@code file} (made by {@link #create}). */
    public static SharedArray open(Path file) {
        MappedFile m = FileHeader.mapWhole(file, "shared array");
        MappedFile r = FileHeader.accept(m, file, "shared array", MAGIC_VALUE,
                () -> sizeFor((int) m.get(LENGTH)) == m.size(), PID_NAMESPACE);
        return new SharedArray(r);
    }

    public NumberType type() {
        return type;
    }

    public int length() {
        return length;
    }

    private long offset(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (length - 1));
        }
        return ELEMENTS + 8L * index;
    }

    /** Element {@code index}. */
    public double get(int index) {
        return type.fromBits(region.getVolatile(offset(index)));
    }

    /** Sets element {@code index} (ordered after earlier writes). */
    public void set(int index, double v) {
        region.putOrdered(offset(index), type.toBits(v));
    }

    /** The lock for updates that read and write (Python's {@code get_lock()}). */
    public ProcessMutex lock() {
        return lock;
    }

    /** {@code a[index] += delta} under the lock; returns the new value. */
    public double addLocked(int index, double delta) {
        long at = offset(index);
        lock.lock();
        try {
            double v = type.fromBits(region.getVolatile(at)) + delta;
            region.putOrdered(at, type.toBits(v));
            return v;
        } finally {
            lock.unlock();
        }
    }

    /** A copy of all elements. */
    public double[] toArray() {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = get(i);
        }
        return out;
    }

    @Override
    public void close() {
        region.close();
    }
}
