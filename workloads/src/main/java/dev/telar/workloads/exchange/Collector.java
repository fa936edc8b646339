package dev.telar.workloads.exchange;

import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.mechanism.NumberType;
import dev.telar.workloads.mechanism.Packet;
import dev.telar.workloads.mechanism.Pipe;
import dev.telar.workloads.mechanism.PipeEnd;
import dev.telar.workloads.mechanism.SharedArray;
import dev.telar.workloads.mechanism.SharedDict;
import dev.telar.workloads.mechanism.SharedQueue;
import dev.telar.workloads.mechanism.SharedValue;
import dev.telar.workloads.mechanism.Stamp;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.remote.RemoteDict;
import dev.telar.workloads.remote.RemoteLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parent's side of one mechanism in the exchange experiment: creates the files, gathers the
 * partial sums, and adds them up in process order. One implementation per mechanism. Used by one
 * thread.
 */
abstract class Collector implements AutoCloseable {
    final ExchangeSpec spec;
    final Path dir;
    final LatencyWindow latencies = new LatencyWindow();

    Collector(ExchangeSpec spec, Path dir) {
        this.spec = spec;
        this.dir = dir;
    }

    /**
     * The parent's side of {@code spec}'s mechanism, its files in {@code dir}.
     *
     * @param manager the manager of a mechanism that needs one
     * @throws ProblemException {@link ProblemCode#EXCHANGE_NO_MANAGER} when it needs one and none is
     *                          given; as {@link ManagerTarget#connect} when it cannot be reached
     */
    static Collector create(ExchangeSpec spec, Path dir, Optional<ManagerTarget> manager) {
        return switch (spec.mechanism()) {
            case PIPE -> new PipeCollector(spec, dir);
            case QUEUE -> new QueueCollector(spec, dir);
            case VALUE -> new ValueCollector(spec, dir);
            case ARRAY -> new ArrayCollector(spec, dir);
            case DICT -> new DictCollector(spec, dir);
            case MANAGER_DICT -> new ManagerDictCollector(spec, dir, needed(spec, manager));
            case MANAGER_VALUE -> new ManagerValueCollector(spec, dir, needed(spec, manager));
        };
    }

    private static ManagerTarget needed(ExchangeSpec spec, Optional<ManagerTarget> manager) {
        return manager.orElseThrow(
                () -> new ProblemException(Problem.of(ProblemCode.EXCHANGE_NO_MANAGER, spec.mechanism().cliName())));
    }

    /** What each child is told beyond the common arguments ({@link ExchangeChild}). */
    List<String> childArgs() {
        return List.of();
    }

    /** Reads what has arrived; true when anything did. */
    abstract boolean poll();

    /** Process {@code index} ended; {@code ok} when with exit code 0. */
    void childEnded(int index, boolean ok) {
    }

    /** True when the result of process {@code index} has fully arrived. */
    abstract boolean delivered(int index);

    /** Messages from process {@code index} received (or 1/0: its result arrived or not). */
    long received(int index) {
        return delivered(index) ? 1 : 0;
    }

    /** Messages process {@code index} wrote, as its files say; -1 for mechanisms without messages. */
    long sent(int index) {
        return -1;
    }

    /** The total of all partial sums, added in process order. */
    abstract double total();

    /** Messages or updates so far. */
    abstract long ops();

    long backlog() {
        return 0;
    }

    long waits() {
        return 0;
    }

    @Override
    public abstract void close();

    /**
     * Running partial sums arriving in order per process: the last one of a process is its sum,
     * exactly as the kernel added its chunks.
     */
    static final class Partials {
        private final double[] sums;
        private final long[] counts;

        Partials(int processes) {
            sums = new double[processes];
            counts = new long[processes];
        }

        void update(int process, double runningSum) {
            sums[process] = runningSum;
            counts[process]++;
        }

        long count(int process) {
            return counts[process];
        }

        double total() {
            double t = 0;
            for (double s : sums) {
                t += s;
            }
            return t;
        }
    }

    /** Mechanisms carrying running partial sums as messages (pipe, queue): what they count alike. */
    abstract static class MessageCollector extends Collector {
        final Partials partials;

        MessageCollector(ExchangeSpec spec, Path dir) {
            super(spec, dir);
            partials = new Partials(spec.processes());
        }

