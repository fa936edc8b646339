package dev.telar.workloads.remote;

import dev.telar.workloads.proc.ProcessTarget;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Child programs for the remote objects' tests: real JVMs with their own sessions. The key comes
 * from the owner-only key file named by the second argument, never from the command line.
 */
public final class RemoteTargets {
    private static final Duration CONNECT = Duration.ofSeconds(10);

    private RemoteTargets() {
    }

    /**
     * Args: address, key file, value name, count. Connects, prints "ready", waits for a line on
     * standard input (so both children start counting together), adds 1 count times, prints "done".
     */
    public static final class Counter implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            try (ManagerClient client = ManagerClient.connect(args[0], ManagerKey.read(Path.of(args[1])), CONNECT)) {
                RemoteValue value = RemoteValue.open(client, args[2], 0);
                System.out.println("ready");
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                int count = Integer.parseInt(args[3]);
                for (int i = 0; i < count; i++) {
                    value.addAndGet(1);
                }
                System.out.println("done " + value.retries());
            }
        }
    }

    /**
     * Args: address, key file, lock name, session in ms. Acquires the lock, prints "locked" and the
     * session timeout the server granted (ms), then sleeps until killed.
     */
    public static final class Holder implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            ManagerClient client = ManagerClient.connect(args[0], ManagerKey.read(Path.of(args[1])), CONNECT,
                    Duration.ofMillis(Long.parseLong(args[3])));
            RemoteLock lock = RemoteLock.open(client, args[2]);
            if (!lock.acquire(CONNECT)) {
                throw new IllegalStateException("lock '" + args[2] + "' not acquired in " + CONNECT.toSeconds() + " s");
            }
            System.out.println("locked " + client.sessionTimeout().toMillis());
            Thread.sleep(Duration.ofMinutes(2).toMillis()); // killed long before
        }
    }
}
