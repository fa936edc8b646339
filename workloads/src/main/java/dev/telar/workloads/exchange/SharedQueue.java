package dev.telar.workloads.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;

/**
 * The lecture's Queue: any number of producer and consumer processes; every message is taken by
 * exactly one consumer.
 *
 * <p>How: each producer appends to its own {@link Lane} (a Chronicle Queue with a shared control
 * file), so producers never contend. Chronicle tailers each read everything, so consumers
 * <em>claim</em>: each lane has a shared "next to take" counter, and a consumer owns message
 * {@code n} of a lane once its compare-and-swap moved that counter from {@code n} to {@code n+1};
 * it then reads that message from the lane (staging area or journal). Consumers look at the lanes
 * round-robin.
 *
 * <p>Guarantees: no message is lost or taken twice among consumers that live; messages of one
 * producer are taken in the order it put them (across producers there is no order, as in Python).
 * A consumer killed between its claim and returning the message takes that one message with it:
 * it stays in the files but no other consumer gets it (at most once for it). Each consumer
 * publishes the message it is about to claim (a hazard mark), so journal files are deleted only
 * once no consumer can still need them. A producer blocks while consumers lag by
 * {@link ExchangeLimits#capacity()} of its messages, or while the directory is at its disk cap.
 * Producers and consumers are each used by one thread at a time; the end of the stream is known
 * once the number of producers given at creation have closed.
 */
public final class SharedQueue implements AutoCloseable {
    /** Most producers (lanes) and consumers one queue can have. */
    public static final int MAX_PRODUCERS = 64;
    public static final int MAX_CONSUMERS = 64;
    private static final long SIZE = 4096;
    private static final long MAGIC = 0;
    private static final long EXPECTED = 8;
    private static final long PID_NAMESPACE = 16;
    private static final long LANES = 64;
    private static final long CLOSED_PRODUCERS = 128;
    private static final long CONSUMERS = 192;
    private static final long READY = 1024;      // one word per lane: 1 once its files exist
    static final long HAZARDS = 2048;            // per consumer: pid, claim in progress
    private static final long NO_HAZARD = Claims.NO_HAZARD;
    private static final long MAGIC_VALUE = 0x54454c4152515531L;

    private final Path dir;
    private final MappedRegion control;
    private final TimeProvider time;

    private SharedQueue(Path dir, MappedRegion control, TimeProvider time) {
        this.dir = dir;
        this.control = control;
        this.time = time;
    }

    /**
     * Creates a queue in {@code dir}.
     *
     * @param producers how many producers will put (0 when unknown: then the stream never ends)
     */
    public static void create(Path dir, int producers, ExchangeLimits limits) {
        create(dir, producers, limits, SystemTimeProvider.INSTANCE);
    }

