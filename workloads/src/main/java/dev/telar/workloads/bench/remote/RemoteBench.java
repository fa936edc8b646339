package dev.telar.workloads.bench.remote;

import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.proc.ChildMain;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerKey;
import dev.telar.workloads.remote.ManagerServer;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.remote.RemoteDict;
import dev.telar.workloads.remote.RemoteLock;
import dev.telar.workloads.sync.SyncBarrier;
import dev.telar.workloads.sync.remote.RemoteSync;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code telar bench remote}: the remote manager's dict, locks and barrier timed from {@code clients}
 * real child JVMs, each a client with its own session, as {@code bench/peers/py_remote_manager_peer.py}
 * times Python's remote Manager. Each figure is one timed pass of {@code ops} operations per client
 * after an untimed warm-up pass, from a common start (a barrier round) to the end of the slowest
 * client; operations per second count all clients' operations, and a barrier's rounds, as the peer does.
 *
 * <p><b>Every count is checked.</b> After each pass the parent reads the counters back (the
 * shared entry equals clients × ops, each client's own entry equals ops, the barrier completed ops
 * rounds, each client did ops acquisitions, the entry read still holds its number); a wrong count ends the bench with
 * {@link IllegalStateException} saying which, never with a figure.
 *
 * <p>Everything the bench creates on the manager lives under names of its own (a fresh prefix per
 * run) and is deleted at the end; a manager the bench started itself ({@link #runEmbedded}) is
 * stopped and its directory, key included, removed.
 */
public final class RemoteBench {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteBench.class);
    /** The most clients one run starts. */
    public static final int MAX_CLIENTS = 32;
    /** Operations of each client's warm-up pass, at most (fewer when the timed pass has fewer). */
    static final int WARM_OPS = 50;
    /** The entry every client reads in the read figure, and the number it holds. */
    static final String READ_KEY = "read";
    static final long READ_VALUE = 42;
    /** Children log warnings and errors only: their error stream is their report. */
    private static final List<String> QUIET = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    /** The figures, in the order run. */
    public enum Kind {
        /** One shared dict entry incremented by versioned compare-and-set: no lock, the fastest correct way. */
        DICT_CAS("remote_dict_cas_incr"),
        /** The same, each client on an entry of its own: no client ever loses a compare-and-set. */
        DICT_CAS_DISTINCT("remote_dict_cas_incr_own_key"),
        /** The lecture's way, the peer's figure: read, add one and write back under the remote lock. */
        DICT_LOCKED("remote_dict_locked_incr"),
        /** RemoteLock (one ephemeral holder node: one create, one delete) acquired and released: the peer's figure. */
        LOCK("remote_lock_acq_rel"),
        /** Curator's InterProcessMutex (the reentrant one) acquired and released, for comparison. */
        MUTEX("remote_mutex_acq_rel"),
        /** The remote sync family's Lock ({@code RemoteSync.lock}, what {@code telar sync --mode remote} uses) acquired and released. */
        SYNC_LOCK("remote_sync_lock_acq_rel"),
        /** Rounds of the remote sync family's Barrier of all clients ({@code RemoteSync.barrier}): the peer's figure. */
        BARRIER("remote_barrier_rounds"),
        /** One shared dict entry read: served by the server the client is connected to, no write. */
        DICT_GET("remote_dict_get");

        private final String figure;

        Kind(String figure) {
            this.figure = figure;
        }

        /** The figure's name in the output. */
        public String figure() {
            return figure;
        }
    }

    private RemoteBench() {
    }

    /**
     * Runs every figure against the manager {@code target}; hands each figure to {@code each} as
     * soon as it is measured and returns them all.
     *
     * @throws IllegalStateException when a client fails or dies, or a count is not exact
     * @throws dev.telar.workloads.problem.ProblemException as {@link ManagerTarget#connect}
     */
    public static List<RemoteFigure> run(ManagerTarget target, int clients, int ops, Consumer<RemoteFigure> each)
            throws InterruptedException {
        if (clients < 1 || clients > MAX_CLIENTS || ops < 1) {
            throw new IllegalArgumentException("clients must be 1.." + MAX_CLIENTS + " and ops positive: " + clients + ", " + ops);
        }
        String prefix = "bench-" + ProcessHandle.current().pid() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
        List<Child> children = new ArrayList<>();
        try (ManagerClient client = target.connect()) {
            RemoteDict dict = RemoteDict.open(client, prefix);
            RemoteSync sync = new RemoteSync(client, prefix);
            try {
                for (int i = 0; i < clients; i++) {
                    children.add(ChildLauncher.start(ChildMain.KIND_TARGET, RemoteBenchChild.class,
                            List.of(target.address(), target.keyFile().map(Path::toString).orElse(""),
                                    Long.toString(target.sessionMillis()), prefix, Integer.toString(i), Integer.toString(clients)),
                            QUIET, true));
                }
                for (Child c : children) {
                    String line = readLine(c);
                    if (!"ready".equals(line)) {
                        throw childFailed(c, "was not ready", line);
                    }
                }
                List<RemoteFigure> figures = new ArrayList<>();
                dict.put(READ_KEY, READ_VALUE);
                for (Kind kind : Kind.values()) {
                    pass(sync, dict, children, kind, "warm-" + kind.ordinal(), Math.min(ops, WARM_OPS));
                    RemoteFigure f = pass(sync, dict, children, kind, "timed-" + kind.ordinal(), ops);
                    figures.add(f);
                    each.accept(f);
                }
                children.forEach(c -> c.sendLine("quit"));
                for (Child c : children) {
                    c.join(Duration.ofSeconds(10));
                }
                return figures;
            } finally {
                children.forEach(Child::kill);
                removeWhatItMade(client, dict, sync, prefix);
            }
        }
    }

    /**
     * Starts a manager of its own on a free loopback port, with a fresh key in a fresh owner-only
     * directory, runs {@link #run} against it, then stops it and removes the directory.
     */
    public static List<RemoteFigure> runEmbedded(int clients, int ops, Consumer<RemoteFigure> each) throws InterruptedException {
        Path dir;
        try {
            dir = Files.createTempDirectory("telar-bench-remote-"); // owner-only on POSIX systems
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a directory for the bench's manager: " + e.getMessage(), e);
        }
        try {
            Path keyFile = ManagerKey.defaultFile(dir);
            ManagerKey key = ManagerKey.readOrCreate(keyFile);
            try (ManagerServer server = ManagerServer.start(new InetSocketAddress("127.0.0.1", 0),
                    ManagerServer.defaultDirectory(dir), key)) {
                ManagerTarget target = new ManagerTarget(server.connectString(), Optional.of(keyFile),
                        ManagerClient.DEFAULT_SESSION.toMillis());
                return run(target, clients, ops, each);
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** One pass of {@code ops} operations per client, its counts checked. */
    private static RemoteFigure pass(RemoteSync sync, RemoteDict dict, List<Child> children, Kind kind, String round,
                                     int ops) throws InterruptedException {
        int clients = children.size();
        children.forEach(c -> c.sendLine(kind.name() + " " + round + " " + ops));
        long slowest = 0;
        long retries = 0;
        for (Child c : children) {
            String line = readLine(c);
            String[] w = line == null ? new String[0] : line.split(" ");
            if (w.length != 4 || !w[0].equals("done")) {
                throw childFailed(c, "ended the " + kind.figure() + " pass without its figures", line);
            }
            slowest = Math.max(slowest, Long.parseLong(w[1]));
            check(kind, "operations of client " + c.pid(), Long.parseLong(w[2]), ops);
            retries += Long.parseLong(w[3]);
        }
        long total = (long) clients * ops;
        switch (kind) {
            case DICT_CAS -> check(kind, "the shared entry", dict.get(sharedKey(round)).orElse(0), total);
            case DICT_CAS_DISTINCT -> {
                for (int i = 0; i < clients; i++) {
                    check(kind, "client " + i + "'s entry", dict.get(ownKey(round, i)).orElse(0), ops);
                }
            }
            case DICT_LOCKED -> check(kind, "the entry incremented under the lock", dict.get(lockedKey(round)).orElse(0), total);
            case BARRIER -> check(kind, "rounds completed", rounds(sync, round, clients), ops);
            case DICT_GET -> check(kind, "the entry read", dict.get(READ_KEY).orElse(0), READ_VALUE);
            default -> {
                // lock and mutex: each client's count of acquisitions, checked above
            }
        }
        long operations = kind == Kind.BARRIER ? ops : total;
        double seconds = slowest / 1e9;
        return new RemoteFigure(kind.figure(), clients, operations, seconds, operations / seconds, retries);
    }

    /** Rounds the barrier of {@code round} completed (the parent opens it too, to read it, never to wait). */
    private static long rounds(RemoteSync sync, String round, int clients) {
        return barrier(sync, round, clients).state().rounds();
    }

    /** The barrier of {@code name} of all {@code clients}, every wait bounded by {@link RemoteBenchChild#BOUND}. */
    static SyncBarrier barrier(RemoteSync sync, String name, int clients) {
        return sync.barrier("barrier-" + name, clients, null, RemoteBenchChild.BOUND);
    }

    private static void check(Kind kind, String what, long got, long expected) {
        if (got != expected) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s: %s is %d, not %d: the count is wrong",
                    kind.figure(), what, got, expected));
        }
    }

    private static String readLine(Child c) {
        try {
            return c.stdout().readLine();
        } catch (IOException e) {
            return null;
        }
    }

    private static IllegalStateException childFailed(Child c, String what, String line) {
        try {
            c.join(Duration.ofSeconds(2)); // its last error line arrives as it ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String why = c.lastError();
        return new IllegalStateException("bench client " + c.pid() + " " + what
                + (why == null || why.isBlank() ? (line == null ? " (it ended)" : ": " + line) : ": " + why));
    }

    /** Deletes the dict, the lock's node, the sync space and the bench's own folder: the names this run made. */
    private static void removeWhatItMade(ManagerClient client, RemoteDict dict, RemoteSync sync, String prefix) {
        try {
            dict.delete();
            sync.removeSpace();
            for (String path : List.of(RemoteLock.FOLDER + "/" + prefix, benchFolder(prefix))) {
                if (client.curator().checkExists().forPath(path) != null) {
                    client.curator().delete().deletingChildrenIfNeeded().forPath(path);
                }
            }
        } catch (Exception e) {
            LOG.warn("bench nodes {} not all removed from the manager at {}", prefix, client.address(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("cannot remove the bench's manager directory {}", dir, e);
        }
    }

    static String benchFolder(String prefix) {
        return "/bench/" + prefix;
    }

    static String mutexPath(String prefix) {
        return benchFolder(prefix) + "/mutex";
    }


    static String sharedKey(String round) {
        return round + "-shared";
    }

    static String ownKey(String round, int client) {
        return round + "-client-" + client;
    }

    static String lockedKey(String round) {
        return round + "-locked";
    }
}