        /**
         * Takes what {@code source} has, at most 4096 messages so one busy source cannot starve
         * the others; {@code process} -1 reads the sender from each message's key.
         */
        final boolean drain(Supplier<Packet> source, int process) {
            boolean any = false;
            for (int k = 0; k < 4096; k++) {
                Packet m = source.get();
                if (m == null) {
                    break;
                }
                any = true;
                latencies.add(Stamp.latencyNanos(m.key(), System.nanoTime()));
                partials.update(process < 0 ? Stamp.process(m.key()) : process, m.value());
            }
            return any;
        }

        @Override
        boolean delivered(int index) {
            return partials.count(index) == spec.messagesOf(index);
        }

        @Override
        long received(int index) {
            return partials.count(index);
        }

        @Override
        double total() {
            return partials.total();
        }
    }

    /** Mechanisms where each process leaves one partial sum (array, dict), counted once it ended. */
    abstract static class ResultCollector extends Collector {
        final boolean[] ended;
        private int seen;

        ResultCollector(ExchangeSpec spec, Path dir) {
            super(spec, dir);
            ended = new boolean[spec.processes()];
        }

        /** Whether process {@code index}'s partial is there. */
        abstract boolean written(int index);

        /** True when the number of partials written, {@code now}, differs from the one seen last. */
        final boolean countChanged(int now) {
            boolean progress = now != seen;
            seen = now;
            return progress;
        }

        /** Process {@code index}'s partial. */
        abstract double partial(int index);

        @Override
        void childEnded(int index, boolean ok) {
            ended[index] = ok;
        }

        @Override
        boolean delivered(int index) {
            return ended[index] && written(index);
        }

        @Override
        double total() {
            double t = 0;
            for (int i = 0; i < spec.processes(); i++) {
                t += partial(i);
            }
            return t;
        }

        @Override
        long ops() {
            long n = 0;
            for (boolean e : ended) {
                n += e ? 1 : 0;
            }
            return n;
        }
    }

    /** One pipe per process; the parent holds end A of each. */
    static final class PipeCollector extends MessageCollector {
        private final List<PipeEnd> ends = new ArrayList<>();

        PipeCollector(ExchangeSpec spec, Path dir) {
            super(spec, dir);
            // The cap is the whole mechanism's, and each pipe measures only its own directory.
            ExchangeLimits perPipe = spec.limits().withDiskCap(
                    Math.max(ExchangeLimits.MIN_DISK_CAP, spec.limits().diskCapBytes() / spec.processes()));
            try {
                for (int i = 0; i < spec.processes(); i++) {
                    Pipe.create(ExchangeLayout.pipe(dir, i), perPipe);
                    ends.add(Pipe.open(ExchangeLayout.pipe(dir, i), Pipe.Side.A));
                }
            } catch (RuntimeException e) {
                close(); // e.g. a full disk: unmap what was opened, so its space can be freed
                throw e;
            }
        }

        @Override
        boolean poll() {
            boolean any = false;
            for (int i = 0; i < ends.size(); i++) {
                any |= drain(ends.get(i)::poll, i);
            }
            return any;
        }

        @Override
        long sent(int index) {
            return ends.get(index).peerSent();
        }

        @Override
        long ops() {
            long n = 0;
            for (int i = 0; i < spec.processes(); i++) {
                n += partials.count(i);
            }
            return n;
        }

        @Override
        long backlog() {
            long b = 0;
            for (int i = 0; i < spec.processes(); i++) {
                b += Math.max(0, sent(i) - partials.count(i));
            }
            return b;
        }

        @Override
        public void close() {
            ends.forEach(PipeEnd::close);
        }
    }

    /** One queue: every process produces, the parent is the one consumer. */
    static final class QueueCollector extends MessageCollector {
        private final SharedQueue queue;
        private final SharedQueue.Consumer consumer;
        private final Map<Long, Integer> processOfPid = new HashMap<>();

        QueueCollector(ExchangeSpec spec, Path dir) {
            super(spec, dir);
            SharedQueue.create(ExchangeLayout.queue(dir), spec.processes(), spec.limits());
            queue = SharedQueue.open(ExchangeLayout.queue(dir));
            consumer = queue.consumer();
        }

        void childPid(int index, long pid) {
            processOfPid.put(pid, index);
        }

        @Override
        boolean poll() {
            return drain(consumer::poll, -1);
        }

