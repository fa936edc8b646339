package dev.telar.workloads.exchange;

import dev.telar.workloads.kernel.CpuKernel;
import dev.telar.workloads.kernel.TaskContext;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.mechanism.Pipe;
import dev.telar.workloads.mechanism.PipeEnd;
import dev.telar.workloads.mechanism.SharedArray;
import dev.telar.workloads.mechanism.SharedDict;
import dev.telar.workloads.mechanism.SharedQueue;
import dev.telar.workloads.mechanism.SharedValue;
import dev.telar.workloads.mechanism.Stamp;
import dev.telar.workloads.proc.ProcessTarget;
import dev.telar.workloads.proc.StartGate;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.remote.RemoteDict;
import dev.telar.workloads.remote.RemoteLock;
import dev.telar.workloads.shm.Backoff;
import dev.telar.workloads.shm.WakeWord;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.DoubleConsumer;

/**
 * One process of the exchange experiment, in its own JVM. Arguments (all plain text):
 * {@code MECHANISM DIR GATE INDEX DRAWS SEED}. It opens the mechanism in {@code DIR}, reports
 * ready at the start gate, waits for the signal, draws its numbers and returns its partial sum
 * through the mechanism (pipe and queue: its running sum every {@link
 * ExchangeSpec#CHUNKS_PER_MESSAGE} chunks and at the end); last it prints {@code cpu <nanoseconds>} (its CPU time after the signal).
 *
 * <p>{@link Mechanism#MANAGER_DICT} and {@link Mechanism#MANAGER_VALUE} take four more:
 * {@code ADDRESS KEYFILE SESSION_MS DICT}, the manager and the place of its key (empty: the key
 * variable this process inherited), never the key, and the run's dict on the manager.
 */
public final class ExchangeChild implements ProcessTarget {
    @Override
    public void run(String[] args) throws Exception {
        Mechanism mechanism = args.length > 0 ? Mechanism.valueOf(args[0]) : null;
        if (mechanism == null || args.length != (mechanism.needsManager() ? 10 : 6)) {
            throw new IllegalArgumentException("usage: MECHANISM DIR GATE INDEX DRAWS SEED [ADDRESS KEYFILE SESSION_MS DICT]");
        }
        Path dir = Path.of(args[1]);
        int index = Integer.parseInt(args[3]);
        CpuKernel kernel = new CpuKernel(Long.parseLong(args[4]), Long.parseLong(args[5]));
        warmUp();
        if (mechanism != Mechanism.PIPE && mechanism != Mechanism.QUEUE && !mechanism.needsManager()) {
            // Value, array and dict lock; binding the futex calls takes a few hundred milliseconds
            // in a fresh JVM, which belongs before the start gate, not inside the timed part.
            WakeWord.bind();
        }
        long cpuAtStart;
        try (StartGate gate = StartGate.open(Path.of(args[2]))) {
            switch (mechanism) {
                case PIPE -> {
                    try (PipeEnd end = Pipe.open(ExchangeLayout.pipe(dir, index), Pipe.Side.B)) {
                        cpuAtStart = start(gate);
                        kernel.runTaskInChunks(index, new RunningSums(kernel, sum -> end.send(Stamp.of(index), sum)));
                    }
                }
                case QUEUE -> {
                    try (SharedQueue queue = SharedQueue.open(ExchangeLayout.queue(dir));
                         SharedQueue.Producer producer = queue.producer()) {
                        cpuAtStart = start(gate);
                        kernel.runTaskInChunks(index, new RunningSums(kernel, sum -> producer.put(Stamp.of(index), sum)));
                    }
                }
                case VALUE -> {
                    try (SharedValue total = SharedValue.open(ExchangeLayout.total(dir));
                         SharedValue turn = SharedValue.open(ExchangeLayout.turn(dir))) {
                        cpuAtStart = start(gate);
                        double partial = kernel.runTask(index, TaskContext.FREE);
                        // Additions in process order, so the rounding is that of the sequential sum.
                        Backoff backoff = new Backoff();
                        while (turn.getLong() < index) {
                            backoff.idle();
                        }
                        total.addLocked(partial);
                        turn.set(index + 1);
                    }
                }
                case ARRAY -> {
                    try (SharedArray partials = SharedArray.open(ExchangeLayout.array(dir))) {
                        cpuAtStart = start(gate);
                        partials.set(index, kernel.runTask(index, TaskContext.FREE));
                    }
                }
                case DICT -> {
                    try (SharedDict dict = SharedDict.open(ExchangeLayout.dict(dir))) {
                        cpuAtStart = start(gate);
                        dict.put(ExchangeLayout.key(index), kernel.runTask(index, TaskContext.FREE));
                    }
                }
                case MANAGER_DICT -> {
                    // Connected before the gate: the session's start (SASL and all) is not the exchange's cost.
                    try (ManagerClient client = ManagerTarget.fromChildArgs(args, 6).connect()) {
                        RemoteDict dict = RemoteDict.open(client, args[9]);
                        cpuAtStart = start(gate);
                        dict.putDouble(ExchangeLayout.key(index), kernel.runTask(index, TaskContext.FREE));
                    }
                }
                case MANAGER_VALUE -> {
                    try (ManagerClient client = ManagerTarget.fromChildArgs(args, 6).connect()) {
                        RemoteDict value = RemoteDict.open(client, args[9]);
                        RemoteLock lock = RemoteLock.open(client, args[9]);
                        cpuAtStart = start(gate);
                        double partial = kernel.runTask(index, TaskContext.FREE);
                        addInTurn(value, lock, index, partial);
                    }
                }
                default -> throw new IllegalArgumentException("unknown mechanism " + mechanism);
            }
        }
        System.out.println("cpu " + (processCpuNanos() - cpuAtStart));
        System.out.flush();
    }

