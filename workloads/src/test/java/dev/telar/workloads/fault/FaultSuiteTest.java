package dev.telar.workloads.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.mechanism.ExchangeClosedException;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.mechanism.ExchangePeerDiedException;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.mechanism.NumberType;
import dev.telar.workloads.mechanism.Packet;
import dev.telar.workloads.mechanism.Pipe;
import dev.telar.workloads.mechanism.PipeEnd;
import dev.telar.workloads.mechanism.SharedArray;
import dev.telar.workloads.mechanism.SharedDict;
import dev.telar.workloads.mechanism.SharedQueue;
import dev.telar.workloads.mechanism.SharedValue;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildExit;
import dev.telar.workloads.shm.ProcessMutex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fault suite: for every exchange mechanism and every role a child process can play in it, a
 * child JVM is killed with SIGKILL at a random point, {@link #RUNS} times, while the survivors (this
 * JVM's threads, or the grandchildren of a killed collector) go on. Each run asserts:
 * <ul>
 *   <li>it ends within {@link #END_LIMIT} of the kill (the survivors see the death: no hang);</li>
 *   <li>no acknowledged message or increment is lost and none is delivered twice — what
 *       "acknowledged" means for each role is said at its case;</li>
 *   <li>no process is left (the killed child is gone, and so is any child it had) and no file is
 *       left (the run directory is removed).</li>
 * </ul>
 * Kill points come from a seeded random generator: a message or increment count (or, for the
 * collector, a delay). The seed is {@code -Dtelar.fault.seed} (default {@value #DEFAULT_SEED}), printed
 * first, so a failing run can be replayed; {@code -Dtelar.fault.runs} changes the number of runs and
 * {@code -Dtelar.fault.cases=PIPE_WRITER,DICT} picks cases.
 * The figures of the whole suite are printed at the end in one line.
 */
@Tag("fault")
@Timeout(180)
class FaultSuiteTest {
    static final long DEFAULT_SEED = 20_261_204L;
    static final long SEED = Long.getLong("telar.fault.seed", DEFAULT_SEED);
    static final int RUNS = Integer.getInteger("telar.fault.runs", 8);
    /** A run must end within this after the kill. */
    static final Duration END_LIMIT = Duration.ofSeconds(5);
    /** Longest wait for a victim to reach its kill point (its JVM may still be starting). */
    private static final Duration READY_LIMIT = Duration.ofSeconds(60);

    @TempDir
    static Path base;
    /** Places for run directories must be owner-only (RunDirectory refuses others). */
    private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY =
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    private static Standbys standbys;
    private static final Tally TALLY = new Tally();

    /** Each mechanism with each role a killed child can play in it. */
    enum Case {
        /** Pipe, the child writes; acknowledged: a message whose send returned. */
        PIPE_WRITER,
        /** Pipe, the child reads while this JVM writes; acknowledged: a message the child received. */
        PIPE_READER,
        /** Queue, the child is one of two producers; acknowledged: a message whose put returned. */
        QUEUE_PRODUCER,
        /** Queue, the child is one of two consumers; acknowledged: a message whose put returned. */
        QUEUE_CONSUMER,
        /** Value, the child adds under the lock; acknowledged: an addition whose acknowledgement was written under the lock. */
        VALUE,
        /** Array, as value on element 0. */
        ARRAY,
        /** Dict, as value on key "total". */
        DICT,
        /** The exchange experiment's parent (the collector of a pipe) killed; its child must go. */
        PIPE_COLLECTOR,
        /** The exchange experiment's parent (the consumer of a queue) killed; its child must go. */
        QUEUE_COLLECTOR
    }

    /**
     * What one run found.
     *
     * @param endNanos   from the kill to the survivors' end (or to the last process gone)
     * @param hang       the run did not end within {@link #END_LIMIT}
     * @param lost       acknowledged messages or increments missing
     * @param duplicates messages delivered twice (or out of order), increments counted twice
     * @param leftovers  processes and directories left
     * @param deadClaims messages claimed by the dead consumer (counted, not lost)
     * @param problem    what was wrong, or null
     */
    record Outcome(long endNanos, boolean hang, long lost, long duplicates, int leftovers, long deadClaims,
                   String problem) {
    }

    /** Sums over the suite. Thread-safe. */
    static final class Tally {
        private final long started = System.nanoTime();
        private int cases;
        private int runs;
        private int kills;
        private int hangs;
        private long lost;
        private long duplicates;
        private long leftovers;
        private long deadClaims;
        private long longestEnd;
        private long victimTicks;

        synchronized void add(Outcome o) {
            runs++;
            kills++;
            hangs += o.hang() ? 1 : 0;
            lost += o.lost();
            duplicates += o.duplicates();
            leftovers += o.leftovers();
            deadClaims += o.deadClaims();
            longestEnd = Math.max(longestEnd, o.endNanos());
        }

        /** Adds the CPU time the process has used so far (read from /proc just before its kill). */
        synchronized void victimCpu(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                victimTicks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            } catch (java.io.IOException | RuntimeException e) {
                // gone already: nothing to add
            }
        }

        synchronized void caseDone() {
            cases++;
        }

        synchronized String line(int jvms) {
            return String.format(Locale.ROOT, "fault suite: cases %d, runs %d, kills %d, hangs %d, lost %d, duplicates %d,"
                            + " leftovers %d, claimed by dead consumers %d, longest end %.2f s, child JVMs %d, wall %.0f s,"
                            + " seed %d", cases, runs, kills, hangs, lost, duplicates, leftovers, deadClaims,
                    longestEnd / 1e9, jvms, (System.nanoTime() - started) / 1e9, SEED)
                    + String.format(Locale.ROOT, " (CPU: victims %.0f s, this JVM %.0f s)", victimTicks / 100.0,
                    ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1e3).orElse(Double.NaN));
        }
    }

    @BeforeAll
    static void startStandbys() throws Exception {
        System.out.println("fault suite seed " + SEED + " (replay with -Dtelar.fault.seed=" + SEED + "), " + RUNS
                + " runs per case");
        standbys = new Standbys(base, 2);
    }

    @AfterAll
    static void report() {
        standbys.close();
        System.out.println(TALLY.line(standbys.started()));
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void aChildKilledAtRandomNeverLeavesTheOthersWaitingNorLosesWhatWasAcknowledged(Case c) throws Exception {
        String only = System.getProperty("telar.fault.cases", "");
        org.junit.jupiter.api.Assumptions.assumeTrue(only.isEmpty() || List.of(only.split(",")).contains(c.name()),
                "not among -Dtelar.fault.cases");
        Random random = new Random(SEED * 31 + c.ordinal());
        List<String> problems = new ArrayList<>();
        // Run directories go into an owner-only place, as RunDirectory requires of any place it uses.
        Path runs = Files.createDirectories(base.resolve(c.name().toLowerCase(Locale.ROOT)), OWNER_ONLY);
        long started = System.nanoTime();
        long longest = 0;
        long deadClaims = 0;
        for (int i = 0; i < RUNS; i++) {
            Outcome o = runOnce(c, random, runs);
            TALLY.add(o);
            longest = Math.max(longest, o.endNanos());
            deadClaims += o.deadClaims();
            if (o.problem() != null || o.hang() || o.lost() > 0 || o.duplicates() > 0 || o.leftovers() > 0) {
                String p = c + " run " + i + ": " + o;
                problems.add(p);
                System.out.println("fault suite: " + p);
            }
        }
        TALLY.caseDone();
        System.out.printf(Locale.ROOT, "fault case %s: runs %d, problems %d, longest end %.2f s%s, wall %.1f s%n", c,
                RUNS, problems.size(), longest / 1e9, c == Case.QUEUE_CONSUMER ? ", claimed by dead consumers "
                        + deadClaims : "", (System.nanoTime() - started) / 1e9);
        try (Stream<Path> left = Files.list(runs)) {
            assertThat(left).as("run directories left").isEmpty();
        }
        assertThat(problems).as("%s with seed %d", c, SEED).isEmpty();
    }

    private Outcome runOnce(Case c, Random random, Path runs) throws Exception {
        Path dir;
        Outcome o;
        Child victim = standbys.take();
        try (RunDirectory run = RunDirectory.create(runs)) {
            dir = run.path();
            o = switch (c) {
                case PIPE_WRITER -> pipeWriter(dir, victim, random);
                case PIPE_READER -> pipeReader(dir, victim, random);
                case QUEUE_PRODUCER -> queueProducer(dir, victim, random);
                case QUEUE_CONSUMER -> queueConsumer(dir, victim, random);
                case VALUE, ARRAY, DICT -> increments(c, dir, victim, random);
                case PIPE_COLLECTOR -> collector(Mechanism.PIPE, dir, victim, random);
                case QUEUE_COLLECTOR -> collector(Mechanism.QUEUE, dir, victim, random);
            };
        } finally {
            victim.kill();
        }
        return withLeftovers(o, victim, dir);
    }

    /** Adds what is left: the victim alive, processes naming the run directory, the directory itself. */
    private static Outcome withLeftovers(Outcome o, Child victim, Path dir) throws InterruptedException {
        int left = 0;
        List<String> why = new ArrayList<>();
        Optional<ChildExit> exit = victim.join(END_LIMIT);
        if (exit.isEmpty()) {
            left++;
            why.add("victim " + victim.pid() + " still alive");
        } else if (exit.get().signal() != 9) {
            why.add("victim " + victim.pid() + " ended by itself before the kill: " + exit.get().describe() + " "
                    + victim.lastError());
        }
        List<Long> procs = Leftovers.mentioning(dir.toString(), standbys.waitingPids());
        for (long pid : procs) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        left += procs.size();
        if (!procs.isEmpty()) {
            why.add("processes left: " + procs);
        }
        if (Files.exists(dir)) {
            left++;
            why.add("directory left: " + dir);
        }
        String problem = o.problem();
        if (!why.isEmpty()) {
            problem = (problem == null ? "" : problem + "; ") + String.join("; ", why);
        }
        return new Outcome(o.endNanos(), o.hang(), o.lost(), o.duplicates(), left, o.deadClaims(), problem);
    }

    // ---- pipe -------------------------------------------------------------------------------

    /**
     * The child writes keys 0, 1, 2, ... to end B and acknowledges each send that returned; this JVM
     * reads end A. Expected: the reader gets keys 0..R-1 in order, with A &lt;= R &lt;= A + 1 for A
     * acknowledged at the kill (one message may be sent but not yet acknowledged), then
     * {@link ExchangePeerDiedException} naming the child.
     */
    private Outcome pipeWriter(Path dir, Child victim, Random random) throws Exception {
        Pipe.create(FaultChild.pipeDir(dir), ExchangeLimits.defaults().withCapacity(16L << random.nextInt(6)));
        long killPoint = 1 + random.nextInt(20_000);
        try (SharedArray acks = acks(dir, 0); PipeEnd a = Pipe.open(FaultChild.pipeDir(dir), Pipe.Side.A)) {
            AtomicLong received = new AtomicLong();
            AtomicLong disorder = new AtomicLong();
            AtomicReference<Object> end = new AtomicReference<>();
            AtomicLong endedAt = new AtomicLong();
            Thread reader = daemon("fault-pipe-reader", () -> {
                try {
                    while (true) {
                        Packet m = a.recv(READY_LIMIT);
                        if (m == null) {
                            end.set("no message for " + READY_LIMIT.toSeconds() + " s");
                            return;
                        }
                        if (m.key() != received.getAndIncrement()) {
                            disorder.incrementAndGet();
                        }
                    }
                } catch (RuntimeException e) {
                    end.set(e);
                } finally {
                    endedAt.set(System.nanoTime());
                }
            });
            victim.sendLine("pipe-writer " + dir);
            String late = awaitAck(acks, FaultChild.READY, 1, victim);
            if (late == null) {
                late = awaitAck(acks, FaultChild.ACKED, killPoint, victim);
            }
            long killed = kill(victim);
            gone(victim);
            reader.join(END_LIMIT.toMillis());
            long acked = (long) acks.get(FaultChild.ACKED);
            if (late != null) {
                return failed(late);
            }
            if (reader.isAlive()) {
                stop(reader);
                return hang("the reader still waits " + END_LIMIT.toSeconds() + " s after the writer's kill");
            }
            String problem = peerDied(end.get(), victim);
            long r = received.get();
            return new Outcome(endedAt.get() - killed, false, Math.max(0, acked - r), disorder.get(), 0, 0,
                    problem != null ? problem : r > acked + 1 ? "received " + r + " but only " + acked + " acknowledged"
                            : null);
        }
    }

    /**
     * The child reads end B and acknowledges each message received (and flags one out of order);
     * this JVM writes end A, soon held back by the capacity. Expected: the blocked send throws
     * {@link ExchangePeerDiedException} naming the child; the messages the pipe counts as taken
     * are those acknowledged, plus at most the one being received at the kill.
     */
    private Outcome pipeReader(Path dir, Child victim, Random random) throws Exception {
        Pipe.create(FaultChild.pipeDir(dir), ExchangeLimits.defaults().withCapacity(16L << random.nextInt(6)));
        long killPoint = 1 + random.nextInt(20_000);
        try (SharedArray acks = acks(dir, 0); PipeEnd a = Pipe.open(FaultChild.pipeDir(dir), Pipe.Side.A)) {
            AtomicLong sent = new AtomicLong();
            AtomicReference<Object> end = new AtomicReference<>();
            AtomicLong endedAt = new AtomicLong();
            Thread writer = daemon("fault-pipe-writer", () -> {
                try {
                    for (long k = 0; ; k++) {
                        a.send(k, k);
                        sent.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    end.set(e);
                } finally {
                    endedAt.set(System.nanoTime());
                }
            });
            victim.sendLine("pipe-reader " + dir);
            String late = awaitAck(acks, FaultChild.READY, 1, victim);
            if (late == null) {
                late = awaitAck(acks, FaultChild.ACKED, killPoint, victim);
            }
            long killed = kill(victim);
            gone(victim);
            writer.join(END_LIMIT.toMillis());
            if (late != null) {
                return failed(late);
            }
            if (writer.isAlive()) {
                stop(writer);
                return hang("the writer still waits " + END_LIMIT.toSeconds() + " s after the reader's kill");
            }
            long acked = (long) acks.get(FaultChild.ACKED);
            long taken = sent.get() - a.backlog();
            String problem = peerDied(end.get(), victim);
            if (problem == null && (taken < acked || taken > acked + 1)) {
                problem = "the pipe counts " + taken + " taken, the reader acknowledged " + acked;
            }
            return new Outcome(endedAt.get() - killed, false, Math.max(0, acked - taken),
                    (long) acks.get(FaultChild.DISORDER), 0, 0, problem);
        }
    }

    // ---- queue ------------------------------------------------------------------------------

    /**
     * Two producers, the child and a thread here (which puts a few thousand and closes); one
     * consumer here. Expected: the consumer gets all of the thread's messages once, and the
     * child's keys 0..R-1 in order with A &lt;= R &lt;= A + 1 for A acknowledged at the kill, then
     * {@link ExchangePeerDiedException} naming the child.
     */
    private Outcome queueProducer(Path dir, Child victim, Random random) throws Exception {
        Path q = FaultChild.queueDir(dir);
        SharedQueue.create(q, 2, ExchangeLimits.defaults().withCapacity(64L << random.nextInt(7)));
        long killPoint = random.nextInt(20_000);
        int others = 1_000 + random.nextInt(5_000);
        try (SharedArray acks = acks(dir, 0); SharedQueue queue = SharedQueue.open(q);
             SharedQueue.Consumer consumer = queue.consumer()) {
            AtomicLong fromVictim = new AtomicLong();
            AtomicLong disorder = new AtomicLong();
            BitSet fromOther = new BitSet();
            AtomicReference<Object> end = new AtomicReference<>();
            AtomicLong endedAt = new AtomicLong();
            Thread taker = daemon("fault-queue-consumer", () -> {
                try {
                    while (true) {
                        Packet m = consumer.take(READY_LIMIT);
                        if (m == null) {
                            end.set("nothing taken for " + READY_LIMIT.toSeconds() + " s");
                            return;
                        }
                        long k = m.key() & 0xFFFF_FFFFL;
                        if (m.key() >>> 32 == 1) {
                            if (k != fromVictim.getAndIncrement()) {
                                disorder.incrementAndGet();
                            }
                        } else {
                            synchronized (fromOther) {
                                if (fromOther.get((int) k)) {
                                    disorder.incrementAndGet();
                                }
                                fromOther.set((int) k);
                            }
                        }
                    }
                } catch (RuntimeException e) {
                    end.set(e);
                } finally {
                    endedAt.set(System.nanoTime());
                }
            });
            victim.sendLine("queue-producer " + dir);
            Thread other = daemon("fault-queue-producer", () -> {
                try (SharedQueue.Producer p = queue.producer()) {
                    for (long k = 0; k < others; k++) {
                        p.put(2L << 32 | k, k);
                    }
                }
            });
            String late = awaitAck(acks, FaultChild.READY, 1, victim);
            if (late == null) {
                late = awaitAck(acks, FaultChild.ACKED, killPoint, victim);
            }
            long killed = kill(victim);
            gone(victim);
            taker.join(END_LIMIT.toMillis());
            other.join(END_LIMIT.toMillis());
            if (late != null) {
                return failed(late);
            }
            if (taker.isAlive()) {
                stop(taker);
                return hang("the consumer still waits " + END_LIMIT.toSeconds() + " s after the producer's kill");
            }
            long acked = (long) acks.get(FaultChild.ACKED);
            long r = fromVictim.get();
            int otherCount;
            synchronized (fromOther) {
                otherCount = fromOther.cardinality();
            }
            String problem = peerDied(end.get(), victim);
            if (problem == null && r > acked + 1) {
                problem = "took " + r + " of the dead producer's messages, only " + acked + " acknowledged";
            }
            return new Outcome(endedAt.get() - killed, false, Math.max(0, acked - r) + (others - otherCount),
                    disorder.get(), 0, 0, problem);
        }
    }

    /**
     * One producer here, two consumers: the child (which logs every key it takes, then counts it)
     * and a thread here. The producer puts until the kill and 500 more, then closes. Expected:
     * every key put is taken exactly once: by the thread, by the child (logged, or handed to it at
     * the kill) or held by the child's claim at the kill (counted as "claimed by dead pid"); the
     * thread then gets the end of the stream.
     */
    private Outcome queueConsumer(Path dir, Child victim, Random random) throws Exception {
        Path q = FaultChild.queueDir(dir);
        SharedQueue.create(q, 1, ExchangeLimits.defaults().withCapacity(64L << random.nextInt(7)));
        long killPoint = 1 + random.nextInt(5_000);
        try (SharedArray acks = acks(dir, 1 << 20); SharedQueue queue = SharedQueue.open(q);
             SharedQueue.Consumer consumer = queue.consumer()) {
            victim.sendLine("queue-consumer " + dir);
            String late = awaitAck(acks, FaultChild.READY, 1, victim);
            AtomicBoolean killedFlag = new AtomicBoolean();
            AtomicLong put = new AtomicLong();
            Thread producer = daemon("fault-queue-producer", () -> {
                try (SharedQueue.Producer p = queue.producer()) {
                    long extra = 0;
                    for (long k = 0; extra < 500; k++) {
                        p.put(k, k);
                        put.incrementAndGet();
                        if (killedFlag.get()) {
                            extra++;
                        }
                    }
                }
            });
            BitSet taken = new BitSet();
            AtomicLong twice = new AtomicLong();
            AtomicReference<Object> end = new AtomicReference<>();
            AtomicLong endedAt = new AtomicLong();
            Thread taker = daemon("fault-queue-consumer", () -> {
                try {
                    while (true) {
                        Packet m = consumer.take(READY_LIMIT);
                        if (m == null) {
                            end.set("nothing taken for " + READY_LIMIT.toSeconds() + " s");
                            return;
                        }
                        synchronized (taken) {
                            if (taken.get((int) m.key())) {
                                twice.incrementAndGet();
                            }
                            taken.set((int) m.key());
                        }
                    }
                } catch (RuntimeException e) {
                    end.set(e);
                } finally {
                    endedAt.set(System.nanoTime());
                }
            });
            if (late == null) {
                late = awaitAck(acks, FaultChild.ACKED, killPoint, victim);
            }
            killedFlag.set(true);
            long killed = kill(victim);
            gone(victim);
            producer.join(END_LIMIT.toMillis());
            taker.join(END_LIMIT.toMillis());
            if (late != null) {
                return failed(late);
            }
            if (taker.isAlive() || producer.isAlive()) {
                stop(taker);
                stop(producer);
                return hang("the surviving consumer or the producer still waits " + END_LIMIT.toSeconds()
                        + " s after the consumer's kill");
            }
            if (acks.get(FaultChild.DISORDER) != 0) {
                return failed("the dead consumer's log overflowed");
            }
            // Every key counted once: by the thread, the child's log, or the child's claim at its death.
            int[] seen = new int[(int) put.get()];
            synchronized (taken) {
                for (int k = taken.nextSetBit(0); k >= 0; k = taken.nextSetBit(k + 1)) {
                    seen[k]++;
                }
            }
            long logged = (long) acks.get(FaultChild.ACKED);
            BitSet inLog = new BitSet();
            for (int n = 0; n <= logged && FaultChild.LOG + n < acks.length(); n++) {
                long key = (long) acks.get(FaultChild.LOG + n) - 1; // the slot after the count: written, not yet counted
                if (key >= 0 && !inLog.get((int) key)) {
                    inLog.set((int) key);
                    seen[(int) key]++;
                }
            }
            long claimedByDead = 0;
            String problem = null;
            for (SharedQueue.DeadConsumerClaim claim : queue.deadConsumerClaims()) {
                if (claim.pid() != victim.pid()) {
                    problem = "a dead claim of another process: " + claim;
                }
                int key = (int) claim.sequence();
                if (claim.returned()) {
                    if (!inLog.get(key)) { // handed over, not logged yet: still delivered once
                        seen[key]++;
                    }
                } else {
                    claimedByDead++;
                    seen[key]++;
                }
            }
            long lost = 0;
            long duplicates = twice.get();
            for (int s : seen) {
                lost += s == 0 ? 1 : 0;
                duplicates += s > 1 ? s - 1 : 0;
            }
            if (problem == null && !(end.get() instanceof ExchangeClosedException)) {
                problem = "the surviving consumer ended with " + end.get();
            }
            return new Outcome(endedAt.get() - killed, false, lost, duplicates, 0, claimedByDead, problem);
        }
    }

    // ---- value, array, dict -----------------------------------------------------------------

    /**
     * The child and a thread here each add 1 in a loop under the mechanism's lock, and acknowledge
     * each addition within the lock. The thread goes on until 200 additions after the kill.
     * Expected: total = the thread's additions + the child's acknowledged ones, plus 1 only when
     * the child died holding the lock (it may have added, not yet acknowledged): the lock then
     * shows a takeover.
     */
    private Outcome increments(Case c, Path dir, Child victim, Random random) throws Exception {
        long killPoint = 1 + random.nextInt(20_000);
        try (SharedArray acks = acks(dir, 0); Counter counter = Counter.create(c, dir)) {
            AtomicBoolean killedFlag = new AtomicBoolean();
            AtomicLong mine = new AtomicLong();
            AtomicLong endedAt = new AtomicLong();
            AtomicReference<Object> end = new AtomicReference<>();
            victim.sendLine(c.name().toLowerCase(Locale.ROOT) + " " + dir);
            String late = awaitAck(acks, FaultChild.READY, 1, victim);
            Thread adder = daemon("fault-adder", () -> {
                try {
                    long after = 0;
                    while (after < 200) {
                        counter.addOne();
                        mine.incrementAndGet();
                        if (killedFlag.get()) {
                            after++;
                        }
                    }
                } catch (RuntimeException e) {
                    end.set(e);
                } finally {
                    endedAt.set(System.nanoTime());
                }
            });
            if (late == null) {
                late = awaitAck(acks, FaultChild.ACKED, killPoint, victim);
            }
            killedFlag.set(true);
            long killed = kill(victim);
            gone(victim);
            adder.join(END_LIMIT.toMillis());
            if (late != null) {
                return failed(late);
            }
            if (adder.isAlive()) {
                stop(adder);
                return hang("the surviving adder still waits " + END_LIMIT.toSeconds() + " s after the kill");
            }
            if (end.get() != null) {
                return failed("the surviving adder failed: " + end.get());
            }
            long total = counter.total();
            long acknowledged = mine.get() + (long) acks.get(FaultChild.ACKED);
            long inFlight = counter.lock().recoveries() > 0 ? 1 : 0;
            long lost = Math.max(0, acknowledged - total);
            long twice = Math.max(0, total - acknowledged - inFlight);
            return new Outcome(endedAt.get() - killed, false, lost, twice, 0, 0, null);
        }
    }

    /** The shared number of a value, array or dict case, as this JVM's thread uses it. */
    private interface Counter extends AutoCloseable {
        void addOne();

        long total();

        ProcessMutex lock();

        @Override
        void close();

        static Counter create(Case c, Path dir) {
            return switch (c) {
                case VALUE -> {
                    SharedValue v = SharedValue.create(FaultChild.valueFile(dir), NumberType.LONG, 0);
                    yield new Counter() {
                        public void addOne() {
                            v.lock().lock();
                            try {
                                v.set(v.getLong() + 1);
                            } finally {
                                v.lock().unlock();
                            }
                        }

                        public long total() {
                            return v.getLong();
                        }

                        public ProcessMutex lock() {
                            return v.lock();
                        }

                        public void close() {
                            v.close();
                        }
                    };
                }
                case ARRAY -> {
                    SharedArray a = SharedArray.create(FaultChild.arrayFile(dir), NumberType.LONG, 1);
                    yield new Counter() {
                        public void addOne() {
                            a.lock().lock();
                            try {
                                a.set(0, a.get(0) + 1);
                            } finally {
                                a.lock().unlock();
                            }
                        }

                        public long total() {
                            return (long) a.get(0);
                        }

                        public ProcessMutex lock() {
                            return a.lock();
                        }

                        public void close() {
                            a.close();
                        }
                    };
                }
                case DICT -> {
                    SharedDict d = SharedDict.create(FaultChild.dictFile(dir), 16);
                    d.put("total", 0);
                    yield new Counter() {
                        public void addOne() {
                            d.lock().lock();
                            try {
                                d.add("total", 1);
                            } finally {
                                d.lock().unlock();
                            }
                        }

                        public long total() {
                            return d.get("total").longValue();
                        }

                        public ProcessMutex lock() {
                            return d.lock();
                        }

                        public void close() {
                            d.close();
                        }
                    };
                }
                default -> throw new IllegalArgumentException(c.name());
            };
        }
    }

    // ---- collector --------------------------------------------------------------------------

    /**
     * The child runs an exchange experiment (one process computing for long) as its parent; it is
     * killed after a random delay of up to 2.5 s (while its child starts, or computes and sends).
     * Expected: within {@link #END_LIMIT} no process of the experiment is left, and the next start
     * of a run directory there removes the dead collector's directory.
     */
    private Outcome collector(Mechanism mechanism, Path dir, Child victim, Random random) throws Exception {
        Path parent = Files.createDirectories(dir.resolve("collector"), OWNER_ONLY);
        victim.sendLine("collect " + parent + " " + mechanism.name());
        Thread.sleep(random.nextInt(2_500)); // the kill point
        long killed = kill(victim);
        victim.join(END_LIMIT);
        long deadline = killed + END_LIMIT.toNanos();
        List<Long> left;
        while (!(left = Leftovers.mentioning(parent.toString(), Set.of())).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long ended = System.nanoTime() - killed;
        RunDirectory.removeStale(parent);
        String problem = null;
        try (Stream<Path> files = Files.list(parent)) {
            List<Path> kept = files.toList();
            if (!kept.isEmpty()) {
                problem = "the next start left the dead collector's files: " + kept;
            }
        }
        if (!left.isEmpty()) {
            left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            return new Outcome(ended, true, 0, 0, left.size(), 0, "processes of the dead collector left: " + left);
        }
        return new Outcome(ended, false, 0, 0, problem == null ? 0 : 1, 0, problem);
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** The acknowledgement array of a run: the child's counters and, when {@code log} &gt; 0, its log. */
    private static SharedArray acks(Path dir, int log) {
        return SharedArray.create(FaultChild.acksFile(dir), NumberType.LONG, FaultChild.LOG + log);
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Stops a survivor thread that did not end (a failed run), before its mechanism is closed
     * under it: a waiting thread that is interrupted throws at its next pause.
     */
    private static void stop(Thread t) throws InterruptedException {
        t.interrupt();
        t.join(2_000);
    }

    /**
     * Kills the victim and returns when (nanoTime). Its survivors are already at work; the caller
     * reads the victim's acknowledgements only after {@link #gone}, since a process may still run
     * for a moment after SIGKILL was sent (and so look alive in /proc).
     */
    private static long kill(Child victim) {
        TALLY.victimCpu(victim.pid());
        long at = System.nanoTime();
        victim.kill();
        return at;
    }

    /** Waits until the killed victim has ended (at most {@link #END_LIMIT}). */
    private static void gone(Child victim) throws InterruptedException {
        victim.join(END_LIMIT);
    }

    /**
     * Waits until slot {@code slot} of the child's acknowledgements reaches {@code atLeast}.
     *
     * @return null, or why the kill point was not reached
     */
    private static String awaitAck(SharedArray acks, int slot, long atLeast, Child victim) {
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        // Fine steps for a count (a precise kill point), coarse ones while the child's JVM starts.
        long step = slot == FaultChild.READY ? 1_000_000 : 50_000;
        while (acks.get(slot) < atLeast) {
            if (!victim.isAlive()) {
                return "the child ended before its kill point: " + victim.lastError();
            }
            if (System.nanoTime() > deadline) {
                return "the child did not reach its kill point in " + READY_LIMIT.toSeconds() + " s";
            }
            LockSupport.parkNanos(step);
        }
        return null;
    }

    /** Null when {@code end} is the dead child's {@link ExchangePeerDiedException}; else what it is. */
    private static String peerDied(Object end, Child victim) {
        if (end instanceof ExchangePeerDiedException e) {
            return e.pid() == victim.pid() ? null : "the end names pid " + e.pid() + ", not " + victim.pid();
        }
        return "the survivor ended with " + end + " instead of seeing pid " + victim.pid() + " die";
    }

    private static Outcome failed(String problem) {
        return new Outcome(0, false, 0, 0, 0, 0, problem);
    }

    private static Outcome hang(String problem) {
        return new Outcome(END_LIMIT.toNanos(), true, 0, 0, 0, 0, problem);
    }
}
