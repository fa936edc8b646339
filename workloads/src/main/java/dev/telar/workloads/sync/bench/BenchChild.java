package dev.telar.workloads.sync.bench;

import dev.telar.workloads.proc.ProcessTarget;
import dev.telar.workloads.sync.SharedCounters;
import dev.telar.workloads.sync.SyncBarrier;
import dev.telar.workloads.sync.SyncEvent;
import dev.telar.workloads.sync.SyncLock;
import dev.telar.workloads.sync.process.ProcessSync;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One benchmark participant in a child JVM: {@code <kind> <dir> <slot> <ops> <warm-up ops>}, kind
 * being lock, barrier, ping, pong or idle. It runs the warm-up, counts itself ready, waits for the
 * "go" event, runs the timed loop and writes its start and end ({@link System#nanoTime()}, the same
 * monotonic clock in every process) into the shared counters.
 */
public final class BenchChild implements ProcessTarget {
    /** Thread name of the idle waiter (15 characters: the kernel keeps no more). */
    static final String IDLE_THREAD = "telar-idle-wait";

    @Override
    public void run(String[] args) throws Exception {
        String kind = args[0];
        int slot = Integer.parseInt(args[2]);
        long ops = Long.parseLong(args[3]);
        long warm = Long.parseLong(args[4]);
        try (ProcessSync sync = new ProcessSync(Path.of(args[1]))) {
            SharedCounters board = sync.counters(SyncBench.BOARD, SyncBench.BOARD_SIZE);
            SyncEvent go = sync.event("go");
            if (kind.equals("idle")) {
                idle(sync.event("never"));
                return;
            }
            Loop loop = loop(kind, sync);
            loop.run(warm);
            board.add(SyncBench.READY, 1);
            go.await();
            long t0 = System.nanoTime();
            loop.run(ops);
            long t1 = System.nanoTime();
            board.set(SyncBench.START + 2 * slot, t0);
            board.set(SyncBench.START + 2 * slot + 1, t1);
        }
    }

    /** A timed loop of {@code n} operations. */
    interface Loop {
        void run(long n) throws Exception;
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
