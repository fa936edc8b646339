package dev.telar.workloads.remote;

import dev.telar.workloads.proc.ProcessTarget;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Child programs for the tests of the manager dict and queue: real JVMs with sessions of their own.
 * Each connects with the address and the owner-only key FILE given as its first two arguments,
 * prints "ready", waits for a line on standard input (so all start together) and then works.
 */
public final class RemoteDataTargets {
    private static final Duration CONNECT = Duration.ofSeconds(10);
    /** What a consumer takes as "no more items". */
    static final long STOP = -1;

    private RemoteDataTargets() {
    }

    private static ManagerClient connect(String[] args) throws InterruptedException {
        return ManagerClient.connect(args[0], ManagerKey.read(Path.of(args[1])), CONNECT);
    }

    private static void readyThenWait() throws Exception {
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    /** Args: address, key file, dict, key, count. Increments the entry count times; prints "done RETRIES". */
    public static final class DictCounter implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            try (ManagerClient client = connect(args)) {
                RemoteDict dict = RemoteDict.open(client, args[2]);
                readyThenWait();
                int count = Integer.parseInt(args[4]);
                for (int i = 0; i < count; i++) {
                    dict.increment(args[3], 1);
                }
                System.out.println("done " + dict.retries());
            }
        }
    }

    /** Args: address, key file, queue, producer number P, count. Puts P*1,000,000 + i for i below count; prints "done". */
    public static final class Producer implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            try (ManagerClient client = connect(args)) {
                RemoteQueue queue = RemoteQueue.open(client, args[2]);
                readyThenWait();
                long base = Long.parseLong(args[3]) * 1_000_000L;
                int count = Integer.parseInt(args[4]);
                for (int i = 0; i < count; i++) {
                    queue.put(base + i);
                }
                System.out.println("done");
            }
        }
    }

    /**
     * Args: address, key file, queue. Takes items (waiting up to 30 s for each) until it takes
     * {@link #STOP}; prints each item taken as "took N", then "done".
     */
    public static final class Consumer implements ProcessTarget {
        @Override
        public void run(String[] args) throws Exception {
            try (ManagerClient client = connect(args)) {
                RemoteQueue queue = RemoteQueue.open(client, args[2]);
                readyThenWait();
                StringBuilder out = new StringBuilder();
                while (true) {
                    OptionalLong item = queue.take(Duration.ofSeconds(30));
                    if (item.isEmpty()) {
                        throw new IllegalStateException("no item for 30 s");
                    }
                    if (item.getAsLong() == STOP) {
                        break;
                    }
                    out.append("took ").append(item.getAsLong()).append('\n');
                }
                System.out.print(out);
                System.out.println("done");
            }
        }
    }
}