        @Override
        long sent(int index) {
            for (Map.Entry<Long, Long> e : queue.writtenByProducerPid().entrySet()) {
                Integer i = processOfPid.get(e.getKey());
                if (i != null && i == index) {
                    return e.getValue();
                }
            }
            return 0;
        }

        @Override
        long ops() {
            return consumer.taken();
        }

        @Override
        long backlog() {
            SharedQueue.Counters c = queue.counters();
            return c.written() - c.taken();
        }

        @Override
        long waits() {
            return queue.counters().waits();
        }

        @Override
        public void close() {
            consumer.close();
            queue.close();
        }
    }

    /**
     * A total that the processes add to one at a time, in process order (a turn counter), so the
     * rounding is that of the sequential sum. A process that died never takes its turn: the
     * parent passes it on so the others can still add theirs.
     */
    abstract static class TurnCollector extends Collector {
        private final boolean[] skipped;
        private long turnSeen;

        TurnCollector(ExchangeSpec spec, Path dir) {
            super(spec, dir);
            skipped = new boolean[spec.processes()];
        }

        /** Whose turn it is: how many processes have added (or been passed over); -1 when not looked now. */
        abstract long readTurn();

        /** Makes it {@code next}'s turn. */
        abstract void passTurn(long next);

        @Override
        boolean poll() {
            long t = readTurn();
            if (t < 0) {
                return false;
            }
            if (t < skipped.length && skipped[(int) t]) {
                passTurn(t + 1);
            }
            boolean progress = t != turnSeen;
            turnSeen = t;
            return progress;
        }

        @Override
        void childEnded(int index, boolean ok) {
            if (!ok) {
                skipped[index] = true;
            }
        }

        @Override
        boolean delivered(int index) {
            return turnSeen > index && !skipped[index];
        }

        @Override
        long ops() {
            return turnSeen;
        }
    }

    /** One shared total (the lecture's Value), each process adding under its lock, in turn. */
    static final class ValueCollector extends TurnCollector {
        private final SharedValue total;
        private final SharedValue turn;

        ValueCollector(ExchangeSpec spec, Path dir) {
            super(spec, dir);
            total = SharedValue.create(ExchangeLayout.total(dir), NumberType.DOUBLE, 0);
            try {
                turn = SharedValue.create(ExchangeLayout.turn(dir), NumberType.LONG, 0);
            } catch (RuntimeException e) {
                total.close(); // e.g. a full disk
                throw e;
            }
        }

        @Override
        long readTurn() {
            return turn.getLong();
        }

        @Override
        void passTurn(long next) {
            turn.set(next);
        }

        @Override
        double total() {
            return total.get();
        }

        @Override
        public void close() {
            total.close();
            turn.close();
        }
    }

    /** One array slot per process. */
    static final class ArrayCollector extends ResultCollector {
        private final SharedArray partials;
        private final boolean[] seen;

        ArrayCollector(ExchangeSpec spec, Path dir) {
            super(spec, dir);
            partials = SharedArray.create(ExchangeLayout.array(dir), NumberType.DOUBLE, spec.processes());
            seen = new boolean[spec.processes()];
        }

        @Override
        boolean poll() {
            // A slot holds 0 until its process writes its partial (a sum of draws in (0, 1) is never 0).
            boolean any = false;
            for (int i = 0; i < seen.length; i++) {
                if (!seen[i] && partials.get(i) != 0) {
                    seen[i] = true;
                    any = true;
                }
            }
            return any;
        }

        @Override
        boolean written(int index) {
            return partials.get(index) != 0;
        }

        @Override
        double partial(int index) {
            return partials.get(index);
        }

        @Override
        public void close() {
            partials.close();
        }
    }

    /** One dict entry per process. */
    static final class DictCollector extends ResultCollector {
        private final SharedDict dict;

        DictCollector(ExchangeSpec spec, Path dir) {
            super(spec, dir);
            dict = SharedDict.create(ExchangeLayout.dict(dir), Math.max(SharedDict.DEFAULT_ENTRIES, spec.processes()));
        }

        @Override
        boolean poll() {
            return countChanged(dict.size());
        }

        @Override
        boolean written(int index) {
            return dict.get(ExchangeLayout.key(index)) != null;
        }

        @Override
        double partial(int index) {
            return dict.get(ExchangeLayout.key(index));
        }

