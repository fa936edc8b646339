package dev.telar.workloads.mechanism;

import dev.telar.workloads.ipc.DiskFullException;
import dev.telar.workloads.ipc.DiskSpace;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.shared.NumberDict;
import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.shm.PidNamespaceStamp;
import dev.telar.workloads.shm.ProcessMutex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import net.openhft.chronicle.hash.impl.BigSegmentHeader;
import net.openhft.chronicle.hash.impl.VanillaChronicleHash;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * The Manager's dict: string keys to numbers in a Chronicle Map persisted to a file, usable from
 * any process that opens the file (no server process in between, unlike Python's Manager).
 *
 * <p>Guarantees: each operation on one key is atomic across processes. {@link #update} and
 * {@link #add} run under the Chronicle Map segment's update lock ({@code compute}/{@code merge}),
 * so concurrent increments of one entry lose nothing. Keys are at most {@link #MAX_KEY_CHARS}
 * characters; the map holds the number of entries given at creation. Beside the map file lies a
 * small lock file for {@link #lock()}. Thread-safe. It is the local {@link NumberDict}, the
 * interface the remote dict shares: {@link #getDouble}, {@link #putDouble}, {@link #addDouble}.
 *
 * <p>A dead process never blocks the others: Chronicle's segment locks do not know their holder,
 * so a process killed inside a map operation would leave a segment locked and every other process
 * would wait about 60 s and then fail. Hence every operation runs under {@link #lock()} as well (or
 * within it, when this process holds it already): a process killed inside the map holds that lock
 * too, the next process takes it over (within about {@link ProcessMutex#DEAD_HOLDER_CHECK} plus a
 * look at /proc early in its wait, at most {@link dev.telar.workloads.shm.Backoff#SLICE_NANOS} late
 * in a long one), and, seeing a takeover it has not handled yet, releases every segment lock
 * (nobody else can be inside the map then) before it goes on. As for any lock taken over from a dead holder,
 * the entry the dead process was writing may be half-written: progress is restored, not
 * consistency. Chronicle's own lock for adding tiers (a map grown past its size) is not covered.
 */
public final class SharedDict implements NumberDict, AutoCloseable {
    /** Longest key accepted. */
    public static final int MAX_KEY_CHARS = 64;
    /** Entries a dict holds when not told otherwise. */
    public static final long DEFAULT_ENTRIES = 1024;

    private final Path file;
    private final ChronicleMap<CharSequence, Double> map;
    private final MappedFile lockRegion;
    private final ProcessMutex lock;

    /** Where the lock file keeps the PID namespace the dict was made in (after the lock, which starts it). */
    private static final long PID_NAMESPACE = ProcessMutex.BYTES;
    /** Where the lock file keeps the lock's recovery count as of the last release of the segment locks. */
    private static final long RELEASED_AT = PID_NAMESPACE + 8;
    private static final long LOCK_FILE_BYTES = RELEASED_AT + 8;

    private SharedDict(Path file, ChronicleMap<CharSequence, Double> map, MappedFile lockRegion) {
        this.file = file;
        this.map = map;
        this.lockRegion = lockRegion;
        this.lock = new ProcessMutex(lockRegion, 0);
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
        MappedFile lockRegion = MappedFile.map(lockFile(file), LOCK_FILE_BYTES);
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
                throw new DiskFullException(Problem.of(ProblemCode.DISK_FULL_MAP, file.getFileName(), file.getParent(),
                        e.getMessage()));
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

    /**
     * Runs {@code op} on the map under {@link #lock()} (taking it unless this process holds it),
     * after releasing the segment locks a dead holder may have left.
     */
    private <T> T guarded(Supplier<T> op) {
        boolean held = lock.heldByCaller();
        if (!held) {
            lock.lock();
        }
        try {
            releaseDeadHoldersSegments();
            return op.get();
        } finally {
            if (!held) {
                lock.unlock();
            }
        }
    }

    /**
     * After the lock was taken over from a dead process (a recovery not handled yet), releases
     * every segment lock of the map: whatever the dead process held there, nobody else can be in
     * the map while this process holds the lock.
     */
    private synchronized void releaseDeadHoldersSegments() {
        long recoveries = lock.recoveries();
        if (lockRegion.getVolatile(RELEASED_AT) == recoveries) {
            return;
        }
        VanillaChronicleHash<?, ?, ?, ?> hash = (VanillaChronicleHash<?, ?, ?, ?>) map;
        for (int s = 0; s < hash.segments(); s++) {
            BigSegmentHeader.INSTANCE.resetLock(hash.segmentHeaderAddress(s));
        }
        lockRegion.putOrdered(RELEASED_AT, recoveries);
    }

    /** The value of {@code key}, or null when absent. */
    public Double get(String key) {
        String k = checked(key);
        return guarded(() -> map.get(k));
    }

    /** Sets {@code key}. */
    public void put(String key, double value) {
        String k = checked(key);
        guarded(() -> map.put(k, value));
    }

    /** Removes {@code key}; false when it was absent. */
    @Override
    public boolean remove(String key) {
        String k = checked(key);
        return guarded(() -> map.remove(k)) != null;
    }

    /** The value of {@code key}, or empty when absent. */
    @Override
    public OptionalDouble getDouble(String key) {
        Double v = get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** {@link #put}. */
    @Override
    public void putDouble(String key, double value) {
        put(key, value);
    }

    /** {@link #add}: atomic across processes. */
    @Override
    public double addDouble(String key, double delta) {
        return add(key, delta);
    }

    /** Atomically adds {@code delta} to {@code key} (absent counts as 0); returns the new value. */
    public double add(String key, double delta) {
        String k = checked(key);
        Double v = guarded(() -> map.merge(k, delta, Double::sum));
        return v == null ? 0 : v;
    }

    /** Atomically replaces the value of {@code key} by {@code f(old)} (absent counts as 0). */
    public double update(String key, DoubleUnaryOperator f) {
        String k = checked(key);
        Double v = guarded(() -> map.compute(k, (x, old) -> f.applyAsDouble(old == null ? 0 : old)));
        return v == null ? 0 : v;
    }

    /**
     * The dict's own lock, like the lock a Python program takes from its Manager around
     * {@code d[k] = d[k] + 1}: for updates that span several entries or calls. Operations of this
     * dict called while this process holds it run within it.
     */
    public ProcessMutex lock() {
        return lock;
    }

    /**
     * {@link #add} under {@link #lock()}, the Manager idiom (every operation takes that lock now,
     * so this is {@link #add}; kept for the lecture's vocabulary).
     */
    public double addLocked(String key, double delta) {
        return add(key, delta);
    }

    /** Number of keys. */
    @Override
    public int size() {
        return guarded(map::size);
    }

    /** A copy of all entries, sorted by key. */
    public Map<String, Double> snapshot() {
        return guarded(() -> {
            Map<String, Double> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(k.toString(), v));
            return out;
        });
    }

    /** The keys now, sorted. */
    @Override
    public List<String> keys() {
        return new ArrayList<>(snapshot().keySet());
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
