package dev.telar.workloads.mechanism;

import dev.telar.workloads.shared.ItemList;
import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.shm.PidNamespaceStamp;
import dev.telar.workloads.shm.ProcessMutex;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Manager's list on one machine: an append-only list of {@code long} items in a mapped file
 * that every process opening the file shares, up to a capacity fixed at creation (a mapped file
 * does not grow under the processes that map it). The local {@link ItemList}, the interface the
 * remote list shares; the lecture's Array ({@link SharedArray}) is fixed-size and has no append.
 *
 * <p>How: an append takes the list's {@link ProcessMutex}, writes the item in the first free
 * slot, then publishes it by raising the count (an ordered write), and lets go. Readers take no
 * lock: they read the count, and every slot below it is written.
 *
 * <p>Guarantees: every append that returned is in the list exactly once, at one index that never
 * changes, seen alike by every process; {@link #size()} and {@link #get(int)} see every append
 * that returned before they were asked. A process killed inside an append leaves no half item:
 * the count is the one word that publishes it, and the lock passes to the next appender (as
 * {@link ProcessMutex} takes it over from a dead holder). A full list refuses an append with an
 * {@link IllegalStateException}. Thread-safe.
 */
public final class SharedList implements ItemList, AutoCloseable {
    /** Most items a list can be made for. */
    public static final int MAX_CAPACITY = 1 << 24;
    private static final long MAGIC = 0;
    private static final long CAPACITY = 8;
    private static final long PID_NAMESPACE = 16;
    private static final long COUNT = 56;
    private static final long LOCK = 64;
    private static final long ITEMS = 128; // past the lock's ProcessMutex.BYTES, on a cache line of their own
    private static final long MAGIC_VALUE = 0x54454c41524c5354L;

    private final MappedFile region;
    private final int capacity;
    private final ProcessMutex lock;

    private SharedList(MappedFile region) {
        this.region = region;
        this.capacity = (int) region.get(CAPACITY);
        this.lock = new ProcessMutex(region, LOCK);
    }

    private static long sizeFor(int capacity) {
        long bytes = ITEMS + 8L * capacity;
        return (bytes + 4095) / 4096 * 4096;
    }

    /** Creates an empty list with room for {@code capacity} items in {@code file}. */
    public static SharedList create(Path file, int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be 1.." + MAX_CAPACITY + ", got " + capacity);
        }
        if (Files.exists(file)) {
            throw new IllegalArgumentException("a file already exists at " + file);
        }
        MappedFile r = MappedFile.map(file, sizeFor(capacity));
        r.put(CAPACITY, capacity);
        PidNamespaceStamp.write(r, PID_NAMESPACE);
        r.putOrdered(MAGIC, MAGIC_VALUE);
        return new SharedList(r);
    }

    /** Opens the list in {@code file} (made by {@link #create}). */
    public static SharedList open(Path file) {
        MappedFile m = FileHeader.mapWhole(file, "shared list");
        MappedFile r = FileHeader.accept(m, file, "shared list", MAGIC_VALUE, () -> {
            long capacity = m.get(CAPACITY);
            return capacity >= 1 && capacity <= MAX_CAPACITY && sizeFor((int) capacity) == m.size();
        }, PID_NAMESPACE);
        return new SharedList(r);
    }

    /** Most items the list holds. */
    public int capacity() {
        return capacity;
    }

    /** Appends {@code item}; waits for the list's lock while another process appends. */
    @Override
    public void append(long item) {
        lock.lock();
        try {
            long n = region.getVolatile(COUNT);
            if (n >= capacity) {
                throw new IllegalStateException("the shared list is full: " + capacity + " items");
            }
            region.putOrdered(ITEMS + 8 * n, item);
            region.putOrdered(COUNT, n + 1); // publishes the item: after its slot, never before
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long get(int index) {
        int n = size();
        if (index < 0 || index >= n) {
            throw new IndexOutOfBoundsException("the shared list has " + n + " items, no item " + index);
        }
        return region.getVolatile(ITEMS + 8L * index);
    }

    @Override
    public int size() {
        return (int) region.getVolatile(COUNT);
    }

    /** The lock appends take (for its statistics: holder, acquisitions, recoveries). */
    public ProcessMutex lock() {
        return lock;
    }

    @Override
    public void close() {
        region.close();
    }
}
