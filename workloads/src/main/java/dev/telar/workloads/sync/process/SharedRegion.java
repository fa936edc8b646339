package dev.telar.workloads.sync.process;

import dev.telar.probe.Futex;
import dev.telar.probe.ProcessIdentity;
import dev.telar.workloads.ipc.PidNamespaceCheck;
import dev.telar.workloads.words.ProcessWord;
import dev.telar.workloads.words.Words;
import java.io.RandomAccessFile;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.locks.LockSupport;

/**
 * One primitive's shared file, mapped into this JVM (a {@link MappedByteBuffer} accessed through
 * {@link VarHandle}s: volatile reads and writes, compare-and-swap, get-and-add). The file starts
 * with a 64-byte header (magic, kind, layout version, size, four parameters, the creator, the PID
 * namespace it was made in); the primitive's words follow
 * at offset {@link #DATA}. Offsets are absolute; ints must be 4-byte and longs 8-byte aligned.
 *
 * <p>Why not Chronicle Bytes, the house choice for exchange: it did the same job here, but mapping
 * the first file cost each JVM about 0.7 s of start-up (Chronicle's runtime and its native POSIX
 * layer, some 300 classes), and every scenario worker is a fresh child JVM. The JDK's mapping costs
 * a few milliseconds, and a buffer nobody unmapped by hand can never be touched after unmapping.
 *
 * <p>Creation is atomic across processes: the file is made with CREATE_NEW; its creator claims it
 * by writing its {@link ProcessIdentity} (pid and start ticks) into the header with a
 * compare-and-swap, fills it, and writes the magic number last, so no opener ever uses a file
 * before it is complete. An opener that finds no magic waits (at most {@link #OPEN_WAIT_NANOS})
 * while the creator lives. A creator that died half-way (killed while creating) is noticed by the
 * next opener, which claims the file from the dead creator by compare-and-swap, clears it and
 * initialises it itself: a half-created file is recovered, never an error forever. A file
 * nobody claimed (its creator died between making and claiming it) is taken over the same way
 * after {@link #UNCLAIMED_GRACE_NANOS}; a slow creator that finds its file claimed by another
 * simply opens it. A file that is not Telar's (another magic, or a header no Telar creator
 * writes) is refused at once and left untouched.
 *
 * <p>All accessors are thread-safe; volatile reads and writes and compare-and-swap
 * are full-fence operations on the mapped memory, seen by every process mapping the file.
 */
final class SharedRegion implements AutoCloseable, Words {
    /** Offset of the first data word. */
    static final long DATA = 64;
    static final int PAGE = 4096;
    static final int MAGIC = 0x54_53_59_4E; // "TSYN"
    /** Layout version: 2 since the slot tables grew to {@link ProcessSync#SLOTS}. */
    static final int VERSION = 2;
    private static final long OFF_MAGIC = 0;
    static final long OFF_KIND = 4;
    static final long OFF_VERSION = 8;
    static final long OFF_SIZE = 12;
    static final long OFF_PARAMS = 16;
    private static final int MAX_PARAMS = 4;
    /** Long: the creator's {@link ProcessWord}, 0 until a creator claimed the file. */
    static final long OFF_CREATOR = 48;
    /** How long an opener waits for a live creator to finish the header. */
    static final long OPEN_WAIT_NANOS = 5_000_000_000L;
    /** How long a file may stay unclaimed (creator died between making and claiming it) before an opener takes it. */
    static final long UNCLAIMED_GRACE_NANOS = 1_000_000_000L;
    /**
     * Test hook: a creator of a file with this name (e.g. {@code x.lock}) claims it, writes part of
     * the header and then stops for good, as if killed there; tests kill it and open the file.
     */
    static final String STALL_PROPERTY = "telar.sync.test.stallCreating";
    /** PID namespace of the creator ({@link PidNamespaceCheck}); 0 when it could not be read. */
    private static final long OFF_PIDNS = 56;

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
    private final boolean created;
    private volatile boolean closed;

