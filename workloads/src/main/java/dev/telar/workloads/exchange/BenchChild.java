package dev.telar.workloads.exchange;

import dev.telar.workloads.proc.ProcessTarget;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One process of {@link IpcBench}, in its own JVM. Arguments: {@code ROLE DIR COUNT INDEX}. It
 * opens the mechanism in {@code DIR}, warms its code path up on scratch files (so the timed part
 * measures the exchange, not the JIT compiler), reports ready at the gate, runs {@code COUNT}
 * operations after the start signal and prints {@code done <end nanoTime> [<p50 ns> <p99 ns>]}.
 * The pipe's latencies come from a second phase of single round trips, so that they show the
 * mechanism's delay and not the time a message queued behind a full buffer.
 */
public final class BenchChild implements ProcessTarget {
    /** Operations each child runs before reporting ready. */
    static final int WARM_UP = 200_000;
    /** Round trips of the pipe's latency phase. */
    static final int PING_PONGS = 20_000;

    @Override
    public void run(String[] args) throws Exception {
        String role = args[0];
        Path dir = Path.of(args[1]);
        long count = Long.parseLong(args[2]);
        int index = Integer.parseInt(args[3]);
        Path warm = dir.resolve("warm-" + ProcessHandle.current().pid());
        try (StartGate gate = StartGate.open(IpcBench.gate(dir))) {
            String out = switch (role) {
                case "pipe-send" -> pipeSend(dir, warm, count, gate);
                case "pipe-recv" -> pipeRecv(dir, warm, count, gate);
                case "queue-put" -> queuePut(dir, warm, count, gate);
                case "queue-take" -> queueTake(dir, warm, count, gate);
                case "value" -> value(dir, warm, count, gate);
                case "array" -> array(dir, warm, count, index, gate);
                case "dict" -> dict(dir, count, index, gate);
                default -> throw new IllegalArgumentException("unknown role " + role);
            };
            System.out.println(out);
            System.out.flush();
        }
    }

    private static void warmPipe(Path warm) {
        Pipe.create(warm, ExchangeLimits.defaults());
        try (PipeEnd a = Pipe.open(warm, Pipe.Side.A); PipeEnd b = Pipe.open(warm, Pipe.Side.B)) {
            for (int i = 0; i < WARM_UP; i += 1000) {
                for (int k = 0; k < 1000; k++) {
                    a.send(System.nanoTime(), k);
                }
                for (int k = 0; k < 1000; k++) {
                    b.recv();
                }
            }
        }
    }

    private static String pipeSend(Path dir, Path warm, long count, StartGate gate) {
        warmPipe(warm);
        try (PipeEnd end = Pipe.open(IpcBench.mechanismDir(dir), Pipe.Side.A)) {
            gate.ready();
            gate.awaitOpen();
            for (long i = 0; i < count; i++) {
                end.send(System.nanoTime(), i);
            }
            long done = System.nanoTime();
            // Latency without a backlog: one message at a time, the next after the other end's reply.
            for (int i = 0; i < PING_PONGS; i++) {
                end.send(System.nanoTime(), -1);
                end.recv();
            }
            return "done " + done;
        }
    }

    private static String pipeRecv(Path dir, Path warm, long count, StartGate gate) {
        warmPipe(warm);
        try (PipeEnd end = Pipe.open(IpcBench.mechanismDir(dir), Pipe.Side.B)) {
            gate.ready();
            gate.awaitOpen();
            for (long i = 0; i < count; i++) {
                end.recv();
            }
            long done = System.nanoTime();
            long[] latencies = new long[PING_PONGS];
            for (int i = 0; i < PING_PONGS; i++) {
                Message m = end.recv();
                latencies[i] = System.nanoTime() - m.key();
                end.send(0, 0);
            }
            return "done " + done + percentiles(latencies);
        }
    }

    private static void warmQueue(Path warm) {
        SharedQueue.create(warm, 1, ExchangeLimits.defaults());
        try (SharedQueue q = SharedQueue.open(warm); SharedQueue.Producer p = q.producer();
             SharedQueue.Consumer c = q.consumer()) {
            for (int i = 0; i < WARM_UP; i += 1000) {
                for (int k = 0; k < 1000; k++) {
                    p.put(System.nanoTime(), k);
                }
                for (int k = 0; k < 1000; k++) {
                    c.take();
                }
            }
        }
    }

    private static String queuePut(Path dir, Path warm, long count, StartGate gate) {
        warmQueue(warm);
        try (SharedQueue q = SharedQueue.open(IpcBench.mechanismDir(dir)); SharedQueue.Producer p = q.producer()) {
            gate.ready();
            gate.awaitOpen();
            for (long i = 0; i < count; i++) {
                p.put(System.nanoTime(), i);
            }
            return "done " + System.nanoTime();
        }
    }

    private static String queueTake(Path dir, Path warm, long count, StartGate gate) {
        warmQueue(warm);
        try (SharedQueue q = SharedQueue.open(IpcBench.mechanismDir(dir)); SharedQueue.Consumer c = q.consumer()) {
            gate.ready();
            gate.awaitOpen();
            for (long i = 0; i < count; i++) {
                c.take();
            }
            return "done " + System.nanoTime();
        }
    }

    private static String value(Path dir, Path warm, long count, StartGate gate) {
        try (SharedValue scratch = SharedValue.create(warm, NumberType.DOUBLE, 0)) {
            for (int i = 0; i < WARM_UP; i++) {
                scratch.addLocked(1);
            }
        }
        try (SharedValue v = SharedValue.open(IpcBench.mechanismDir(dir).resolve("value"))) {
            gate.ready();
            gate.awaitOpen();
            for (long i = 0; i < count; i++) {
                v.addLocked(1);
            }
            return "done " + System.nanoTime();
        }
    }

    private static String array(Path dir, Path warm, long count, int index, StartGate gate) {
        try (SharedArray scratch = SharedArray.create(warm, NumberType.DOUBLE, 2)) {
            for (int i = 0; i < WARM_UP; i++) {
                scratch.set(index, i);
            }
        }
        try (SharedArray a = SharedArray.open(IpcBench.mechanismDir(dir).resolve("array"))) {
            gate.ready();
            gate.awaitOpen();
            for (long k = 0; k < count; k++) {
                a.set(index, k);
            }
            return "done " + System.nanoTime();
        }
    }

    private static String dict(Path dir, long count, int index, StartGate gate) {
        try (SharedDict d = SharedDict.open(IpcBench.mechanismDir(dir).resolve("dict"))) {
            String scratch = "warm-" + index; // a key of its own: warming up changes nothing measured
            for (int i = 0; i < WARM_UP / 4; i++) {
                d.addLocked(scratch, 1);
            }
            gate.ready();
            gate.awaitOpen();
            for (long i = 0; i < count; i++) {
                d.addLocked("k", 1);
            }
            return "done " + System.nanoTime();
        }
    }

    private static String percentiles(long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return "";
        }
        return " " + sorted[Math.min(n - 1, n / 2)] + " " + sorted[Math.min(n - 1, (int) (n * 0.99))];
    }
}