    static void create(Path dir, int producers, ExchangeLimits limits, TimeProvider time) {
        if (producers < 0 || producers > MAX_PRODUCERS) {
            throw new IllegalArgumentException("producers must be 0.." + MAX_PRODUCERS + ", got " + producers);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        // Producers make their lanes later and need only the path: keep the limits beside it.
        // Written before the control file's magic is published (a release write), so that whoever
        // can open the queue finds them; written after it, a producer opening the queue at once
        // could map a still empty limits file and read a capacity of 0.
        try (MappedRegion l = MappedRegion.map(dir.resolve("limits"), 64)) {
            l.put(0, limits.capacity());
            l.put(8, limits.diskCapBytes());
        }
        try (MappedRegion c = MappedRegion.map(dir.resolve("control"), SIZE)) {
            c.put(EXPECTED, producers);
            PidNamespaceStamp.write(c, PID_NAMESPACE);
            for (int i = 0; i < MAX_CONSUMERS; i++) {
                c.put(HAZARDS + i * 16L + 8, NO_HAZARD);
            }
            c.putOrdered(MAGIC, MAGIC_VALUE);
        }
    }

    /** Opens the queue in {@code dir} (made by {@link #create}). */
    public static SharedQueue open(Path dir) {
        return open(dir, SystemTimeProvider.INSTANCE);
    }

    static SharedQueue open(Path dir, TimeProvider time) {
        if (!Files.isRegularFile(dir.resolve("control"))) {
            throw new IllegalArgumentException("no shared queue at " + dir);
        }
        MappedRegion c = MappedRegion.map(dir.resolve("control"), SIZE);
        if (c.getVolatile(MAGIC) != MAGIC_VALUE) {
            c.close();
            throw new IllegalArgumentException("not a shared queue: " + dir);
        }
        try {
            PidNamespaceStamp.check(c, PID_NAMESPACE, dir.resolve("control"));
        } catch (IllegalStateException e) {
            c.close();
            throw e;
        }
        return new SharedQueue(dir, c, time);
    }

    private ExchangeLimits storedLimits() {
        try (MappedRegion l = MappedRegion.map(dir.resolve("limits"), 64)) {
            return new ExchangeLimits(l.get(0), l.get(8));
        }
    }

    /** Joins as a producer (one lane of its own). */
    public Producer producer() {
        long index = control.addAndGet(LANES, 1) - 1;
        if (index >= MAX_PRODUCERS) {
            throw new IllegalStateException("a shared queue takes at most " + MAX_PRODUCERS + " producers");
        }
        Lane lane = Lane.create(laneDir((int) index), storedLimits(), time);
        Producer producer;
        try {
            producer = new Producer(lane, (int) index);
        } catch (RuntimeException e) {
            lane.close(); // e.g. a full disk
            throw e;
        }
        control.putOrdered(READY + index * 8, 1);
        return producer;
    }

    /** Joins as a consumer. */
    public Consumer consumer() {
        long slot = control.addAndGet(CONSUMERS, 1) - 1;
        if (slot >= MAX_CONSUMERS) {
            throw new IllegalStateException("a shared queue takes at most " + MAX_CONSUMERS + " consumers");
        }
        control.putOrdered(HAZARDS + slot * 16, PidWord.current());
        return new Consumer((int) slot);
    }

    private Path laneDir(int index) {
        return dir.resolve("lane-" + index);
    }

    private int readyLanes() {
        int n = (int) Math.min(MAX_PRODUCERS, control.getVolatile(LANES));
        int ready = 0;
        while (ready < n && control.getVolatile(READY + ready * 8L) == 1) {
            ready++;
        }
        return ready;
    }

    /** Lowest message of lane {@code lane} that some consumer may still need. */
    private long safeSeq(int lane, Lane l) {
        long safe = l.taken();
        int consumers = (int) Math.min(MAX_CONSUMERS, control.getVolatile(CONSUMERS));
        for (int c = 0; c < consumers; c++) {
            long hazard = control.getVolatile(HAZARDS + c * 16L + 8);
            if (hazard != NO_HAZARD && (int) (hazard >>> 48) == lane) {
                if (PidWord.isAlive(control.getVolatile(HAZARDS + c * 16L))) {
                    safe = Math.min(safe, hazard & 0xFFFF_FFFF_FFFFL);
                }
            }
        }
        return safe;
    }

    /** Counters of the whole queue, for {@link ExchangeStats}. */
    public Counters counters() {
        long written = 0;
        long taken = 0;
        long waits = 0;
        long deleted = 0;
        int producersAlive = 0;
        int lanes = readyLanes();
        for (int i = 0; i < lanes; i++) {
            try (Lane l = Lane.open(laneDir(i), time)) {
                written += l.written();
                taken += l.taken();
                waits += l.waits() + l.diskWaits();
                deleted += l.deletedFiles();
                if (!l.closed() && l.writerAlive()) {
                    producersAlive++;
                }
            }
        }
        int consumersAlive = 0;
        int consumers = (int) Math.min(MAX_CONSUMERS, control.getVolatile(CONSUMERS));
        for (int c = 0; c < consumers; c++) {
            if (PidWord.isAlive(control.getVolatile(HAZARDS + c * 16L))) {
                consumersAlive++;
            }
        }
        return new Counters(written, taken, waits, deleted, producersAlive, consumersAlive);
    }

    /** Messages written so far by each producer, by the pid of its process. */
    public java.util.Map<Long, Long> writtenByProducerPid() {
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        int lanes = readyLanes();
        for (int i = 0; i < lanes; i++) {
            try (Lane l = Lane.open(laneDir(i), time)) {
                out.merge(l.writerPid(), l.written(), Long::sum);
            }
        }
        return out;
    }

    /**
     * Totals over the lanes.
     *
     * @param written        messages put
     * @param taken          messages claimed by consumers
     * @param waits          times a producer waited on back-pressure or the disk cap
     * @param deletedFiles   journal files deleted after everyone read them
     * @param producersAlive producers not closed whose process lives
     * @param consumersAlive consumers whose process lives
     */
    public record Counters(long written, long taken, long waits, long deletedFiles, int producersAlive,
                           int consumersAlive) {
    }

    /** True when every expected producer closed and every message was taken. */
    public boolean finished() {
        if (!allProducersClosed()) {
            return false;
        }
        Counters c = counters();
        return c.taken() >= c.written();
    }

    private boolean allProducersClosed() {
        long expected = control.getVolatile(EXPECTED);
        return expected > 0 && control.getVolatile(CLOSED_PRODUCERS) >= expected;
    }

    @Override
    public void close() {
        control.close();
    }

    /** Puts messages into the queue through its own lane. One thread at a time. */
    public final class Producer implements AutoCloseable {
        private final Lane lane;
        private final LaneWriter writer;
        private boolean closed;

        private Producer(Lane lane, int index) {
            this.lane = lane;
            this.writer = new LaneWriter(lane, dir, () -> safeSeq(index, lane));
        }

        /** Puts one message; blocks while consumers lag by the capacity or the disk is full. */
        public void put(long key, double value) {
            writer.offer(key, value, true);
        }

        /** Puts one message if that needs no wait; false reports back-pressure. */
        public boolean tryPut(long key, double value) {
            return writer.offer(key, value, false);
        }

        /** Messages this producer put. */
        public long written() {
            return writer.written();
        }

        /** Ends this producer's stream and releases its files. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                writer.close();
                lane.close();
                control.addAndGet(CLOSED_PRODUCERS, 1);
            }
        }
    }

    /** Takes messages; each message goes to exactly one consumer. One thread at a time. */
    public final class Consumer implements AutoCloseable {
        private final int slot;
        private final long hazardAt;
        private final Claims claims;
        private final List<Lane> lanes = new ArrayList<>();
        private final List<LaneReader> readers = new ArrayList<>();
        private final Backoff backoff = Backoff.patient();
        private final Backoff fetchWait = new Backoff();
        private int start;
        private long taken;

        private Consumer(int slot) {
            this.slot = slot;
            this.hazardAt = HAZARDS + slot * 16L + 8;
            this.claims = new Claims(control, hazardAt);
        }

        /** The next message if one is there now, else null (never waits for a producer). */
        public Message poll() {
            openNewLanes();
            int n = lanes.size();
            for (int t = 0; t < n; t++) {
                int i = (start + t) % n;
                Lane lane = lanes.get(i);
                long next = claims.claim(i, lane.control(), Lane.TAKEN, lane.staging());
                if (next >= 0) {
                    LaneReader reader = readers.get(i);
                    fetchWait.reset();
                    while (!reader.fetch(next)) {
                        fetchWait.idle(); // written, so it is there: only its journal page is not visible yet
                    }
                    claims.done();
                    start = i + 1;
                    taken++;
                    return new Message(reader.key, reader.value);
                }
            }
            claims.done();
            return null;
        }

        /**
         * Takes the next message, waiting for one.
         *
         * @throws ExchangeClosedException when every producer closed and all messages were taken
         */
        public Message take() {
            return take(null);
        }

        /**
         * Takes the next message, waiting at most {@code timeout}.
         *
         * @return null when none came in time
         * @throws ExchangeClosedException when every producer closed and all messages were taken
         */
        public Message take(Duration timeout) {
            Message m = poll(); // the usual case, without building the waiting loop's callbacks
            if (m != null) {
                return m;
            }
            return backoff.receive(this::poll, this::drained,
                    () -> "every producer of " + dir.getFileName() + " closed", timeout);
        }

        /** True when every expected producer closed and every lane's messages were all taken. */
        public boolean drained() {
            if (!allProducersClosed()) {
                return false;
            }
            openNewLanes();
            for (Lane lane : lanes) {
                if (lane.taken() < lane.written()) {
                    return false;
                }
            }
            return true;
        }

        private void openNewLanes() {
            int ready = readyLanes();
            while (lanes.size() < ready) {
                int index = lanes.size();
                Lane lane = Lane.open(laneDir(index), time);
                lanes.add(lane);
                readers.add(new LaneReader(lane, () -> safeSeq(index, lane)));
                claims.lanes(lanes.size());
            }
        }

        /** Messages this consumer took. */
        public long taken() {
            return taken;
        }

        /** Releases this consumer's files (its slot stays counted). */
        @Override
        public void close() {
            control.putOrdered(hazardAt, NO_HAZARD);
            for (LaneReader r : readers) {
                r.close();
            }
            for (Lane l : lanes) {
                l.close();
            }
            readers.clear();
            lanes.clear();
        }
    }
}
