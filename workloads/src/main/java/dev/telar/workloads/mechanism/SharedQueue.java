package dev.telar.workloads.mechanism;

import dev.telar.workloads.shm.Backoff;
import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.shm.PidNamespaceStamp;
import dev.telar.workloads.words.ProcessWord;
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
 * file), so producers never contend. A producer first claims a lane index by compare-and-swap of
 * the lane's owner word (its pid and start time, {@link ProcessWord}), then makes the lane's files,
 * then marks the lane ready. Chronicle tailers each read everything, so consumers <em>claim</em>:
 * each lane has a shared "next to take" word, and a consumer owns message {@code n} of a lane once
 * its compare-and-swap moved that word from {@code n} to {@code n+1} (the word also names the
 * consumer that made the move); it then reads that message from the lane (staging area or
 * journal). Consumers look at the lanes round-robin. Each consumer has a slot holding its process
 * and its claim in progress: claiming, held (claimed, being read) or returned (handed to its
 * caller); a consumer that finds the previous claimant still marked "claiming" marks it "held"
 * for it before it claims the next message, so a claim is never in doubt.
 *
 * <p>Guarantees: no message is lost or taken twice among consumers that live; messages of one
 * producer are taken in the order it put them (across producers there is no order, as in Python).
 * A consumer killed between its claim and returning the message takes that one message with it:
 * it stays in the files but no other consumer gets it (at most once for it); {@link
 * #deadConsumerClaims()} names it (which process, which producer's message), so it is counted,
 * not silently lost. Each consumer's claim also protects journal files from deletion until it
 * read them. A producer blocks while consumers lag by {@link ExchangeLimits#capacity()} of its
 * messages, or while the directory is at its disk cap. Producers and consumers are each used by
 * one thread at a time.
 *
 * <p>No wait without an end: the stream ends once as many producers as given at creation have
 * ended, by closing or by dying (a dead producer's lane is read to its end first; a producer killed
 * after claiming a lane but before making it ready is skipped and does not hide the lanes after
 * it); {@link Consumer#take} then throws {@link ExchangeClosedException}, or {@link
 * ExchangePeerDiedException} naming a dead producer. A producer waiting for room throws {@link
 * ExchangePeerDiedException} once every consumer that joined has died (or {@link
 * ExchangeClosedException} when they all closed). Deaths are noticed within {@link
 * DeathCheck#PERIOD_NANOS} plus a read of /proc. A producer that dies before it joins is unknown
 * to the queue: whoever started it must notice (the exchange experiment's parent does).
 */
public final class SharedQueue implements AutoCloseable {
    /** Most producers (lanes) and consumers one queue can have. */
    public static final int MAX_PRODUCERS = 64;
    public static final int MAX_CONSUMERS = 64;
    private static final long SIZE = 4096;
    private static final long MAGIC = 0;
    private static final long EXPECTED = 8;
    private static final long PID_NAMESPACE = 16;
    private static final long READY = 1024;      // per lane: 1 once its files exist
    static final long OWNERS = 1536;     // per lane: the producer that claimed it (ProcessWord)
    static final long SLOTS = 2048;      // per consumer: its process (ProcessWord), its claim
    /** A consumer slot's process word once it closed. */
    private static final long SLOT_CLOSED = -1;
    /** A consumer slot's claim word when it holds no claim. */
    private static final long IDLE = Claims.IDLE;
    private static final long MAGIC_VALUE = 0x54454c4152515532L;

    private final Path dir;
    private final MappedFile control;
    private final TimeProvider time;

    private SharedQueue(Path dir, MappedFile control, TimeProvider time) {
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
        try (MappedFile l = MappedFile.map(dir.resolve("limits"), 64)) {
            l.put(0, limits.capacity());
            l.put(8, limits.diskCapBytes());
        }
        try (MappedFile c = MappedFile.map(dir.resolve("control"), SIZE)) {
            c.put(EXPECTED, producers);
            PidNamespaceStamp.write(c, PID_NAMESPACE);
            for (int i = 0; i < MAX_CONSUMERS; i++) {
                c.put(Claims.claimAt(SLOTS, i), IDLE);
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
        MappedFile c = MappedFile.map(dir.resolve("control"), SIZE);
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
        try (MappedFile l = MappedFile.map(dir.resolve("limits"), 64)) {
            return new ExchangeLimits(l.get(0), l.get(8));
        }
    }

    /** Joins as a producer (one lane of its own). */
    public Producer producer() {
        int index = claimLane();
        Lane lane = Lane.create(laneDir(index), storedLimits(), time);
        Producer producer;
        try {
            producer = new Producer(lane, index);
        } catch (RuntimeException e) {
            lane.close(); // e.g. a full disk
            throw e;
        }
        control.putOrdered(READY + index * 8L, 1);
        return producer;
    }

    /**
     * The first step of {@link #producer()}: takes the lowest free lane index for this process.
     * Lanes are claimed in index order, so the claimed ones are always 0..n-1.
     */
    int claimLane() {
        long self = ProcessWord.self();
        for (int i = 0; i < MAX_PRODUCERS; i++) {
            if (control.getVolatile(OWNERS + i * 8L) == 0 && control.compareAndSet(OWNERS + i * 8L, 0, self)) {
                return i;
            }
        }
        throw new IllegalStateException("a shared queue takes at most " + MAX_PRODUCERS + " producers");
    }

    /** Joins as a consumer. */
    public Consumer consumer() {
        long self = ProcessWord.self();
        for (int slot = 0; slot < MAX_CONSUMERS; slot++) {
            if (control.getVolatile(SLOTS + slot * 16L) == 0 && control.compareAndSet(SLOTS + slot * 16L, 0, self)) {
                return new Consumer(slot);
            }
        }
        throw new IllegalStateException("a shared queue takes at most " + MAX_CONSUMERS + " consumers");
    }

    private Path laneDir(int index) {
        return dir.resolve("lane-" + index);
    }

    private long owner(int lane) {
        return control.getVolatile(OWNERS + lane * 8L);
    }

    private boolean ready(int lane) {
        return control.getVolatile(READY + lane * 8L) == 1;
    }

    /** Lanes claimed so far, counting on from {@code known} (claimed lanes are a prefix). */
    private int claimedLanes(int known) {
        int n = known;
        while (n < MAX_PRODUCERS && owner(n) != 0) {
            n++;
        }
        return n;
    }

    private int consumerSlots() {
        int n = 0;
        while (n < MAX_CONSUMERS && control.getVolatile(SLOTS + n * 16L) != 0) {
            n++;
        }
        return n;
    }

    /** Lowest message of lane {@code lane} that some consumer may still need. */
    private long safeSeq(int lane, Lane l) {
        long safe = l.taken();
        int consumers = consumerSlots();
        for (int c = 0; c < consumers; c++) {
            long claim = control.getVolatile(Claims.claimAt(SLOTS, c));
            if (claim != IDLE && Claims.laneOf(claim) == lane && Claims.stateOf(claim) != Claims.RETURNED) {
                long who = control.getVolatile(SLOTS + c * 16L);
                if (who != SLOT_CLOSED && ProcessWord.alive(who)) {
                    safe = Math.min(safe, Claims.seqOf(claim));
                }
            }
        }
        return safe;
    }

    /**
     * Why no consumer will make room for a waiting producer, or null while one may: every consumer
     * that joined has closed or died (none joined yet: null, they may still come).
     */
    private ExchangeClosedException consumersGone() {
        int consumers = consumerSlots();
        long deadPid = 0;
        int dead = 0;
        for (int c = 0; c < consumers; c++) {
            long who = control.getVolatile(SLOTS + c * 16L);
            if (who == SLOT_CLOSED) {
                continue;
            }
            if (ProcessWord.alive(who)) {
                return null;
            }
            dead++;
            if (deadPid == 0) {
                deadPid = ProcessWord.pid(who);
            }
        }
        if (consumers == 0) {
            return null;
        }
        if (dead == 0) {
            return new ExchangeClosedException("every consumer of " + dir.getFileName() + " closed");
        }
        return new ExchangePeerDiedException("every consumer of " + dir.getFileName() + " is gone: " + dead
                + " died (pid " + deadPid + (dead > 1 ? " and others" : "") + ")", deadPid);
    }

    /**
     * Why the stream has ended, or null while a message may still come. It has ended once as many
     * producers as expected have ended (closed, or died: then only when {@code lookAtDeaths}) and
     * every message of theirs was taken.
     *
     * @param laneOf the open lane of an index, or null when it is not open (not ready yet)
     */
    private ExchangeClosedException streamEnd(int claimed, java.util.function.IntFunction<Lane> laneOf,
                                              boolean lookAtDeaths) {
        long expected = control.getVolatile(EXPECTED);
        if (expected <= 0 || claimed < expected) {
            return null;
        }
        int ended = 0;
        long deadPid = 0;
        long deadMessages = 0;
        for (int i = 0; i < claimed; i++) {
            Lane lane = laneOf.apply(i);
            if (lane != null && lane.closed()) {
                if (lane.taken() < lane.written()) {
                    return null;
                }
                ended++;
                continue;
            }
            if (!lookAtDeaths) {
                return null;
            }
            long owner = owner(i);
            if (ProcessWord.alive(owner)) {
                return null;
            }
            // Dead first, then the counts: a dead producer adds nothing after it.
            if (lane == null ? ready(i) : lane.taken() < lane.written()) {
                return null; // its messages are still to be taken (or its lane still to be opened)
            }
            ended++;
            if (deadPid == 0) {
                deadPid = ProcessWord.pid(owner);
                deadMessages = lane == null ? 0 : lane.written();
            }
        }
        if (ended < expected) {
            return null;
        }
        if (deadPid == 0) {
            return new ExchangeClosedException("every producer of " + dir.getFileName() + " closed");
        }
        return new ExchangePeerDiedException("every producer of " + dir.getFileName() + " ended; producer pid "
                + deadPid + " died after putting " + deadMessages + " messages, all taken", deadPid);
    }

    /** Counters of the whole queue, for the exchange experiment's statistics. */
    public Counters counters() {
        long written = 0;
        long taken = 0;
        long waits = 0;
        long deleted = 0;
        int producersAlive = 0;
        int lanes = claimedLanes(0);
        for (int i = 0; i < lanes; i++) {
            if (!ready(i)) {
                continue;
            }
            try (Lane l = Lane.open(laneDir(i), time)) {
                written += l.written();
                taken += l.taken();
                waits += l.waits() + l.diskWaits();
                deleted += l.deletedFiles();
                if (!l.closed() && ProcessWord.alive(owner(i))) {
                    producersAlive++;
                }
            }
        }
        int consumersAlive = 0;
        int consumers = consumerSlots();
        for (int c = 0; c < consumers; c++) {
            long who = control.getVolatile(SLOTS + c * 16L);
            if (who != SLOT_CLOSED && ProcessWord.alive(who)) {
                consumersAlive++;
            }
        }
        return new Counters(written, taken, waits, deleted, producersAlive, consumersAlive,
                deadConsumerClaims().stream().filter(d -> !d.returned()).count());
    }

    /** Messages written so far by each producer, by the pid of its process. */
    public java.util.Map<Long, Long> writtenByProducerPid() {
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        int lanes = claimedLanes(0);
        for (int i = 0; i < lanes; i++) {
            if (!ready(i)) {
                continue;
            }
            try (Lane l = Lane.open(laneDir(i), time)) {
                out.merge(ProcessWord.pid(owner(i)), l.written(), Long::sum);
            }
        }
        return out;
    }

    /**
     * Totals over the lanes.
     *
     * @param written               messages put
     * @param taken                 messages claimed by consumers
     * @param waits                 times a producer waited on back-pressure or the disk cap
     * @param deletedFiles          journal files deleted after everyone read them
     * @param producersAlive        producers not closed whose process lives
     * @param consumersAlive        consumers not closed whose process lives
     * @param claimedByDeadConsumers messages claimed by a consumer that died before returning them
     */
    public record Counters(long written, long taken, long waits, long deletedFiles, int producersAlive,
                           int consumersAlive, long claimedByDeadConsumers) {
    }

    /**
     * A claim left by a consumer whose process died (and had not closed).
     *
     * @param pid      the dead consumer's process
     * @param producer the lane (producer index, in joining order) the message came from
     * @param sequence the message's number within that producer's messages (0, 1, ...)
     * @param returned true when the consumer had handed the message to its caller (delivered; the
     *                 caller may not have used it); false when it had claimed it and died before
     *                 returning it: no one else will get that message
     */
    public record DeadConsumerClaim(long pid, int producer, long sequence, boolean returned) {
    }

    /** The claims of every consumer that died without closing, in slot order. */
    public List<DeadConsumerClaim> deadConsumerClaims() {
        List<DeadConsumerClaim> out = new ArrayList<>();
        int consumers = consumerSlots();
        for (int c = 0; c < consumers; c++) {
            long who = control.getVolatile(SLOTS + c * 16L);
            long claim = control.getVolatile(Claims.claimAt(SLOTS, c));
            if (who == SLOT_CLOSED || claim == IDLE || ProcessWord.alive(who)) {
                continue;
            }
            int lane = Claims.laneOf(claim);
            long seq = Claims.seqOf(claim);
            switch (Claims.stateOf(claim)) {
                case Claims.HELD -> out.add(new DeadConsumerClaim(ProcessWord.pid(who), lane, seq, false));
                case Claims.RETURNED -> out.add(new DeadConsumerClaim(ProcessWord.pid(who), lane, seq, true));
                default -> {
                    // Claiming: it got the message only if its move of the lane's word went through,
                    // and then nobody moved the word on (whoever does first marks the claim held).
                    try (Lane l = Lane.open(laneDir(lane), time)) {
                        if (l.control().getVolatile(Lane.TAKEN) == ((seq + 1) << Lane.CLAIMANT_BITS | (c + 1))) {
                            out.add(new DeadConsumerClaim(ProcessWord.pid(who), lane, seq, false));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** True when the stream has ended (see {@link Consumer#take}) and every message was taken. */
    public boolean finished() {
        int claimed = claimedLanes(0);
        List<Lane> open = new ArrayList<>();
        try {
            return streamEnd(claimed, i -> {
                if (!ready(i)) {
                    return null;
                }
                Lane l = Lane.open(laneDir(i), time);
                open.add(l);
                return l;
            }, true) != null;
        } finally {
            open.forEach(Lane::close);
        }
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
            this.writer = new LaneWriter(lane, dir, () -> safeSeq(index, lane), SharedQueue.this::consumersGone);
        }

        /**
         * Puts one message; blocks while consumers lag by the capacity or the disk is full.
         *
         * @throws ExchangePeerDiedException when every consumer died while this producer waited
         */
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
            }
        }
    }

    /** Takes messages; each message goes to exactly one consumer. One thread at a time. */
    public final class Consumer implements AutoCloseable {
        /** Longest wait for a claimed message to become readable before giving up on it. */
        private static final long FETCH_LIMIT_NANOS = 10_000_000_000L;
        private final int slot;
        private final Claims claims;
        private final Lane[] lanes = new Lane[MAX_PRODUCERS];
        private final LaneReader[] readers = new LaneReader[MAX_PRODUCERS];
        private final Backoff backoff = Backoff.patient();
        private final Backoff fetchWait = new Backoff();
        private final DeathCheck deathCheck = new DeathCheck();
        private int claimed;
        private int firstUnopened;
        private int start;
        private long taken;
        private boolean closed;

        private Consumer(int slot) {
            this.slot = slot;
            this.claims = new Claims(control, SLOTS, slot, MAX_PRODUCERS);
        }

        /** The next message if one is there now, else null (never waits for a producer). */
        public Packet poll() {
            long held = claimNext();
            if (held == IDLE) {
                return null;
            }
            int i = Claims.laneOf(held);
            long seq = Claims.seqOf(held);
            LaneReader reader = readers[i];
            fetch(reader, i, seq);
            claims.returned(held);
            start = i + 1;
            taken++;
            return new Packet(reader.key, reader.value);
        }

        /**
         * The first half of {@link #poll()}: claims the next message of some lane, round-robin.
         *
         * @return its claim word, marked held; {@link #IDLE} when no message is there now
         */
        long claimNext() {
            openNewLanes();
            int n = claimed;
            for (int t = 0; t < n; t++) {
                int i = (start + t) % n;
                Lane lane = lanes[i];
                if (lane == null) {
                    continue;
                }
                long held = claims.claim(i, lane.control(), Lane.TAKEN, lane.staging());
                if (held != IDLE) {
                    return held;
                }
            }
            claims.idle();
            return IDLE;
        }

        private void fetch(LaneReader reader, int lane, long seq) {
            fetchWait.reset();
            long since = System.nanoTime();
            while (!reader.fetch(seq)) {
                // Written, so it is there: only its journal page is not visible yet.
                if (System.nanoTime() - since > FETCH_LIMIT_NANOS) {
                    throw new IllegalStateException("message " + seq + " of producer " + lane + " of "
                            + dir.getFileName() + " was written but could not be read within 10 s");
                }
                fetchWait.idle();
            }
        }

        /**
         * Takes the next message, waiting for one.
         *
         * @throws ExchangeClosedException   when every producer closed and all messages were taken
         * @throws ExchangePeerDiedException when every producer ended, some by dying, and all their
         *                                   messages were taken
         */
        public Packet take() {
            return take(null);
        }

        /**
         * Takes the next message, waiting at most {@code timeout}.
         *
         * @return null when none came in time
         * @throws ExchangeClosedException   when every producer closed and all messages were taken
         * @throws ExchangePeerDiedException when every producer ended, some by dying, and all their
         *                                   messages were taken
         */
        public Packet take(Duration timeout) {
            Packet m = poll(); // the usual case, without building the waiting loop's callbacks
            if (m != null) {
                return m;
            }
            return ReceiveLoop.receive(backoff, this::poll, () -> streamEnd(claimed, i -> lanes[i], deathCheck.due()), timeout);
        }

        /** True when every expected producer ended (closed or died) and all their messages were taken. */
        public boolean drained() {
            openNewLanes();
            return streamEnd(claimed, i -> lanes[i], true) != null;
        }

        private void openNewLanes() {
            claimed = claimedLanes(claimed);
            while (firstUnopened < claimed && lanes[firstUnopened] != null) {
                firstUnopened++;
            }
            for (int i = firstUnopened; i < claimed; i++) {
                if (lanes[i] == null && ready(i)) {
                    Lane lane = Lane.open(laneDir(i), time);
                    int index = i;
                    lanes[i] = lane;
                    readers[i] = new LaneReader(lane, () -> safeSeq(index, lane));
                }
            }
        }

        /** Messages this consumer took. */
        public long taken() {
            return taken;
        }

        /** Releases this consumer's files; its slot stays taken, marked closed. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            claims.idle();
            control.putOrdered(SLOTS + slot * 16L, SLOT_CLOSED);
            for (int i = 0; i < MAX_PRODUCERS; i++) {
                if (readers[i] != null) {
                    readers[i].close();
                    lanes[i].close();
                    readers[i] = null;
                    lanes[i] = null;
                }
            }
        }
    }
}
