package dev.telar.workloads.mechanism;

import dev.telar.workloads.ipc.DiskFullException;
import dev.telar.workloads.ipc.DiskSpace;
import dev.telar.workloads.ipc.DiskUsage;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.shm.Backoff;
import dev.telar.workloads.words.ProcessWord;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The writing side of a {@link Lane}: stages each message in the shared control file, journals
 * full batches to the Chronicle Queue, blocks (or reports false) when readers lag by the capacity
 * or the disk cap is reached. A blocked writer looks every {@link DeathCheck#PERIOD_NANOS} whether
 * anyone is left to read (its owner tells it how) and throws, instead of waiting for ever, once
 * nobody is. One writer per lane; not thread-safe.
 *
 * <p>A full disk: Chronicle grows a journal as a sparse file and writes into its mapping, where
 * a missing block would be a fault, not an error. So before it starts a journal file and each
 * time the disk cap is measured (at most every {@link #CHECK_EVERY_BYTES}), the writer asks the
 * file system for {@link DiskSpace#JOURNAL_HEADROOM} more than it will write until its next check,
 * and throws {@link DiskFullException} when it has less. Closing on a full disk leaves the staged
 * messages in the control file, where readers find them.
 */
final class LaneWriter implements AutoCloseable {
    private static final long CHECK_EVERY_BYTES = 1L << 20;

    private final Lane lane;
    private final StagingArea staging;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final Path capRoot;
    private final LongSupplier safeSeq;
    private final Supplier<ExchangeClosedException> readersGone;
    private final long capacity;
    private final long diskCap;
    private final long checkEvery;
    private final long[] keys = new long[Lane.BATCH];
    private final double[] values = new double[Lane.BATCH];
    private final Backoff backoff = new Backoff();
    private long base;
    private int count;
    private long takenSeen;
    private long bytesSinceCheck;
    private int lastCycle = Integer.MIN_VALUE;
    private boolean closed;

    /**
     * @param capRoot the directory whose disk use the cap limits (the whole mechanism)
     * @param safeSeq messages below this were taken by every reader (for deleting old files)
     * @param readersGone null while some reader may still take messages; else what to throw at a
     *                    writer waiting for room (asked only while waiting, at most every 20 ms)
     */
    LaneWriter(Lane lane, Path capRoot, LongSupplier safeSeq, Supplier<ExchangeClosedException> readersGone) {
        this.lane = lane;
        this.staging = lane.staging();
        this.capRoot = capRoot;
        this.safeSeq = safeSeq;
        this.readersGone = readersGone;
        this.capacity = lane.capacity();
        this.diskCap = lane.diskCap();
        this.checkEvery = Math.min(CHECK_EVERY_BYTES, diskCap / 16);
        this.queue = lane.openJournal(DiskSpace.JOURNAL_HEADROOM + checkEvery);
        this.appender = queue.createAppender();
        // Chronicle ties an appender to the first thread that uses it; this class promises one
        // thread at a time, not always the same one (a pipe end made on one thread, used on another).
        appender.singleThreadedCheckDisabled(true);
        long w = staging.recover(keys, values); // a writer reopening the lane takes over its staged messages
        base = StagingArea.base(w);
        count = StagingArea.count(w);
        takenSeen = lane.taken();
        lane.writer(ProcessWord.self());
        // Creating and mapping a journal file takes milliseconds: do it now, with an empty
        // document, rather than inside the first send.
        try {
            writeDocument(0);
        } catch (RuntimeException e) {
            queue.close(); // e.g. a full disk
            throw e;
        }
    }

    /**
     * Appends one message.
     *
     * @param wait true to block while readers lag by the capacity or the disk is at its cap;
     *             false to return false instead
     * @return true when the message was written
     */
    boolean offer(long key, double value, boolean wait) {
        if (closed) {
            throw new IllegalStateException("this end was closed");
        }
        if (count == Lane.BATCH) {
            journal();
        }
        long seq = base + count;
        if (seq - takenSeen >= capacity) {
            takenSeen = lane.taken();
            if (seq - takenSeen >= capacity) {
                if (!wait) {
                    return false;
                }
                lane.countWait();
                backoff.reset();
                DeathCheck check = new DeathCheck();
                while (seq - (takenSeen = lane.taken()) >= capacity) {
                    if (backoff.parking() && check.due()) {
                        throwIfNobodyReads();
                    }
                    backoff.idle();
                }
            }
        }
        if (bytesSinceCheck >= checkEvery && !withinDiskCap(wait)) {
            return false;
        }
        staging.stage(base, count, key, value);
        keys[count] = key;
        values[count] = value;
        count++;
        return true;
    }

    /** Messages written by this lane so far. */
    long written() {
        return base + count;
    }

    /** Moves the staged messages into one journal document, then empties the staging area. */
    private void journal() {
        if (count == 0) {
            return;
        }
        writeDocument(count);
        base += count;
        count = 0;
        staging.restart(base); // before the next stage() reuses slot 0: see StagingArea
    }

    private void writeDocument(int n) {
        if (queue.cycle() != lastCycle) {
            // This document starts a new file: its header and index are written at once.
            requireRoom();
        }
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> b = dc.wire().bytes();
            b.writeLong(base);
            b.writeInt(n);
            for (int i = 0; i < n; i++) {
                b.writeLong(keys[i]);
                b.writeDouble(values[i]);
            }
        }
        bytesSinceCheck += 16 + 16L * n;
        int cycle = appender.cycle();
        if (cycle != lastCycle) {
            lastCycle = cycle;
            lane.recordCycle(cycle, base);
        }
    }

    /** Measures disk use; deletes what every reader has read; waits while still over the cap. */
    private boolean withinDiskCap(boolean wait) {
        bytesSinceCheck = 0;
        requireRoom();
        if (DiskUsage.of(capRoot) <= diskCap) {
            return true;
        }
        lane.countDiskWait();
        backoff.reset();
        DeathCheck check = new DeathCheck();
        while (true) {
            // A file is deleted only once a later one exists; after the clock passed the current
            // file's second, an empty document starts the next file so the current one can go.
            if (count == 0 && queue.cycle() > lastCycle && lastCycle != Integer.MIN_VALUE) {
                writeDocument(0);
            }
            lane.reclaim(safeSeq.getAsLong(), queue);
            if (DiskUsage.of(capRoot) <= diskCap) {
                return true;
            }
            if (!wait) {
                bytesSinceCheck = checkEvery; // measure again on the next attempt
                return false;
            }
            if (backoff.parking() && check.due()) {
                throwIfNobodyReads();
            }
            backoff.idle();
        }
    }

    /** Throws DiskFullException unless the file system has room for what is written until the next check. */
    private void requireRoom() {
        DiskSpace.require(lane.dir(), DiskSpace.JOURNAL_HEADROOM + checkEvery, ProblemCode.DISK_FULL_JOURNAL,
                lane.dir().getFileName().toString());
    }

    private void throwIfNobodyReads() {
        ExchangeClosedException gone = readersGone.get();
        if (gone != null) {
            throw gone;
        }
    }

    /** Journals the staged messages (so that the files alone hold everything). */
    void flush() {
        journal();
    }

    /** Marks the lane closed: readers get end-of-stream once they have read everything. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                journal();
            } catch (DiskFullException e) {
                // No room to journal them: the staged messages stay readable in the control file.
            } finally {
                lane.markClosed();
                queue.close();
            }
        }
    }

    /** Releases the files without closing the stream (for a writer that stops writing for now). */
    void release() {
        if (!closed) {
            closed = true;
            queue.close();
        }
    }
}
