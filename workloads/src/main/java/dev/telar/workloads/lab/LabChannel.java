package dev.telar.workloads.lab;

import dev.telar.workloads.ipc.DiskSpace;
import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.problem.ProblemCode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One end of the channel between the dashboard and its lab JVM: a run directory holding two
 * Chronicle queues, {@value #COMMANDS} (written by the dashboard only) and {@value #EVENTS}
 * (written by the lab only), and a {@link Doorbell} that wakes each reader when its writer has
 * appended. Records cross field by field ({@link RecordWire}).
 *
 * <p>The dashboard {@linkplain #create makes} the run directory in Telar's own place
 * ({@link RunDirectory}: owner-only, marked with the dashboard's identity, removed by
 * {@link #close()} or, after a crash, by the next start); the lab {@linkplain #open opens} it.
 *
 * <p>Delivery is exactly once and in order for one reader: a document is read once by the single
 * tailer and never rewritten. A reader never spins: it sleeps on the doorbell between drains, at
 * most as long as its caller says. Files stay small: 256 KiB blocks, a file per five minutes, and
 * the reader deletes the files of cycles it has read past.
 *
 * <p>Threads: {@link #send} may be called from any thread (it is serialized); {@link #ticket},
 * {@link #drain}, {@link #await} and {@link #close} by the one reading thread;
 * {@link #wakeReader} from any thread.
 *
 * @param <O> what this end writes ({@link LabCommand} at the dashboard, {@link LabEvent} at the lab)
 * @param <I> what it reads
 */
final class LabChannel<O, I> implements AutoCloseable {
    static final String COMMANDS = "commands";
    static final String EVENTS = "events";
    static final String DOORBELL = "doorbell";
    /** Chronicle block size: the records are small, so is the mapped chunk. */
    static final long BLOCK_SIZE = 256 << 10;
    /** A new file every five minutes, so that read files can go soon. */
    static final RollCycle ROLL_CYCLE = RollCycles.FIVE_MINUTELY;
    /** Documents between two free-space checks: they take far less than a MiB. */
    private static final int SPACE_CHECK_EVERY = 256;
    private static final long SPACE_NEEDED = DiskSpace.JOURNAL_HEADROOM + (1L << 20);
    private static final Logger LOG = LoggerFactory.getLogger(LabChannel.class);

    private final Path dir;
    private final RunDirectory owned;
    private final Class<O> outType;
    private final Class<I> inType;
    private final long outWord;
    private final long inWord;
    private final Doorbell bell;
    private final ChronicleQueue outQueue;
    private final SingleChronicleQueue inQueue;
    private final ExcerptAppender appender;
    private final ExcerptTailer tailer;
    /** Files of the incoming queue the tailer let go of, by cycle; those before its cycle are deleted. */
    private final ConcurrentSkipListMap<Integer, File> inFiles;
    private long sent;
    private boolean closed;

    private LabChannel(Path dir, RunDirectory owned, Class<O> outType, Class<I> inType, long outWord, long inWord,
                       Doorbell bell, ChronicleQueue outQueue, SingleChronicleQueue inQueue,
                       ConcurrentSkipListMap<Integer, File> inFiles) {
        this.dir = dir;
        this.owned = owned;
        this.outType = outType;
        this.inType = inType;
        this.outWord = outWord;
        this.inWord = inWord;
        this.bell = bell;
        this.outQueue = outQueue;
        this.inQueue = inQueue;
        this.inFiles = inFiles;
        this.appender = outQueue.createAppender();
        appender.singleThreadedCheckDisabled(true); // send() is serialized, but callers' threads vary
        this.tailer = inQueue.createTailer();
        tailer.singleThreadedCheckDisabled(true);
    }

    /**
     * The dashboard's end: makes a run directory in {@code place} with the doorbell and both queues.
     *
     * @throws dev.telar.workloads.ipc.UnsafePlaceException when {@code place} cannot be trusted
     * @throws dev.telar.workloads.ipc.DiskFullException when its file system is (nearly) full
     */
    static LabChannel<LabCommand, LabEvent> create(Path place) {
        return create(place, SystemTimeProvider.INSTANCE);
    }

    static LabChannel<LabCommand, LabEvent> create(Path place, TimeProvider time) {
        RunDirectory run = RunDirectory.create(place);
        try {
            return build(run.path(), run, LabCommand.class, LabEvent.class, Doorbell.COMMANDS, Doorbell.EVENTS,
                    Doorbell.create(run.resolve(DOORBELL)), time);
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /**
     * The lab's end of the channel the dashboard made in {@code dir}.
     *
     * @throws IllegalArgumentException when {@code dir} holds no lab channel
     */
    static LabChannel<LabEvent, LabCommand> open(Path dir) {
        return open(dir, SystemTimeProvider.INSTANCE);
    }

    static LabChannel<LabEvent, LabCommand> open(Path dir, TimeProvider time) {
        return build(dir, null, LabEvent.class, LabCommand.class, Doorbell.EVENTS, Doorbell.COMMANDS,
                Doorbell.open(dir.resolve(DOORBELL)), time);
    }

    private static <O, I> LabChannel<O, I> build(Path dir, RunDirectory owned, Class<O> outType, Class<I> inType,
                                                long outWord, long inWord, Doorbell bell, TimeProvider time) {
        ChronicleQueue out = null;
        try {
            DiskSpace.require(dir, SPACE_NEEDED, ProblemCode.DISK_FULL_LAB_QUEUES);
            out = queue(dir.resolve(outWord == Doorbell.COMMANDS ? COMMANDS : EVENTS), time, StoreFileListener.NO_OP);
            ConcurrentSkipListMap<Integer, File> files = new ConcurrentSkipListMap<>();
            SingleChronicleQueue in = queue(dir.resolve(inWord == Doorbell.COMMANDS ? COMMANDS : EVENTS), time,
                    new StoreFileListener() {
                        @Override
                        public void onReleased(int cycle, File file) {
                            // Called once the tailer let go of the file (later, on Chronicle's
                            // releaser thread); the reader deletes it if it has read past it.
                            files.put(cycle, file);
                        }
                    });
            return new LabChannel<>(dir, owned, outType, inType, outWord, inWord, bell, out, in, files);
        } catch (RuntimeException e) {
            if (out != null) {
                out.close();
            }
            bell.close();
            throw e;
        }
    }

    private static SingleChronicleQueue queue(Path dir, TimeProvider time, StoreFileListener files) {
        return SingleChronicleQueueBuilder.single(dir.toFile()).blockSize(BLOCK_SIZE).rollCycle(ROLL_CYCLE)
                .timeProvider(time).storeFileListener(files).build();
    }

    /** The run directory. */
    Path dir() {
        return dir;
    }

    /**
     * Appends {@code record} and rings the reader's word.
     *
     * @throws IllegalArgumentException when the record cannot be carried (nothing is appended)
     * @throws IllegalStateException after {@link #close()}
     * @throws dev.telar.workloads.ipc.DiskFullException when the file system is (nearly) full
     */
    synchronized void send(O record) {
        if (closed) {
            throw new IllegalStateException("the lab channel " + dir.getFileName() + " is closed");
        }
        if (sent++ % SPACE_CHECK_EVERY == 0) {
            DiskSpace.require(dir, SPACE_NEEDED, ProblemCode.DISK_FULL_LAB_QUEUES);
        }
        try (DocumentContext doc = appender.writingDocument()) {
            try {
                RecordWire.write(doc.wire(), outType, record);
            } catch (RuntimeException e) {
                doc.rollbackOnClose();
                throw e;
            }
        }
        bell.ring(outWord);
    }

    /** The incoming word now: read it before {@link #drain}, give it to {@link #await}. */
    int ticket() {
        return bell.ticket(inWord);
    }

    /**
     * Hands every whole record written so far and not yet read to {@code sink}, in order. A
     * document that does not decode is logged and skipped.
     *
     * @return how many documents were read
     */
    int drain(Consumer<? super I> sink) {
        int n = 0;
        while (true) {
            I record;
            try (DocumentContext doc = tailer.readingDocument()) {
                if (!doc.isPresent()) {
                    break;
                }
                n++;
                try {
                    record = RecordWire.read(doc.wire(), inType);
                } catch (IllegalArgumentException e) {
                    LOG.warn("skipped a {} document of {} at index {}: {}", inType.getSimpleName(), dir.getFileName(),
                            Long.toHexString(doc.index()), e.getMessage());
                    continue;
                }
            }
            sink.accept(record);
        }
        if (!inFiles.isEmpty()) {
            deleteReadFiles();
        }
        return n;
    }

    /** Deletes the incoming files of cycles before the one the tailer reads now. */
    private void deleteReadFiles() {
        int current = tailer.cycle();
        boolean deleted = false;
        for (Map.Entry<Integer, File> e : inFiles.headMap(current).entrySet()) {
            try {
                deleted |= Files.deleteIfExists(e.getValue().toPath());
            } catch (IOException ex) {
                LOG.warn("cannot delete the read lab file {}: {}", e.getValue(), ex.toString());
            }
            inFiles.remove(e.getKey());
        }
        if (deleted) {
            inQueue.refreshDirectoryListing();
        }
    }

    /** Sleeps until the writer rings after {@code ticket} was read, at most {@code nanos}. */
    void await(int ticket, long nanos) {
        bell.await(inWord, ticket, nanos);
    }

    /** Wakes this end's own reader (a command to forward, a peer that ended). Any thread. */
    void wakeReader() {
        bell.ring(inWord);
    }

    /** The dashboard asks the lab to leave: the lab ends its engine and exits. */
    void askToLeave() {
        bell.askToLeave();
        bell.ring(Doorbell.COMMANDS);
    }

    /** True once the dashboard asked the lab to leave. */
    boolean askedToLeave() {
        return bell.askedToLeave();
    }

    /** Closes the queues and the doorbell; at the dashboard's end also removes the run directory. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            outQueue.close();
            inQueue.close();
        } finally {
            bell.close();
            if (owned != null) {
                owned.close();
            }
        }
    }
}
