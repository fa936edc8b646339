package dev.telar.workloads.bench.remote;

import dev.telar.workloads.proc.ProcessTarget;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.remote.RemoteDict;
import dev.telar.workloads.remote.RemoteLock;
import dev.telar.workloads.sync.SyncBarrier;
import dev.telar.workloads.sync.SyncLock;
import dev.telar.workloads.sync.remote.RemoteSync;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;

/**
 * One client of {@link RemoteBench} in its own JVM and session. Arguments:
 * {@code ADDRESS KEYFILE SESSION_MS PREFIX INDEX CLIENTS} (KEYFILE empty: the key variable this
 * process inherited; the key itself never comes on the command line). It connects, prints
 * {@code ready}, then for each line {@code FIGURE ROUND OPS} on its standard input waits for the
 * other clients at the start barrier, does OPS operations and prints
 * {@code done NANOS COUNT RETRIES}; {@code quit} ends it. Any failure ends the process with its
 * message, which the parent reports.
 */
public final class RemoteBenchChild implements ProcessTarget {
    /** Longest wait for the lock or a barrier round before the client gives up (a dead peer). */
    static final Duration BOUND = Duration.ofSeconds(60);

    @Override
    public void run(String[] args) throws Exception {
        ManagerTarget target = new ManagerTarget(args[0], args[1].isEmpty() ? Optional.empty() : Optional.of(Path.of(args[1])),
                Long.parseLong(args[2]));
        String prefix = args[3];
        int index = Integer.parseInt(args[4]);
        int clients = Integer.parseInt(args[5]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (ManagerClient client = target.connect()) {
            RemoteDict dict = RemoteDict.open(client, prefix);
            RemoteLock lock = RemoteLock.open(client, prefix);
            InterProcessMutex mutex = new InterProcessMutex(client.curator(), RemoteBench.mutexPath(prefix));
            RemoteSync sync = new RemoteSync(client, prefix);
            SyncLock syncLock = sync.lock("lock");
            SyncBarrier start = RemoteBench.barrier(sync, "start", clients);
            System.out.println("ready");
            System.out.flush();
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                String[] w = line.split(" ");
                RemoteBench.Kind kind = RemoteBench.Kind.valueOf(w[0]);
                String round = w[1];
                int ops = Integer.parseInt(w[2]);
                SyncBarrier rounds = kind == RemoteBench.Kind.BARRIER ? RemoteBench.barrier(sync, round, clients) : null;
                long retriesBefore = dict.retries();
                start.await();
                long t0 = System.nanoTime();
                long count = 0;
                for (int i = 0; i < ops; i++) {
                    switch (kind) {
                        case DICT_CAS -> dict.increment(RemoteBench.sharedKey(round), 1);
                        case DICT_CAS_DISTINCT -> dict.increment(RemoteBench.ownKey(round, index), 1);
                        case DICT_LOCKED -> lockedIncrement(dict, lock, RemoteBench.lockedKey(round));
                        case LOCK -> {
                            acquire(lock);
                            lock.release();
                        }
                        case MUTEX -> {
                            if (!mutex.acquire(BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                                throw new IllegalStateException("mutex not acquired within " + BOUND.toSeconds() + " s");
                            }
                            mutex.release();
                        }
                        case SYNC_LOCK -> {
                            if (!syncLock.tryAcquire(BOUND)) {
                                throw new IllegalStateException("sync lock not acquired within " + BOUND.toSeconds() + " s");
                            }
                            syncLock.release();
                        }
                        case BARRIER -> rounds.await();
                        case DICT_GET -> read(dict);
                        default -> throw new IllegalArgumentException("unknown figure " + kind);
                    }
                    count++;
                }
                long nanos = System.nanoTime() - t0;
                System.out.println("done " + nanos + " " + count + " " + (dict.retries() - retriesBefore));
                System.out.flush();
            }
        }
    }

    /**
     * The lecture's way: read, add one, write back, all under the lock. The write is a plain
     * one (no version): only the lock keeps two clients from overwriting each other.
     */
    private static void lockedIncrement(RemoteDict dict, RemoteLock lock, String key) {
        acquire(lock);
        try {
            OptionalLong now = dict.get(key);
            dict.put(key, now.orElse(0) + 1);
        } finally {
            lock.release();
        }
    }

    private static void read(RemoteDict dict) {
        if (dict.get(RemoteBench.READ_KEY).orElse(0) != RemoteBench.READ_VALUE) {
            throw new IllegalStateException("entry '" + RemoteBench.READ_KEY + "' does not hold " + RemoteBench.READ_VALUE);
        }
    }

    private static void acquire(RemoteLock lock) {
        if (!lock.acquire(BOUND)) {
            throw new IllegalStateException("lock '" + lock.name() + "' not acquired within " + BOUND.toSeconds() + " s");
        }
    }
}