    /**
     * The lecture's "manager value + manager lock": adds {@code partial} to the manager's total
     * under the manager's lock. In process order, like the local value, so the rounding is that of
     * the sequential sum; the parent passes the turn of a process that died.
     */
    private static void addInTurn(RemoteDict value, RemoteLock lock, int index, double partial) throws InterruptedException {
        while (value.get(ExchangeLayout.TURN).orElse(0) < index) {
            Thread.sleep(TURN_LOOK_MS); // each look is a round trip to the manager
        }
        if (!lock.acquire(LOCK_WAIT)) {
            throw new IllegalStateException("the manager's lock '" + lock.name() + "' was not free within "
                    + LOCK_WAIT.toSeconds() + " s");
        }
        try {
            value.putDouble(ExchangeLayout.TOTAL, value.getDouble(ExchangeLayout.TOTAL).orElse(0) + partial);
            value.put(ExchangeLayout.TURN, index + 1);
        } finally {
            lock.release();
        }
    }

    /** Between two looks at whose turn it is, ms. */
    private static final long TURN_LOOK_MS = 2;
    /** Longest wait for the manager's lock: a holder that died frees it within its session. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(60);

    /** Adds chunk sums in the kernel's order and hands on the running sum every few chunks and after the last. */
    private static final class RunningSums implements DoubleConsumer {
        private final long chunks;
        private final DoubleConsumer send;
        private long seen;
        private double sum;

        RunningSums(CpuKernel kernel, DoubleConsumer send) {
            this.chunks = kernel.chunks();
            this.send = send;
        }

        @Override
        public void accept(double chunk) {
            sum += chunk;
            seen++;
            if (seen % ExchangeSpec.CHUNKS_PER_MESSAGE == 0 || seen == chunks) {
                send.accept(sum);
            }
        }
    }

    /** Draws compiled before the start signal: enough for the JIT's optimising tier, about 30 ms. */
    private static final long WARM_UP_DRAWS = 20_000_000;

    /**
     * Runs the hot loop before reporting ready, so that the timed part measures compiled code in
     * every child, as the process models do, and 1 and P processes compare like for like.
     */
    private static void warmUp() {
        CpuKernel warm = new CpuKernel(WARM_UP_DRAWS, 1);
        warm.runTask(0, TaskContext.FREE);
        warm.runTaskInChunks(0, chunk -> { });
    }

    private static long start(StartGate gate) {
        gate.ready();
        gate.awaitOpen();
        return processCpuNanos();
    }

    static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }
}
