package dev.telar.workloads.bench;

import dev.telar.workloads.proc.ProcessTarget;
import dev.telar.workloads.proc.StartGate;
import dev.telar.workloads.sync.SharedCounters;
import dev.telar.workloads.sync.SyncBarrier;
import dev.telar.workloads.sync.SyncEvent;
import dev.telar.workloads.sync.SyncLock;
import dev.telar.workloads.sync.process.ProcessSync;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One benchmark participant in a child JVM: {@code <kind> <dir> <slot> <ops> <warm-up ops> <parties>
 * <rounds>}, kind being lock, barrier, ping, pong or idle. It meets the other participants at the
 * start gate, warms up with them (the lock until its pace is steady, the paired loops for the
 * given count, which both sides must share), then runs each round when the gate opens it and
 * writes the round's end ({@link System#nanoTime()}, one monotonic clock for every process) on
 * the shared board.
 */
public final class SyncBenchChild implements ProcessTarget {
    /** Thread name of the idle waiter (15 characters: the kernel keeps no more). */
    static final String IDLE_THREAD = "telar-idle-wait";
    /** Lock operations per warm-up batch. */
    private static final int LOCK_BATCH = 20_000;

    @Override
    public void run(String[] args) throws Exception {
        String kind = args[0];
        Path dir = Path.of(args[1]);
        try (ProcessSync sync = new ProcessSync(dir)) {
            if (kind.equals("idle")) {
                idle(sync.event("never"));
                return;
            }
            int slot = Integer.parseInt(args[2]);
            long ops = Long.parseLong(args[3]);
            long warm = Long.parseLong(args[4]);
            int parties = Integer.parseInt(args[5]);
            int rounds = Integer.parseInt(args[6]);
            SharedCounters board = sync.counters(SyncBench.BOARD, SyncBench.BOARD_SIZE);
            Loop loop = loop(kind, sync);
            try (StartGate gate = StartGate.open(dir.resolve(SyncBench.GATE))) {
                gate.meet(parties);
                warmUp(kind, loop, warm);
                for (int r = 0; r < rounds; r++) {
                    gate.ready();
                    gate.awaitOpen(r);
                    loop.run(ops);
                    board.set(SyncBench.endSlot(r, slot), System.nanoTime());
                }
            }
        }
    }

    /** The lock until its pace is steady; a paired loop (barrier, ping and pong) for {@code warm} operations. */
    static void warmUp(String kind, Loop loop, long warm) throws Exception {
        if (kind.equals("lock")) {
            WarmUp.BENCHMARK.run(() -> loop.runUnchecked(LOCK_BATCH));
        } else {
            loop.run(warm);
        }
    }

    /** A timed loop of {@code n} operations. */
    interface Loop {
        void run(long n) throws Exception;

        /** {@link #run} for a caller that cannot throw checked exceptions. */
        default void runUnchecked(long n) {
            try {
                run(n);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Loop loop(String kind, dev.telar.workloads.sync.SyncPrimitives sync) {
        return switch (kind) {
            case "lock" -> {
                SyncLock lock = sync.lock("lock");
                yield n -> {
                    for (long i = 0; i < n; i++) {
                        lock.acquire();
                        lock.release();
                    }
                };
            }
            case "barrier" -> {
                SyncBarrier b = sync.barrier("barrier", 2, null, null);
                yield n -> {
                    for (long i = 0; i < n; i++) {
                        b.await();
                    }
                };
            }
            case "ping" -> {
                SyncEvent e1 = sync.event("e1");
                SyncEvent e2 = sync.event("e2");
                yield n -> {
                    for (long i = 0; i < n; i++) {
                        e1.set();
                        e2.await();
                        e2.clear();
                    }
                };
            }
            case "pong" -> {
                SyncEvent e1 = sync.event("e1");
                SyncEvent e2 = sync.event("e2");
                yield n -> {
                    for (long i = 0; i < n; i++) {
                        e1.await();
                        e1.clear();
                        e2.set();
                    }
                };
            }
            default -> throw new IllegalArgumentException("unknown benchmark kind " + kind);
        };
    }

    private static void idle(SyncEvent never) throws InterruptedException {
        Thread waiter = new Thread(() -> {
            try {
                never.await(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, IDLE_THREAD);
        waiter.start();
        System.out.println("waiting");
        System.out.flush();
        waiter.join();
    }
}
