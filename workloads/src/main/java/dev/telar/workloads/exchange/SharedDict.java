package dev.telar.workloads.exchange;

import dev.telar.workloads.ipc.DiskFullException;
import dev.telar.workloads.ipc.DiskSpace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * The Manager's dict: string keys to numbers in a Chronicle Map persisted to a file, usable from
 * any process that opens the file (no server process in between, unlike Python's Manager).
 *
 * <p>Guarantees: each operation on one key is atomic across processes. {@link #update} and
 * {@link #add} run under the Chronicle Map segment's update lock ({@code compute}/{@code merge}),
 * so concurrent increments of one entry lose nothing, without a separate lock. A process killed
 * while holding a segment lock leaves it held: other processes then fail with Chronicle's
 * dead-lock exception after about 60 s. Keys are at most {@link #MAX_KEY_CHARS} characters; the
 * map holds the number of entries given at creation. Beside the map file lies a small lock file
 * for {@link #lock()}. Thread-safe.
 */
public final class SharedDict implements AutoCloseable {
    /** Longest key accepted. */
    public static final int MAX_KEY_CHARS = 64;
    /** Entries a dict holds when not told otherwise. */
    public static final long DEFAULT_ENTRIES = 1024;

    private final Path file;
    private final ChronicleMap<CharSequence, Double> map;
    private final MappedRegion lockRegion;
    private final ProcessLock lock;

    /** Where the lock file keeps the PID namespace the dict was made in (after the lock's 16 bytes). */
    private static final long PID_NAMESPACE = 16;

    private SharedDict(Path file, ChronicleMap<CharSequence, Double> map, MappedRegion lockRegion) {
        this.file = file;
        this.map = map;
        this.lockRegion = lockRegion;
        this.lock = new ProcessLock(lockRegion, 0);
    }

    private static Path lockFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /** Creates the dict in {@code file} with room for {@code entries} keys. */
    public static SharedDict create(Path file, long entries) {
        if (Files.exists(file)) {
            throw new IllegalArgumentException("a file already exists at " + file);
        }
        return map(file, entries, true);
    }

    /** Opens the dict in {@code file} (made by {@link #create}). */
    public static SharedDict open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no shared dict at " + file);
        }
        return map(file, DEFAULT_ENTRIES, false);
    }

    private static SharedDict map(Path file, long entries, boolean create) {
        // The lock file first: a process of another PID namespace is refused before it maps the
        // Chronicle Map, whose segment locks name pids too.
        MappedRegion lockRegion = MappedRegion.map(lockFile(file), 64);
        try {
            if (create) {
                PidNamespaceStamp.write(lockRegion, PID_NAMESPACE);
            } else {
                PidNamespaceStamp.check(lockRegion, PID_NAMESPACE, lockFile(file));
            }
            ChronicleMap<CharSequence, Double> m = ChronicleMap.of(CharSequence.class, Double.class)
                    .name("telar-dict").entries(entries).averageKeySize(16).maxBloatFactor(2.0)
                    .createPersistedTo(file.toFile());
            return new SharedDict(file, m, lockRegion);
        } catch (IOException e) {
            lockRegion.close();
            // Chronicle Map reserves the file's blocks when it creates it: a full disk shows here.
            if (DiskSpace.reason(e).isPresent()) {
                throw new DiskFullException("no room for " + file.getFileName() + " on " + file.getParent() + " ("
                        + e.getMessage() + ")");
            }
            throw new UncheckedIOException("cannot map " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lockRegion.close();
            throw e;
        }
    }

    private static String checked(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_CHARS) {
            throw new IllegalArgumentException("key must be 1.." + MAX_KEY_CHARS + " characters: '" + key + "'");
        }
        return key;
    }

    /** The value of {@code key}, or null when absent. */
    public Double get(String key) {
        return map.get(checked(key));
    }

    /** Sets {@code key}. */
    public void put(String key, double value) {
        map.put(checked(key), value);
    }

    /** Removes {@code key}. */
    public void remove(String key) {
        map.remove(checked(key));
    }

    /** Atomically adds {@code delta} to {@code key} (absent counts as 0); returns the new value. */
    public double add(String key, double delta) {
        Double v = map.merge(checked(key), delta, Double::sum);
        return v == null ? 0 : v;
    }

    /** Atomically replaces the value of {@code key} by {@code f(old)} (absent counts as 0). */
    public double update(String key, DoubleUnaryOperator f) {
        Double v = map.compute(checked(key), (k, old) -> f.applyAsDouble(old == null ? 0 : old));
        return v == null ? 0 : v;
    }

    /**
     * The dict's own lock, like the lock a Python program takes from its Manager around
     * {@code d[k] = d[k] + 1}: for updates that span several entries or calls.
     */
    public ProcessLock lock() {
        return lock;
    }

    /**
     * {@link #add} under {@link #lock()}, the Manager idiom. Waiters queue on the process lock
     * (spin, then park) instead of on the map segment's lock, which costs far less when several
     * processes update the same entry in a tight loop.
     */
    public double addLocked(String key, double delta) {
        lock.lock();
        try {
            return add(key, delta);
        } finally {
            lock.unlock();
        }
    }

    /** Number of keys. */
    public int size() {
        return map.size();
    }

    /** A copy of all entries, sorted by key. */
    public Map<String, Double> snapshot() {
        Map<String, Double> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k.toString(), v));
        return out;
    }

    /** The file behind the dict. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        map.close();
        lockRegion.close();
    }
}
