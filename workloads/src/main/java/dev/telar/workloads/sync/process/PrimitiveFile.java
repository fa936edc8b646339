package dev.telar.workloads.sync.process;

import dev.telar.workloads.ipc.PidNamespaceCheck;
import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.shm.PidNamespaceStamp;
import dev.telar.workloads.words.ProcessWord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The file format of one process primitive, on a {@link MappedFile}: a 64-byte header (magic, kind,
 * layout version, size, four parameters, the creator, the PID namespace it was made in); the
 * primitive's words follow at offset {@link #DATA}. Stateless: it creates, checks and recovers
 * files; the primitives then use the mapped file directly.
 *
 * <p>Creation is atomic across processes: the file is made with CREATE_NEW; its creator claims it
 * by writing its {@link ProcessWord} (pid and start ticks) into the header with a
 * compare-and-swap, fills it, and writes the magic number last, so no opener ever uses a file
 * before it is complete. An opener that finds no magic waits (at most {@link #OPEN_WAIT_NANOS})
 * while the creator lives. A creator that died half-way (killed while creating) is noticed by the
 * next opener, which claims the file from the dead creator by compare-and-swap, clears it and
 * initialises it itself: a half-created file is recovered, never an error forever. A file
 * nobody claimed (its creator died between making and claiming it) is taken over the same way
 * after {@link #UNCLAIMED_GRACE_NANOS}; a slow creator that finds its file claimed by another
 * simply opens it. A file that is not Telar's (another magic, or a header no Telar creator
 * writes) is refused at once and left untouched. A process of another PID namespace is refused
 * ({@link PidNamespaceCheck}).
 */
final class PrimitiveFile {
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

    private PrimitiveFile() {
    }

    /**
     * Opens the primitive file at {@code path}, creating it when absent.
     *
     * @param dataBytes bytes needed after the header
     * @param params    parameters stored at creation; an existing file must have the same ones
     * @return the mapped file, its header complete
     * @throws IllegalArgumentException when the file holds another kind or other parameters
     * @throws UncheckedIOException     when the file cannot be created or mapped
     */
    static MappedFile openOrCreate(Path path, Kind kind, int dataBytes, long... params) {
        return openOrCreate(path, kind, dataBytes, r -> { }, params);
    }

    /**
     * As {@link #openOrCreate(Path, Kind, int, long...)}, and when this call creates the file,
     * {@code init} fills the data words before the header is published, so that no opener ever
     * sees them unset.
     */
    static MappedFile openOrCreate(Path path, Kind kind, int dataBytes, Consumer<MappedFile> init, long... params) {
        if (params.length > MAX_PARAMS) {
            throw new IllegalArgumentException("at most " + MAX_PARAMS + " parameters");
        }
        int size = roundUp((int) DATA + dataBytes);
        MappedFile r;
        try {
            r = MappedFile.createNew(path, size);
        } catch (FileAlreadyExistsException exists) {
            refuseForeign(path); // before mapping, which would grow the file
            r = MappedFile.map(path, size);
        }
        try {
            long me = ProcessWord.self();
            if (r.created() && r.compareAndSet(OFF_CREATOR, 0, me)) {
                initialise(r, kind, size, init, params, false);
            } else {
                awaitHeader(r, kind, size, init, params, me);
                PidNamespaceStamp.check(r, OFF_PIDNS, path);
                check(r, kind, params);
            }
            return r;
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /** Parameter {@code i} given at creation. */
    static long param(MappedFile file, int i) {
        return file.getVolatile(OFF_PARAMS + 8L * i);
    }

    /**
     * Writes the header and the initial data, the magic last. Only the process whose word is in
     * the creator field calls it. {@code recovering}: a dead creator may have written part of it,
     * so everything but the (zero) magic and the creator field is cleared first.
     */
    private static void initialise(MappedFile r, Kind kind, int size, Consumer<MappedFile> init, long[] params,
                                   boolean recovering) {
        if (recovering) {
            for (long off = OFF_KIND; off < size; off += 4) {
                if (off < OFF_CREATOR || off >= OFF_CREATOR + 8) {
                    r.putIntVolatile(off, 0);
                }
            }
        }
        r.putIntVolatile(OFF_KIND, kind.code);
        r.putIntVolatile(OFF_VERSION, VERSION);
        r.putIntVolatile(OFF_SIZE, size);
        for (int i = 0; i < params.length; i++) {
            r.putVolatile(OFF_PARAMS + 8L * i, params[i]);
        }
        PidNamespaceStamp.write(r, OFF_PIDNS);
        if (r.path().getFileName().toString().equals(System.getProperty(STALL_PROPERTY))) {
            while (true) {
                LockSupport.park(PrimitiveFile.class); // the test kills this process here, the header half written
            }
        }
        init.accept(r);
        r.putIntVolatile(OFF_MAGIC, MAGIC); // publishes the header
    }

    /** Refuses, without changing it, an existing file whose magic number is not Telar's. */
    private static void refuseForeign(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            if (channel.size() >= 4) {
                ByteBuffer first = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
                channel.read(first, OFF_MAGIC);
                int magic = first.flip().getInt();
                if (magic != 0 && magic != MAGIC) {
                    throw notOurs(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
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
    private static void awaitHeader(MappedFile r, Kind kind, int size, Consumer<MappedFile> init, long[] params,
                                    long me) {
        Path path = r.path();
        long start = System.nanoTime();
        long unclaimedSince = 0;
        boolean unclaimedSeen = false;
        while (true) {
            int magic = r.getIntVolatile(OFF_MAGIC);
            if (magic == MAGIC) {
                break;
            }
            if (magic != 0) {
                throw notOurs(path);
            }
            long creator = r.getVolatile(OFF_CREATOR);
            long now = System.nanoTime();
            if (creator == 0) {
                // made but not claimed: its creator is about to claim it, or died before it could
                if (!blankHeader(r)) {
                    throw notOurs(path); // no Telar creator writes anything before claiming
                }
                if (!unclaimedSeen) {
                    unclaimedSeen = true;
                    unclaimedSince = now;
                } else if (now - unclaimedSince >= UNCLAIMED_GRACE_NANOS && r.compareAndSet(OFF_CREATOR, 0, me)) {
                    initialise(r, kind, size, init, params, true);
                    return;
                }
            } else if (!ProcessWord.alive(creator)) {
                if (!partlyWritten(r, kind, size)) {
                    throw notOurs(path);
                }
                if (r.compareAndSet(OFF_CREATOR, creator, me)) {
                    initialise(r, kind, size, init, params, true);
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
        if (r.getIntVolatile(OFF_VERSION) != VERSION) {
            throw new IllegalArgumentException(path + " has layout version " + r.getIntVolatile(OFF_VERSION)
                    + ", this Telar reads " + VERSION);
        }
    }

    /** True when the header holds nothing yet (the state between making and claiming a file). */
    private static boolean blankHeader(MappedFile r) {
        for (long off = 0; off < DATA; off += 8) {
            if (r.getVolatile(off) != 0) {
                return false;
            }
        }
        return true;
    }

    /** True when what the header holds is what a Telar creator of this kind and size writes, in part. */
    private static boolean partlyWritten(MappedFile r, Kind kind, int size) {
        int k = r.getIntVolatile(OFF_KIND);
        int v = r.getIntVolatile(OFF_VERSION);
        int sz = r.getIntVolatile(OFF_SIZE);
        return (k == 0 || k == kind.code) && (v == 0 || v == VERSION) && (sz == 0 || sz == size);
    }

    private static void check(MappedFile r, Kind kind, long[] params) {
        int found = r.getIntVolatile(OFF_KIND);
        if (found != kind.code) {
            throw new IllegalArgumentException(r.path().getFileName() + " is a " + Kind.labelOf(found) + ", not a "
                    + kind.label);
        }
        if (params != null) {
            long[] stored = new long[params.length];
            for (int i = 0; i < params.length; i++) {
                stored[i] = param(r, i);
            }
            if (!Arrays.equals(stored, params)) {
                throw new Mismatch(r.path(), kind, stored);
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
}
