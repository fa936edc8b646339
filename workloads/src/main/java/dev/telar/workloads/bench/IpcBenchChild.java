package dev.telar.workloads.bench;

import dev.telar.workloads.mechanism.Packet;
import dev.telar.workloads.mechanism.Pipe;
import dev.telar.workloads.mechanism.PipeEnd;
import dev.telar.workloads.mechanism.SharedArray;
import dev.telar.workloads.mechanism.SharedDict;
import dev.telar.workloads.mechanism.SharedQueue;
import dev.telar.workloads.mechanism.SharedValue;
import dev.telar.workloads.proc.ProcessTarget;
import dev.telar.workloads.proc.StartGate;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One process of {@link IpcBench}, in its own JVM. Arguments: {@code ROLE DIR COUNT INDEX WARMUP
 * ROUNDS} (WARMUP as {@link WarmUp#toString()}). It opens the mechanism in {@code DIR}, meets
 * the other process at the gate (so that both warm up together, contended as they will be when
 * measured), warms its code up on the mechanism itself until its pace is steady (a pipe or queue
 * writer sends warm-up messages and then {@link #WARM_END}, which its reader reads up to; the
 * shared numbers are warmed on scratch values beside the measured ones), then runs ROUNDS rounds
 * of {@code COUNT}
 * operations, each reported ready at the gate and started by its signal, and prints
 * {@code done <end nanoTime of each round> [<p50 ns> <p99 ns>]}.
 * The pipe's latencies come from a second phase of single round trips, so that they show the
 * mechanism's delay and not the time a message queued behind a full buffer.
 */
public final class IpcBenchChild implements ProcessTarget {
    /** Round trips of the pipe's latency phase. */
    static final int PING_PONGS = 20_000;
    /** Key of the message that ends a pipe's or queue's warm-up. */
    static final long WARM_END = Long.MIN_VALUE;
    private static final int MESSAGE_BATCH = 20_000;
    private static final int LOCKED_BATCH = 20_000;
    private static final int STORE_BATCH = 200_000;

    @Override
    public void run(String[] args) throws Exception {
        String role = args[0];
        Path dir = Path.of(args[1]);
        long count = Long.parseLong(args[2]);
        int index = Integer.parseInt(args[3]);
        WarmUp warmUp = WarmUp.parse(args[4]);
        int rounds = Integer.parseInt(args[5]);
        Path mech = IpcBench.mechanismDir(dir);
        try (StartGate gate = StartGate.open(IpcBench.gate(dir))) {
            String out = switch (role) {
                case "pipe-send" -> pipeSend(mech, count, warmUp, gate, rounds);
                case "pipe-recv" -> pipeRecv(mech, count, gate, rounds);
                case "queue-put" -> queuePut(mech, count, warmUp, gate, rounds);
                case "queue-take" -> queueTake(mech, count, gate, rounds);
                case "value" -> value(mech, count, warmUp, gate, rounds);
                case "array" -> array(mech, count, index, warmUp, gate, rounds);
                case "dict" -> dict(mech, count, warmUp, gate, rounds);
                default -> throw new IllegalArgumentException("unknown role " + role);
            };
            System.out.println(out);
            System.out.flush();
        }
    }

    private static String pipeSend(Path mech, long count, WarmUp warmUp, StartGate gate, int rounds) {
        try (PipeEnd end = Pipe.open(mech, Pipe.Side.A)) {
            gate.meet(2);
            warmUp.run(() -> {
                for (int k = 0; k < MESSAGE_BATCH; k++) {
                    end.send(k, k);
                }
            });
            end.send(WARM_END, 0);
            String done = timed(gate, rounds, () -> {
                for (long i = 0; i < count; i++) {
                    end.send(i, i);
                }
            });
            // Latency without a backlog: one message at a time, the next after the other end's reply.
            for (int i = 0; i < PING_PONGS; i++) {
                end.send(System.nanoTime(), -1);
                end.recv();
            }
            return done;
        }
    }

    private static String pipeRecv(Path mech, long count, StartGate gate, int rounds) {
        try (PipeEnd end = Pipe.open(mech, Pipe.Side.B)) {
            gate.meet(2);
            while (end.recv().key() != WARM_END) {
                // the sender's warm-up messages
            }
            String done = timed(gate, rounds, () -> {
                for (long i = 0; i < count; i++) {
                    end.recv();
                }
            });
            long[] latencies = new long[PING_PONGS];
            for (int i = 0; i < PING_PONGS; i++) {
                Packet m = end.recv();
                latencies[i] = System.nanoTime() - m.key();
                end.send(0, 0);
            }
            return done + percentiles(latencies);
        }
    }

    private static String queuePut(Path mech, long count, WarmUp warmUp, StartGate gate, int rounds) {
        try (SharedQueue q = SharedQueue.open(mech); SharedQueue.Producer p = q.producer()) {
            gate.meet(2);
            warmUp.run(() -> {
                for (int k = 0; k < MESSAGE_BATCH; k++) {
                    p.put(k, k);
                }
            });
            p.put(WARM_END, 0);
            return timed(gate, rounds, () -> {
                for (long i = 0; i < count; i++) {
                    p.put(i, i);
                }
            });
        }
    }

    private static String queueTake(Path mech, long count, StartGate gate, int rounds) {
        try (SharedQueue q = SharedQueue.open(mech); SharedQueue.Consumer c = q.consumer()) {
            gate.meet(2);
            while (c.take().key() != WARM_END) {
                // the producer's warm-up messages
            }
            return timed(gate, rounds, () -> {
                for (long i = 0; i < count; i++) {
                    c.take();
                }
            });
        }
    }

    private static String value(Path mech, long count, WarmUp warmUp, StartGate gate, int rounds) {
        try (SharedValue scratch = SharedValue.open(mech.resolve(IpcBench.WARM_VALUE));
             SharedValue v = SharedValue.open(mech.resolve(IpcBench.VALUE))) {
            gate.meet(2);
            warmUp.run(() -> {
                for (int k = 0; k < LOCKED_BATCH; k++) {
                    scratch.addLocked(1);
                }
            });
            return timed(gate, rounds, () -> {
                for (long i = 0; i < count; i++) {
                    v.addLocked(1);
                }
            });
        }
    }

    private static String array(Path mech, long count, int index, WarmUp warmUp, StartGate gate, int rounds) {
        try (SharedArray scratch = SharedArray.open(mech.resolve(IpcBench.WARM_ARRAY));
             SharedArray a = SharedArray.open(mech.resolve(IpcBench.ARRAY))) {
            gate.meet(2);
            warmUp.run(() -> {
                for (int k = 0; k < STORE_BATCH; k++) {
                    scratch.set(index, k);
                }
            });
            return timed(gate, rounds, () -> {
                for (long k = 0; k < count; k++) {
                    a.set(index, k);
                }
            });
        }
    }

    private static String dict(Path mech, long count, WarmUp warmUp, StartGate gate, int rounds) {
        try (SharedDict d = SharedDict.open(mech.resolve(IpcBench.DICT))) {
            // Both processes warm up on one scratch key, contended as the measured one will be.
            gate.meet(2);
            warmUp.run(() -> {
                for (int k = 0; k < LOCKED_BATCH; k++) {
                    d.addLocked(IpcBench.WARM_KEY, 1);
                }
            });
            return timed(gate, rounds, () -> {
                for (long i = 0; i < count; i++) {
                    d.addLocked(IpcBench.KEY, 1);
                }
            });
        }
    }

    /**
     * The timed part: {@code rounds} rounds of {@code body}, each started by the gate; returns
     * "done" and each round's end time.
     */
    private static String timed(StartGate gate, int rounds, Runnable body) {
        StringBuilder out = new StringBuilder("done");
        for (int r = 0; r < rounds; r++) {
            gate.ready();
            gate.awaitOpen(r);
            body.run();
            out.append(' ').append(System.nanoTime());
        }
        return out.toString();
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
