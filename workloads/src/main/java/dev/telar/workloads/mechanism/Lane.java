package dev.telar.workloads.mechanism;

import dev.telar.workloads.ipc.DiskFullException;
import dev.telar.workloads.ipc.DiskSpace;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.shm.PidNamespaceStamp;
import dev.telar.workloads.words.ProcessWord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;

/**
 * One direction of a stream with a single writer: a Chronicle Queue journal plus a small shared
 * control file. Messages get sequence numbers 0, 1, 2, ... from the writer.
 *
 * <p>Why a staging area: one Chronicle document per message costs about 250 ns to write and
 * limits two processes to about two million messages a second here. So the writer puts each
 * message first into a slot of a 64-message staging area in the mapped control file (visible to
 * readers at once and kept if the writer dies), and journals the staged messages as one document
 * when the area is full or the writer closes. A reader takes a message from the staging area when
 * it is still there (a sequence-lock check makes sure the slot was not reused meanwhile), else
 * from the journal. Nothing is lost when the writer is killed: journaled messages are in the
 * queue files, staged ones in the control file.
 *
 * <p>Files roll every second (Chronicle's {@code TEST_SECONDLY} cycle) so that read data can be
 * deleted soon: the writer records the first sequence number of each cycle, and {@link
 * #reclaim} deletes the files of cycles whose messages are all below a given "safe" sequence
 * number (taken by every reader).
 *
 * <p>Control file layout, one cache line per field written by different processes: magic,
 * capacity, disk cap; the staging word {@code base << 16 | count}; the taken word (the next
 * sequence number to take, shifted left by 8, and in the low 8 bits which queue consumer took the
 * one before it: slot + 1, 0 for a pipe reader); closed flag, writer, counters, reader; the cycle
 * table; the staging slots. Writer and reader are {@link ProcessWord}s (pid and start time), so
 * that a peer can tell a dead writer or reader from a slow one.
 */
final class Lane implements AutoCloseable {
    static final int BATCH = 64;
    static final long CONTROL_SIZE = 4096;
    static final RollCycle ROLL_CYCLE = TestRollCycles.TEST_SECONDLY;
    /** Chronicle block size: small, since a file holds at most a second of messages. */
    static final long BLOCK_SIZE = 1L << 26;

    private static final long MAGIC = 0;
    private static final long CAPACITY = 8;
    private static final long DISK_CAP = 16;
    private static final long PID_NAMESPACE = 24;
    static final long STAGE = 64;
    static final long TAKEN = 128;
    private static final long CLOSED = 192;
    static final long WRITER = 200;
    private static final long WAITS = 208;
    private static final long DISK_WAITS = 216;
    private static final long DELETED_FILES = 224;
    private static final long READER = 232;
    /** {@link #reader()} once the single reader closed its end. */
    static final long READER_CLOSED = -1;
    /** Bits of the taken word below the sequence number: the claiming consumer's slot + 1. */
    static final int CLAIMANT_BITS = 8;
    private static final long ROLLS = 256;
    private static final long ROLL_TABLE = 320;
    private static final int ROLL_SLOTS = 64;
    static final long SLOTS = 2048;
    private static final long MAGIC_VALUE = 0x54454c41524c4e31L;
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern(ROLL_CYCLE.format()).withZone(ZoneOffset.UTC);

    private final Path dir;
    private final MappedFile control;
    private final StagingArea staging;
    private final RollTable rollTable;
    private final TimeProvider time;

    private Lane(Path dir, MappedFile control, TimeProvider time) {
        this.dir = dir;
        this.control = control;
        this.staging = new StagingArea(control, STAGE, SLOTS, BATCH);
        this.rollTable = new RollTable(control, ROLLS, ROLL_TABLE, ROLL_SLOTS);
        this.time = time;
    }