        @Override
        public void close() {
            dict.close();
        }
    }

    /**
     * A run's place on a remote manager: the connection and a dict named after the run directory, so
     * runs never share one. Each child is told the same address and key place (never the key); at
     * the end the run deletes what it made there: the dict, and the lock of the same name.
     */
    static final class RunOnManager implements AutoCloseable {
        private static final Logger LOG = LoggerFactory.getLogger(RunOnManager.class);

        /**
         * Least time between two looks at the run's dict, ns: each look is a round trip to the
         * manager. The run's wall time is known to within this much (its end is seen at a look).
         */
        private static final long LOOK_NANOS = 20_000_000;

        private final ManagerTarget target;
        private final ManagerClient client;
        private final RemoteDict dict;
        private long nextLook;

        RunOnManager(Path dir, ManagerTarget target) {
            this.target = target;
            try {
                client = target.connect();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while connecting to the manager at " + target.address(), e);
            }
            try {
                dict = RemoteDict.open(client, ExchangeLayout.remoteDict(dir));
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
        }

        RemoteDict dict() {
            return dict;
        }

        /** True at most once per {@link #LOOK_NANOS}: whether a poll may look at the manager now. */
        boolean timeToLook() {
            long now = System.nanoTime();
            if (now - nextLook < 0) {
                return false;
            }
            nextLook = now + LOOK_NANOS;
            return true;
        }

        /** The four arguments a child needs to reach the same dict: address, key file (or empty), session, dict. */
        List<String> childArgs() {
            List<String> args = new ArrayList<>(target.childArgs());
            args.add(dict.name());
            return args;
        }

        @Override
        public void close() {
            try {
                dict.delete(); // the run created it: nothing of it stays on the manager
                client.curator().delete().quietly().deletingChildrenIfNeeded()
                        .forPath(RemoteLock.FOLDER + "/" + dict.name());
            } catch (Exception e) {
                // The run's outcome stands; what is left is said in the log, with its name.
                LOG.warn("the run's dict or lock '{}' could not be deleted from the manager at {}", dict.name(),
                        target.address(), e);
            } finally {
                client.close();
            }
        }
    }

    /** One entry per process in the run's dict on a remote manager. */
    static final class ManagerDictCollector extends ResultCollector {
        private final RunOnManager run;
        private final Double[] partials;

        ManagerDictCollector(ExchangeSpec spec, Path dir, ManagerTarget target) {
            super(spec, dir);
            this.partials = new Double[spec.processes()];
            this.run = new RunOnManager(dir, target);
        }

        @Override
        List<String> childArgs() {
            return run.childArgs();
        }

        @Override
        boolean poll() {
            return run.timeToLook() && countChanged(run.dict().size());
        }

        @Override
        boolean written(int index) {
            if (partials[index] == null) {
                // Read once: a child writes its entry once, and each read is a round trip.
                run.dict().getDouble(ExchangeLayout.key(index)).ifPresent(v -> partials[index] = v);
            }
            return partials[index] != null;
        }

        @Override
        double partial(int index) {
            if (!written(index)) {
                throw new IllegalStateException("process " + index + "'s partial is not in dict '" + run.dict().name() + "'");
            }
            return partials[index];
        }

        @Override
        public void close() {
            run.close();
        }
    }

    /**
     * The lecture's "manager value + manager lock": one total in the run's dict on a remote
     * manager, each process adding its partial under the manager's lock, in process order (a
     * turn entry) so that the rounding is the sequential sum's. A process that died has its turn
     * passed on, as with the local value.
     */
    static final class ManagerValueCollector extends TurnCollector {
        private final RunOnManager run;

        ManagerValueCollector(ExchangeSpec spec, Path dir, ManagerTarget target) {
            super(spec, dir);
            this.run = new RunOnManager(dir, target);
        }

        @Override
        List<String> childArgs() {
            return run.childArgs();
        }

        @Override
        long readTurn() {
            return run.timeToLook() ? run.dict().get(ExchangeLayout.TURN).orElse(0) : -1;
        }

        @Override
        void passTurn(long next) {
            run.dict().put(ExchangeLayout.TURN, next);
        }

        @Override
        double total() {
            return run.dict().getDouble(ExchangeLayout.TOTAL).orElse(0);
        }

        @Override
        public void close() {
            run.close();
        }
    }
}
