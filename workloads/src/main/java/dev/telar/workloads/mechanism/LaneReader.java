package dev.telar.workloads.mechanism;

import dev.telar.workloads.ipc.DiskSpace;
import java.util.function.LongSupplier;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads messages of a {@link Lane} by sequence number, from the staging area or the journal. The
 * sequence numbers one reader asks for must not decrease (its journal tailer only moves forward).
 * Which messages a reader may take is decided by its owner (the single pipe reader, or a queue
 * consumer's claim). Not thread-safe.
 */
final class LaneReader implements AutoCloseable {
    private final Lane lane;
    private final StagingArea staging;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final LongSupplier safeSeq;
    private final long[] keys = new long[Lane.BATCH];
    private final double[] values = new double[Lane.BATCH];
    private long bufFirst;
    private int bufCount;
    private long rollsSeen;
    private boolean reclaimPending;
    private int fetches;
    /** The last fetched message. */
    long key;
    double value;

    LaneReader(Lane lane, LongSupplier safeSeq) {
        this.lane = lane;
        this.staging = lane.staging();
        this.safeSeq = safeSeq;
        this.queue = lane.openJournal(DiskSpace.JOURNAL_HEADROOM);
        this.tailer = queue.createTailer();
        tailer.singleThreadedCheckDisabled(true); // one thread at a time, as for the writer's appender
    }

    /**
     * Reads message {@code seq} into {@link #key} and {@link #value}.
     *
     * @return false when it is not written yet (or its journal document is not visible yet)
     */
    boolean fetch(long seq) {
        if ((++fetches & 1023) == 0) {
            maybeReclaim();
        }
        if (seq >= bufFirst && seq < bufFirst + bufCount) {
            int i = (int) (seq - bufFirst);
            key = keys[i];
            value = values[i];
            return true;
        }
        int n = staging.read(seq, keys, values);
        if (n > 0) {
            bufFirst = seq;
            bufCount = n;
            key = keys[0];
            value = values[0];
            return true;
        }
        if (n == StagingArea.NOT_WRITTEN) {
            return false;
        }
        bufCount = 0; // the copy may have overwritten the buffer
        return fromJournal(seq);
    }

    private boolean fromJournal(long seq) {
        skipToCycleOf(seq);
        while (true) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return false;
                }
                Bytes<?> b = dc.wire().bytes();
                long first = b.readLong();
                int n = b.readInt();
                if (seq >= first + n) {
                    continue; // taken from the staging area or by another reader already
                }
                if (seq < first) {
                    throw new IllegalStateException("message " + seq + " is missing from " + lane.dir()
                            + " (the next journal document starts at " + first + ")");
                }
                for (int i = 0; i < n; i++) {
                    keys[i] = b.readLong();
                    values[i] = b.readDouble();
                }
                bufFirst = first;
                bufCount = n;
            }
            int i = (int) (seq - bufFirst);
            key = keys[i];
            value = values[i];
            return true;
        }
    }

    /**
     * Moves the tailer straight to the journal file holding {@code seq} when that file is a later
     * one. Why: other readers delete files once every claim passed them, and a tailer left behind
     * in a deleted file must otherwise find its way through Chronicle's cached listing of files,
     * which can keep it waiting or stuck; a lagging reader also skips reading what it no longer
     * needs.
     */
    private void skipToCycleOf(long seq) {
        long cycle = lane.cycleHolding(seq);
        if (cycle > tailer.cycle()) {
            tailer.moveToCycle((int) cycle); // when it fails, the read below goes on as before
        }
    }

    private void maybeReclaim() {
        long rolls = lane.rolls();
        if (rolls != rollsSeen || reclaimPending) {
            rollsSeen = rolls;
            reclaimPending = lane.reclaim(safeSeq.getAsLong(), queue) > 0;
        }
    }

    /** Deletes journal files that every reader has read, now. */
    void reclaimNow() {
        reclaimPending = lane.reclaim(safeSeq.getAsLong(), queue) > 0;
    }

    @Override
    public void close() {
        queue.close();
    }
}