    /** Creates the lane's directory and control file (or opens them if they exist). */
    static Lane create(Path dir, ExchangeLimits limits, TimeProvider time) {
        try {
            Files.createDirectories(dir.resolve("journal"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        MappedFile control = MappedFile.map(dir.resolve("control"), CONTROL_SIZE);
        if (control.getVolatile(MAGIC) != MAGIC_VALUE) {
            control.put(CAPACITY, limits.capacity());
            control.put(DISK_CAP, limits.diskCapBytes());
            PidNamespaceStamp.write(control, PID_NAMESPACE);
            control.putOrdered(MAGIC, MAGIC_VALUE);
        } else {
            checkNamespace(control, dir);
        }
        return new Lane(dir, control, time);
    }

    /** Opens an existing lane. */
    static Lane open(Path dir, TimeProvider time) {
        if (!Files.isRegularFile(dir.resolve("control"))) {
            throw new IllegalArgumentException("no exchange lane at " + dir);
        }
        MappedFile control = MappedFile.map(dir.resolve("control"), CONTROL_SIZE);
        if (control.getVolatile(MAGIC) != MAGIC_VALUE) {
            control.close();
            throw new IllegalArgumentException("not an exchange lane (or not initialised yet): " + dir);
        }
        checkNamespace(control, dir);
        return new Lane(dir, control, time);
    }

    private static void checkNamespace(MappedFile control, Path dir) {
        try {
            PidNamespaceStamp.check(control, PID_NAMESPACE, dir.resolve("control"));
        } catch (IllegalStateException e) {
            control.close();
            throw e;
        }
    }

    /**
     * A new Chronicle Queue instance on this lane's journal (one per reader or writer).
     *
     * @param headroom free bytes the file system must have first (the opening may create the
     *                 journal's files)
     * @throws DiskFullException when it has less
     */
    SingleChronicleQueue openJournal(long headroom) {
        DiskSpace.require(dir, headroom, ProblemCode.DISK_FULL_JOURNAL, dir.getFileName().toString());
        return SingleChronicleQueueBuilder.single(dir.resolve("journal").toFile())
                .rollCycle(ROLL_CYCLE).blockSize(BLOCK_SIZE).timeProvider(time).build();
    }

    MappedFile control() {
        return control;
    }

    /** The staging word and slots in the control file. */
    StagingArea staging() {
        return staging;
    }

    Path dir() {
        return dir;
    }

    long capacity() {
        return control.get(CAPACITY);
    }

    long diskCap() {
        return control.get(DISK_CAP);
    }

    /** Messages written so far (journaled plus staged). */
    long written() {
        return staging.written();
    }

    /** Next sequence number to take; every message below it was taken. */
    long taken() {
        return control.getVolatile(TAKEN) >>> CLAIMANT_BITS;
    }

    /** The single reader's side: every message below {@code next} was taken. */
    void taken(long next) {
        control.putOrdered(TAKEN, next << CLAIMANT_BITS);
    }

    boolean closed() {
        return control.getVolatile(CLOSED) != 0;
    }

    void markClosed() {
        control.putOrdered(CLOSED, 1);
    }

    /** The process writing this lane ({@link ProcessWord}); 0 before a writer opened it. */
    long writer() {
        return control.getVolatile(WRITER);
    }

    void writer(long word) {
        control.putOrdered(WRITER, word);
    }

    /** Pid of the process writing this lane; 0 before a writer opened it. */
    long writerPid() {
        return ProcessWord.pid(writer());
    }

    /**
     * The single reader of a pipe lane ({@link ProcessWord}); 0 before it opened its end,
     * {@link #READER_CLOSED} after it closed it. Queue lanes have no single reader: 0.
     */
    long reader() {
        return control.getVolatile(READER);
    }

    void reader(long word) {
        control.putOrdered(READER, word);
    }

    /** Times a writer had to wait because readers lagged by the capacity. */
    long waits() {
        return control.getVolatile(WAITS);
    }

    void countWait() {
        control.addAndGet(WAITS, 1);
    }

    /** Times a writer had to wait because the disk cap was reached. */
    long diskWaits() {
        return control.getVolatile(DISK_WAITS);
    }

    void countDiskWait() {
        control.addAndGet(DISK_WAITS, 1);
    }

    /** Journal files deleted after everyone read them. */
    long deletedFiles() {
        return control.getVolatile(DELETED_FILES);
    }

    long rolls() {
        return rollTable.count();
    }

    /** Writer side: the journal's cycle {@code cycle} starts with message {@code firstSeq}. */
    void recordCycle(int cycle, long firstSeq) {
        rollTable.record(cycle, firstSeq);
    }

    /** The journal cycle holding journaled message {@code seq}, or -1 when the table cannot say. */
    long cycleHolding(long seq) {
        return rollTable.cycleHolding(seq);
    }

    /**
     * Deletes the journal files all of whose messages are below {@code safeSeq}.
     *
     * @param queue this process's queue instance, told to re-read its directory after a delete
     * @return how many older files remain (0 when nothing is left to reclaim for now)
     */
    int reclaim(long safeSeq, ChronicleQueue queue) {
        if (rollTable.count() < 2) {
            return 0;
        }
        long[] cycles = new long[ROLL_SLOTS];
        long[] firsts = new long[ROLL_SLOTS];
        int count = rollTable.read(cycles, firsts);
        if (count == 0) {
            return 1; // the writer rolled past the whole table while it was read: try again later
        }
        long newest = cycles[count - 1];
        int remaining = 0;
        int deleted = 0;
        try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                long cycle = cycleOf(file);
                if (cycle < 0 || cycle >= newest) {
                    continue;
                }
                long nextFirst = Long.MAX_VALUE;
                for (int k = 0; k < count; k++) {
                    if (cycles[k] > cycle) {
                        nextFirst = Math.min(nextFirst, firsts[k]);
                    }
                }
                if (nextFirst <= safeSeq) {
                    if (Files.deleteIfExists(file)) {
                        deleted++;
                    }
                } else {
                    remaining++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return 1; // try again later
        }
        if (deleted > 0) {
            control.addAndGet(DELETED_FILES, deleted);
            queue.refreshDirectoryListing();
        }
        return remaining;
    }

    /** The roll cycle a journal file holds, or -1 for other files. */
    static long cycleOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".cq4")) {
            return -1;
        }
        try {
            LocalDateTime t = LocalDateTime.parse(name.substring(0, name.length() - 4), FILE_TIME);
            return t.toInstant(ZoneOffset.UTC).toEpochMilli() / ROLL_CYCLE.lengthInMillis();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    /** The file name of a cycle, for tests. */
    static String fileOf(long cycle) {
        return FILE_TIME.format(Instant.ofEpochMilli(cycle * ROLL_CYCLE.lengthInMillis())) + ".cq4";
    }

    @Override
    public void close() {
        control.close();
    }
}
