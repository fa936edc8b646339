package dev.telar.workloads.sync;

import dev.telar.workloads.proc.ProcessTarget;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerKey;
import dev.telar.workloads.sync.remote.RemoteSync;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Child JVM programs for the remote family's cross-process tests. Each takes the manager's address,
 * the owner-only key file (the key itself never goes on a command line), the space, the session
 * in ms, and its own arguments.
 */
public final class RemoteSyncChildren {
    private static final Duration CONNECT = Duration.ofSeconds(10);

    private RemoteSyncChildren() {
    }

    private static ManagerClient connect(String[] args) throws InterruptedException {
        return ManagerClient.connect(args[0], ManagerKey.read(Path.of(args[1])), CONNECT, Duration.ofMillis(Long.parseLong(args[3])));
    }

    /**
     * Extra arg: n. Says "ready", waits for event "go", then adds 1 to counter "total" n times under
     * Lock "l" (a plain read, then a write), says "done" and leaves (closing its session).
     */
    public static final class LockCounter implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            int n = Integer.parseInt(args[4]);
            try (ManagerClient client = connect(args); RemoteSync sync = new RemoteSync(client, args[2])) {
                SyncLock lock = sync.lock("l");
                SharedCounters total = sync.counters("total", 1);
                SyncEvent go = sync.event("go");
                System.out.println("ready");
                go.await();
                SyncChildren.countUnderLock(lock, total, n);
                System.out.println("done");
            }
        }
    }

    /**
     * Takes Lock "l", RLock "r" twice and the one permit of Semaphore "s"(1), says "held" and the
     * session granted (ms), sleeps until killed.
     */
    public static final class Holder implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            ManagerClient client = connect(args);
            RemoteSync sync = new RemoteSync(client, args[2]);
            sync.lock("l").acquire();
            sync.rlock("r").acquire();
            sync.rlock("r").acquire();
            sync.semaphore("s", 1).acquire();
            System.out.println("held " + client.sessionTimeout().toMillis());
            Thread.sleep(Duration.ofMinutes(2).toMillis()); // killed long before
        }
    }

    /** Extra arg: parties. Says "arriving" and the session granted (ms), then waits at Barrier "b" until killed. */
    public static final class BarrierParty implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            ManagerClient client = connect(args);
            SyncBarrier b = new RemoteSync(client, args[2]).barrier("b", Integer.parseInt(args[4]), null, null);
            System.out.println("arriving " + client.sessionTimeout().toMillis());
            b.await();
            Thread.sleep(Duration.ofMinutes(2).toMillis()); // not reached: killed while waiting
        }
    }
}
