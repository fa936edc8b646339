package dev.telar.workloads.sync;

import dev.telar.workloads.proc.ProcessTarget;
import dev.telar.workloads.sync.process.ProcessSync;
import java.nio.file.Path;
import java.time.Duration;

/** Child JVM programs for the cross-process tests; each opens the primitives of the directory given first. */
public final class SyncChildren {
    private SyncChildren() {
    }

    /** {@code dir n}: after event "go", adds 1 to counter "total" n times under lock "l" (read, then write). */
    public static final class LockCounter implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            int n = Integer.parseInt(args[1]);
            try (ProcessSync sync = new ProcessSync(Path.of(args[0]))) {
                SyncLock lock = sync.lock("l");
                SharedCounters total = sync.counters("total", 1);
                SyncEvent go = sync.event("go");
                System.out.println("ready");
                go.await();
                countUnderLock(lock, total, n);
            }
        }
    }

    /** Adds 1 to counter 0 of {@code total} {@code n} times under {@code lock}: a plain read, then a write. */
    static void countUnderLock(SyncLock lock, SharedCounters total, int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            lock.acquire();
            try {
                total.set(0, total.get(0) + 1);
            } finally {
                lock.release();
            }
        }
    }

    /**
     * {@code dir}: takes Lock "l", RLock "r" twice and both permits of Semaphore "s"(2), goes once
     * through Barrier "b"(2) with the parent, says "held", and sleeps until killed.
     */
    public static final class Holder implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            ProcessSync sync = new ProcessSync(Path.of(args[0]));
            sync.lock("l").acquire();
            sync.rlock("r").acquire();
            sync.rlock("r").acquire();
            sync.semaphore("s", 2).acquire();
            sync.semaphore("s", 2).acquire();
            sync.barrier("b", 2, null, null).await();
            System.out.println("held");
            Thread.sleep(Duration.ofMinutes(1).toMillis());
        }
    }

    /** {@code dir parties rounds}: waits at barrier "b" for the given rounds, says "done", sleeps. */
    public static final class BarrierParty implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            ProcessSync sync = new ProcessSync(Path.of(args[0]));
            SyncBarrier b = sync.barrier("b", Integer.parseInt(args[1]), null, null);
            System.out.println("ready");
            for (int r = Integer.parseInt(args[2]); r > 0; r--) {
                b.await();
            }
            System.out.println("done");
            Thread.sleep(Duration.ofMinutes(1).toMillis());
        }
    }

    /**
     * {@code dir condition|event n}: n threads wait, for good, on Condition "c" (over Lock "l") or
     * on Event "e"; says "started" once all threads run; sleeps until killed.
     */
    public static final class Waiters implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            ProcessSync sync = new ProcessSync(Path.of(args[0]));
            boolean condition = args[1].equals("condition");
            int n = Integer.parseInt(args[2]);
            SyncLock lock = sync.lock("l");
            SyncCondition cond = sync.condition("c", lock);
            SyncEvent event = sync.event("e");
            for (int i = 0; i < n; i++) {
                Thread t = new Thread(() -> {
                    try {
                        if (condition) {
                            lock.acquire();
                            cond.await();
                        } else {
                            event.await();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "waiter-" + i);
                t.start();
            }
            System.out.println("started");
            Thread.sleep(Duration.ofMinutes(1).toMillis());
        }
    }

    /** {@code dir n}: n times waits for "ping", clears it and sets "pong". */
    public static final class EventPong implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            int n = Integer.parseInt(args[1]);
            try (ProcessSync sync = new ProcessSync(Path.of(args[0]))) {
                SyncEvent ping = sync.event("ping");
                SyncEvent pong = sync.event("pong");
                System.out.println("ready");
                for (int i = 0; i < n; i++) {
                    ping.await();
                    ping.clear();
                    pong.set();
                }
            }
        }
    }
}
