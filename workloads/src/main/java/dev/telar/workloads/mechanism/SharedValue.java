package dev.telar.workloads.mechanism;

import dev.telar.workloads.shared.NumberValue;
import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.shm.PidNamespaceStamp;
import dev.telar.workloads.shm.ProcessMutex;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lecture's Value: one typed number in a mapped file that every process opening the file
 * shares, with a {@link ProcessMutex} beside it (Python's {@code get_lock()}), owned per process.
 *
 * <p>Guarantees: {@link #get()} and {@link #set(double)} are single atomic reads and writes, seen
 * by other processes at once. A read-modify-write such as {@code v = v + 1} is <em>not</em> atomic:
 * {@link #addUnlocked(double)} does it without the lock and loses updates when processes race
 * (the race demo shows it); {@link #addLocked(double)} holds the lock around it and loses none.
 * The lock and the number share one cache line, so taking the lock brings the number along.
 * Thread-safe. As a {@link NumberValue} (the interface the remote value shares), its atomic
 * addition is {@link #addLocked}; a value of type {@link NumberType#LONG} truncates each result
 * toward zero.
 */
public final class SharedValue implements NumberValue, AutoCloseable {
    private static final long SIZE = 4096;
    private static final long MAGIC = 0;
    private static final long TYPE = 8;
    private static final long PID_NAMESPACE = 16;
    private static final long LOCK = 64;
    private static final long VALUE = LOCK + ProcessMutex.BYTES; // 120: the lock's cache line
    private static final long MAGIC_VALUE = 0x54454c415256414cL;

    private final MappedFile region;
    private final NumberType type;
    private final ProcessMutex lock;

    private SharedValue(MappedFile region) {
        this.region = region;
        this.type = NumberType.of(region.get(TYPE));
        this.lock = new ProcessMutex(region, LOCK);
    }

    /** Creates the value in {@code file} with {@code initial}. */
    public static SharedValue create(Path file, NumberType type, double initial) {
        MappedFile r = MappedFile.map(file, SIZE);
        r.put(TYPE, type.code());
        r.put(VALUE, type.toBits(initial));
        PidNamespaceStamp.write(r, PID_NAMESPACE);
        r.putOrdered(MAGIC, MAGIC_VALUE);
        return new SharedValue(r);
    }

    /** Opens the value in {@code file} (made by {@link #create}). */
    public static SharedValue open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no shared value at " + file);
        }
        MappedFile r = FileHeader.accept(MappedFile.map(file, SIZE), file, "shared value", MAGIC_VALUE, () -> true, PID_NAMESPACE);
        return new SharedValue(r);
    }

    public NumberType type() {
        return type;
    }

    /** The current value (a long value is returned as a double). */
    public double get() {
        return type.fromBits(region.getVolatile(VALUE));
    }

    /** The current value of a {@link NumberType#LONG} value. */
    public long getLong() {
        return region.getVolatile(VALUE);
    }

    /** Sets the value (truncated for a long value). */
    public void set(double v) {
        region.putOrdered(VALUE, type.toBits(v));
    }

    /** The lock that guards read-modify-write updates (Python's {@code get_lock()}). */
    public ProcessMutex lock() {
        return lock;
    }

    /** {@code value += delta} under the lock; returns the new value. */
    public double addLocked(double delta) {
        lock.lock();
        try {
            double v = get() + delta;
            set(v);
            return v;
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code value += delta} without the lock: a read, then a write. Another process writing in
     * between is overwritten (a lost update). For the race demonstration.
     */
    public void addUnlocked(double delta) {
        set(get() + delta);
    }

    @Override
    public double getDouble() {
        return get();
    }

    @Override
    public void setDouble(double value) {
        set(value);
    }

    /** {@link #addLocked}: the interface's atomic addition. */
    @Override
    public double addDouble(double delta) {
        return addLocked(delta);
    }

    @Override
    public void close() {
        region.close();
    }
}