    private SharedRegion(Path path, MappedByteBuffer buffer, boolean created) {
        this.path = path;
        this.buffer = buffer;
        this.created = created;
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
        SharedRegion r = map(path, size, created);
        try {
            long me = ProcessWord.self();
            if (created && r.casLong(OFF_CREATOR, 0, me)) {
                r.initialise(kind, size, init, params, false);
            } else {
                r.awaitHeader(kind, size, init, params, me);
                PidNamespaceCheck.check(r.getLong(OFF_PIDNS), path);
                r.check(kind, params);
            }
            return r;
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /**
     * Writes the header and the initial data, the magic last. Only the process whose word is in
     * the creator field calls it. {@code recovering}: a dead creator may have written part of it,
     * so everything but the (zero) magic and the creator field is cleared first.
     */
    private void initialise(Kind kind, int size, java.util.function.Consumer<SharedRegion> init, long[] params,
                            boolean recovering) {
        if (recovering) {
            for (long off = OFF_KIND; off < size; off += 4) {
                if (off < OFF_CREATOR || off >= OFF_CREATOR + 8) {
                    setInt(off, 0);
                }
            }
        }
        setInt(OFF_KIND, kind.code);
        setInt(OFF_VERSION, VERSION);
        setInt(OFF_SIZE, size);
        for (int i = 0; i < params.length; i++) {
            setLong(OFF_PARAMS + 8L * i, params[i]);
        }
        setLong(OFF_PIDNS, ProcessIdentity.pidNamespace());
        if (path.getFileName().toString().equals(System.getProperty(STALL_PROPERTY))) {
            while (true) {
                LockSupport.park(this); // the test kills this process here, the header half written
            }
        }
        init.accept(this);
        setInt(OFF_MAGIC, MAGIC); // publishes the header
    }

    /**
     * Maps {@code size} bytes of the file, growing it first when shorter. A file this call did not
     * create is first checked for a foreign magic number, so that a file that is not Telar's is
     * refused without being changed.
     */
    private static SharedRegion map(Path path, int size, boolean created) {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            FileChannel channel = file.getChannel();
            if (!created && channel.size() >= 4) {
                java.nio.ByteBuffer first = java.nio.ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
                channel.read(first, OFF_MAGIC);
                int magic = first.flip().getInt();
                if (magic != 0 && magic != MAGIC) {
                    throw notOurs(path);
                }
            }
            if (channel.size() < size) {
                // ftruncate: grows the file with zeros and never rewrites a byte, whoever grows it first
                file.setLength(size);
            }
            return new SharedRegion(path, channel.map(FileChannel.MapMode.READ_WRITE, 0, size), created);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + path + ": " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException notOurs(Path path) {
        return new IllegalArgumentException(path + " is not a Telar synchronization file");
    }

    private static int roundUp(int bytes) {
        return (bytes + PAGE - 1) / PAGE * PAGE;
    }

    /**
     * Waits until the header is complete; recovers the file when its creator died before that.
     *
     * @param me this process's creator word, to claim the file with
     */
    private void awaitHeader(Kind kind, int size, java.util.function.Consumer<SharedRegion> init, long[] params,
                             long me) {
        long start = System.nanoTime();
        long unclaimedSince = 0;
        boolean unclaimedSeen = false;
        while (true) {
            int magic = getInt(OFF_MAGIC);
            if (magic == MAGIC) {
                break;
            }
            if (magic != 0) {
                throw notOurs(path);
            }
            long creator = getLong(OFF_CREATOR);
            long now = System.nanoTime();
            if (creator == 0) {
                // made but not claimed: its creator is about to claim it, or died before it could
                if (!blankHeader()) {
                    throw notOurs(path); // no Telar creator writes anything before claiming
                }
                if (!unclaimedSeen) {
                    unclaimedSeen = true;
                    unclaimedSince = now;
                } else if (now - unclaimedSince >= UNCLAIMED_GRACE_NANOS && casLong(OFF_CREATOR, 0, me)) {
                    initialise(kind, size, init, params, true);
                    return;
                }
            } else if (!ProcessWord.alive(creator)) {
                if (!partlyWritten(kind, size)) {
                    throw notOurs(path);
                }
                if (casLong(OFF_CREATOR, creator, me)) {
                    initialise(kind, size, init, params, true);
                    return;
                }
            } else {
                unclaimedSeen = false;
            }
            if (now - start > OPEN_WAIT_NANOS) {
                throw new IllegalArgumentException(creator == 0 ? path + " is not a Telar synchronization file"
                        : path + " is still being created by pid " + ProcessWord.pid(creator) + " after "
                        + OPEN_WAIT_NANOS / 1_000_000_000L + " s");
            }
            LockSupport.parkNanos(100_000);
        }
        if (getInt(OFF_VERSION) != VERSION) {
            throw new IllegalArgumentException(path + " has layout version " + getInt(OFF_VERSION)
                    + ", this Telar reads " + VERSION);
        }
    }

    /** True when the header holds nothing yet (the state between making and claiming a file). */
    private boolean blankHeader() {
        for (long off = 0; off < DATA; off += 8) {
            if (getLong(off) != 0) {
                return false;
            }
        }
        return true;
    }

    /** True when what the header holds is what a Telar creator of this kind and size writes, in part. */
    private boolean partlyWritten(Kind kind, int size) {
        int k = getInt(OFF_KIND);
        int v = getInt(OFF_VERSION);
        int sz = getInt(OFF_SIZE);
        return (k == 0 || k == kind.code) && (v == 0 || v == VERSION) && (sz == 0 || sz == size);
    }

    private void check(Kind kind, long[] params) {
        int found = getInt(OFF_KIND);
        if (found != kind.code) {
            throw new IllegalArgumentException(path.getFileName() + " is a " + Kind.labelOf(found) + ", not a " + kind.label);
        }
        if (params != null) {
            long[] stored = new long[params.length];
            for (int i = 0; i < params.length; i++) {
                stored[i] = param(i);
            }
            if (!java.util.Arrays.equals(stored, params)) {
                throw new Mismatch(path, kind, stored);
            }
        }
    }

    /** The file holds a primitive of the asked kind created with other parameters. */
    static final class Mismatch extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient Kind kind;
        private final long[] found;

        Mismatch(Path path, Kind kind, long[] found) {
            super(path.getFileName() + " was created with other parameters: " + describe(kind, found));
            this.kind = kind;
            this.found = found.clone();
        }

        /** What the file holds, in the words of {@link dev.telar.workloads.sync.Descriptions}. */
        String existing() {
            return describe(kind, found);
        }

        private static String describe(Kind kind, long[] p) {
            return switch (kind) {
                case SEMAPHORE -> dev.telar.workloads.sync.Descriptions.semaphore((int) p[0], p[1] != 0);
                case BARRIER -> dev.telar.workloads.sync.Descriptions.barrier((int) p[0], p[1]);
                case COUNTERS -> dev.telar.workloads.sync.Descriptions.counters((int) p[0]);
                case CONDITION -> "Condition on another lock";
                default -> kind.label;
            };
        }
    }

    /** True when this call made the file (rather than opening one that existed). */
    boolean created() {
        return created;
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

    // Words, for the algorithms shared with the exchange (the lock's owner word).

    @Override
    public long getVolatile(long offset) {
        return getLong(offset);
    }

    @Override
    public long get(long offset) {
        return (long) LONGS.get(buffer, (int) offset);
    }

    @Override
    public void put(long offset, long value) {
        LONGS.set(buffer, (int) offset, value);
    }

    @Override
    public void putOrdered(long offset, long value) {
        putOrderedLong(offset, value);
    }

    @Override
    public void putVolatile(long offset, long value) {
        setLong(offset, value);
    }

    @Override
    public boolean compareAndSet(long offset, long expected, long value) {
        return casLong(offset, expected, value);
    }

    @Override
    public long addAndGet(long offset, long delta) {
        return addLong(offset, delta);
    }

    @Override
    public void releaseFence() {
        VarHandle.releaseFence();
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
