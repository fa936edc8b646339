package dev.telar.workloads.remote;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import dev.telar.workloads.problem.ProblemFailure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.zookeeper.common.ClientX509Util;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lecture's Manager server: one ZooKeeper server, embedded in this JVM (ZooKeeper's embedded
 * server API), that lets in only clients that know the key. Every session must authenticate with
 * SASL DIGEST-MD5 as {@link ManagerKey#USER} with the key as password before its first request;
 * a session that does not is closed by the server. Telar's nodes carry ACLs for that user only
 * ({@link ManagerClient}).
 *
 * <p>The server listens on {@link #DEFAULT_PORT} of 127.0.0.1 unless told another address (port 0
 * takes a free one: {@link #address()} tells which). Its data (snapshots and transaction log) is
 * state, kept in {@code directory/data} across runs; {@link #close()} stops the server and leaves
 * that directory, with no file of its own beside it (the configuration file the embedded API
 * writes is removed as soon as it has been read). One manager at a time runs on a data directory:
 * it holds {@link DataDirectoryLock} there while it runs, and a second start on it is refused
 * before anything there is read or changed. Old snapshots and logs are purged at start and hourly
 * ({@link DataPurge}), logged, never printed.
 *
 * <p><b>JVM-wide effects.</b> ZooKeeper's server reads its security settings from system
 * properties. Starting a manager sets, for the whole JVM and for good:
 * {@code zookeeper.sessionRequireClientSASLAuth=true} (any ZooKeeper server started later in this
 * JVM also demands SASL), {@code zookeeper.authProvider.sasl} (the SASL ACL scheme),
 * {@code zookeeper.admin.enableServer=false} (no HTTP admin server), and
 * {@code zookeeper.sasl.serverconfig} (the login section of the server being started; starts are
 * serialised so each server reads its own). A failing server logs instead of calling
 * {@code System.exit}, also JVM-wide. The key is held in memory by {@link SaslSections}, never in a
 * file ZooKeeper reads. A manager with TLS also sets {@code zookeeper.serverCnxnFactory} (Netty
 * serves every server started later in this JVM too) and {@code zookeeper.ssl.keyStore.*} and
 * {@code zookeeper.ssl.clientAuth}: the TLS managers of one JVM share one key store, the last
 * one started names it. ZooKeeper always answers the four-letter word {@code srvr} (version,
 * counts, mode) without authentication; no other.
 */
public final class ManagerServer implements AutoCloseable {
    /** ZooKeeper's usual client port. */
    public static final int DEFAULT_PORT = 2181;
    /** The data directory's name in Telar's state directory. */
    public static final String DIRECTORY_NAME = "manager";
    /**
     * The server's tick unless told otherwise: the session timeouts it grants are 2 ticks at the
     * least ({@link #minSession}) and {@link #MAX_SESSION} at the most, and it looks for expired
     * sessions once a tick. A second (ZooKeeper's own default is 3 s) lets a dead holder's lock go
     * after 2 s when its client asks for that; the cost is one expiry check a second.
     */
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(1);
    /** The longest session timeout the server grants, whatever the tick. */
    public static final Duration MAX_SESSION = Duration.ofSeconds(60);
    /**
     * Sessions one client address may hold at once. ZooKeeper's own default, 60, refuses the 61st
     * connection from an address: a fleet's hosts behind one NAT gateway share an address, and so do
     * the simulated agents of the scale bench (dev.telar.workloads.bench.fleet). Every session still
     * needs the key.
     */
    public static final int MAX_SESSIONS_PER_ADDRESS = 5_000;
    /** Longest a start may take before it is given up. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ManagerServer.class);
    private static final String CONFIG_FILE_GLOB = "zookeeper.configuration*.properties";
    private static final Object STARTING = new Object();

    /** How often old snapshots and logs go: a fleet at 1 Hz writes hundreds of MB an hour that nothing reads again (docs/FLEET.md). */
    static final Duration PURGE_EVERY = Duration.ofHours(1);
    /** Snapshots each purge keeps. */
    static final int SNAPSHOTS_KEPT = 3;

    private final ZooKeeperServerEmbedded server;
    private final InetSocketAddress address;
    private final String section;
    private final Options options;
    private final DataDirectoryLock lock;
    private final ScheduledExecutorService purger;

    private ManagerServer(ZooKeeperServerEmbedded server, InetSocketAddress address, String section, Options options,
                          DataDirectoryLock lock, ScheduledExecutorService purger) {
        this.server = server;
        this.address = address;
        this.section = section;
        this.options = options;
        this.lock = lock;
        this.purger = purger;
    }

    /**
     * How a manager runs besides its address, data and key.
     *
     * @param tick the server's tick, 10 ms to half of {@link #MAX_SESSION}: sessions last 2 ticks at the least
     * @param tls  null: plain TCP; else the client port speaks only TLS, with the key store of these settings
     */
    public record Options(Duration tick, ManagerTls tls) {
        public Options {
            if (tick.toMillis() < 10 || tick.compareTo(MAX_SESSION.dividedBy(2)) > 0) {
                throw new IllegalArgumentException("a manager's tick is 10 ms to " + MAX_SESSION.dividedBy(2).toSeconds() + " s: " + tick);
            }
        }

        /** A tick of {@link #DEFAULT_TICK}, no TLS. */
        public static Options defaults() {
            return new Options(DEFAULT_TICK, null);
        }

        /** These options serving TLS as {@code settings} say. */
        public Options withTls(ManagerTls settings) {
            return new Options(tick, settings);
        }

        /** These options with another tick. */
        public Options withTick(Duration other) {
            return new Options(other, tls);
        }
    }

    /** 127.0.0.1:{@value #DEFAULT_PORT}: reachable from this machine only. */
    public static InetSocketAddress defaultListen() {
        return new InetSocketAddress("127.0.0.1", DEFAULT_PORT);
    }

    /** {@code stateDirectory/manager}: where a manager keeps its data. */
    public static Path defaultDirectory(Path stateDirectory) {
        return stateDirectory.resolve(DIRECTORY_NAME);
    }

    /**
     * Starts a manager listening at {@code listen}, its data under {@code directory} (created
     * owner-only when missing), letting in the holders of {@code key}. Returns once it accepts
     * connections.
     *
     * @throws ProblemFailure {@link ProblemCode#MANAGER_NOT_STARTED} when it cannot listen there
     *                        (address in use, not this machine's) or does not start within {@link #START_TIMEOUT}
     */
    public static ManagerServer start(InetSocketAddress listen, Path directory, ManagerKey key) {
        return start(listen, directory, key, Options.defaults());
    }

    /**
     * As {@link #start(InetSocketAddress, Path, ManagerKey)}, with a tick and TLS as
     * {@code options} say. With TLS the address speaks only TLS: a plain client gets no session.
     *
     * @throws ProblemException {@link ProblemCode#MANAGER_TLS_BAD} when the TLS settings name no readable key store;
     *                          {@link ProblemCode#MANAGER_DATA_IN_USE} when another manager runs on {@code directory}
     *                          (nothing there is touched)
     */
    public static ManagerServer start(InetSocketAddress listen, Path directory, ManagerKey key, Options options) {
        String where = hostPort(listen);
        Path keyStore = options.tls() == null ? null : options.tls().serverKeyStore();
        checkFree(listen, where);
        String section = SaslSections.addServer(key);
        DataDirectoryLock lock = null;
        try {
            synchronized (STARTING) {
                prepareJvm(section);
                createOwnerOnly(directory);
                Path data = directory.resolve("data");
                createOwnerOnly(data);
                lock = DataDirectoryLock.take(data); // before ZooKeeper reads, writes or purges a file there
                Set<Path> before = configFiles(directory);
                Properties p = new Properties();
                String port = options.tls() == null ? "clientPort" : "secureClientPort";
                p.setProperty(port + "Address", listen.getAddress().getHostAddress());
                p.setProperty(port, Integer.toString(listen.getPort()));
                if (options.tls() != null) {
                    prepareTls(keyStore, options.tls().keyStorePassword());
                }
                p.setProperty("tickTime", Long.toString(options.tick().toMillis()));
                p.setProperty("maxSessionTimeout", Long.toString(MAX_SESSION.toMillis()));
                p.setProperty("maxClientCnxns", Integer.toString(MAX_SESSIONS_PER_ADDRESS));
                // ZooKeeper's own purge (autopurge.*) stays off: it prints every file it removes
                // to System.out, the user's terminal. DataPurge does the same quietly.
                p.setProperty("dataDir", data.toAbsolutePath().toString());
                ZooKeeperServerEmbedded server = ZooKeeperServerEmbedded.builder()
                        .baseDir(directory).configuration(p).exitHandler(ExitHandler.LOG_ONLY).build();
                removeNew(directory, before); // read by build(); it would pile up, one per start
                startBounded(server, where);
                int bound = options.tls() == null ? server.getClientPort() : server.getSecureClientPort();
                InetSocketAddress at = new InetSocketAddress(listen.getAddress(), bound);
                LOG.info("manager listening on {}{}, tick {} ms, data in {}", hostPort(at), options.tls() == null ? "" : " (TLS only)",
                        options.tick().toMillis(), directory);
                return new ManagerServer(server, at, section, options, lock, startPurger(data));
            }
        } catch (ProblemFailure | ProblemException e) {
            release(lock);
            SaslSections.remove(section);
            throw e;
        } catch (Exception e) {
            release(lock);
            SaslSections.remove(section);
            LOG.warn("manager at {} did not start", where, e);
            throw new ProblemFailure(Problem.of(ProblemCode.MANAGER_NOT_STARTED, where, String.valueOf(e.getMessage())));
        }
    }

    /**
     * Starts {@code server} on a thread of its own and waits at most {@link #START_TIMEOUT}. A
     * server that fails while starting only logs, and the embedded API then waits out its own
     * timeout and closes it, a close that can block for good (it waits for a thread nobody
     * stops): so that thread is left behind rather than waited for.
     */
    private static void startBounded(ZooKeeperServerEmbedded server, String where) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                server.start(START_TIMEOUT.toMillis());
                started.complete(null);
            } catch (Throwable t) {
                started.completeExceptionally(t);
            }
        }, "telar-manager-start");
        starter.setDaemon(true);
        starter.start();
        try {
            started.get(START_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException failed) {
            LOG.warn("manager at {} did not start (the lines above say why)", where, failed.getCause());
            throw new ProblemFailure(Problem.of(ProblemCode.MANAGER_NOT_STARTED, where,
                    "no start within " + START_TIMEOUT.toSeconds() + " s"));
        }
    }

    /** The address it listens at, with the port it really has. */
    public InetSocketAddress address() {
        return address;
    }

    /** The options it runs with. */
    public Options options() {
        return options;
    }

    /** The shortest session timeout it grants: two ticks. */
    public Duration minSession() {
        return options.tick().multipliedBy(2);
    }

    /** {@code host:port} of {@link #address()}, as clients name it. */
    public String connectString() {
        return hostPort(address);
    }

    /** Stops the server (its clients' sessions end with it); the data directory stays, free for the next manager. */
    @Override
    public void close() {
        purger.shutdownNow();
        try {
            server.close();
        } finally {
            release(lock);
            SaslSections.remove(section);
            LOG.info("manager on {} stopped", connectString());
        }
    }

    /** Purges {@code data} now (as ZooKeeper's autopurge did at each start) and every {@link #PURGE_EVERY}, on a daemon thread. */
    private static ScheduledExecutorService startPurger(Path data) {
        ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telar-manager-purge");
            t.setDaemon(true);
            return t;
        });
        purger.scheduleAtFixedRate(() -> {
            try {
                DataPurge.purge(data, SNAPSHOTS_KEPT);
            } catch (IOException | RuntimeException e) {
                LOG.warn("manager purge of {} failed; the next one tries again", data, e);
            }
        }, 0, PURGE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return purger;
    }

    private static void release(DataDirectoryLock lock) {
        if (lock == null) {
            return;
        }
        try {
            lock.close();
        } catch (IOException e) {
            LOG.warn("could not release the manager's data directory lock", e);
        }
    }

    /** {@code host:port} with the numeric host. */
    static String hostPort(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /**
     * Binds the address for a moment: the embedded server, when it cannot bind, only logs and
     * never says it failed, which would cost the whole start timeout to learn.
     */
    private static void checkFree(InetSocketAddress listen, String where) {
        if (listen.getPort() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as ZooKeeper binds: a port in TIME_WAIT is free
            probe.bind(listen);
        } catch (IOException e) {
            throw new ProblemFailure(Problem.of(ProblemCode.MANAGER_NOT_STARTED, where, String.valueOf(e.getMessage())));
        }
    }

    /**
     * Makes the ZooKeeper servers started next in this JVM by other means (a test's ensemble)
     * demand {@code key} as a manager does: the JVM-wide settings of the class comment. Returns
     * the login section, to give to {@link SaslSections#remove} once those servers are stopped.
     */
    static String demandKeyJvmWide(ManagerKey key) {
        String section = SaslSections.addServer(key);
        synchronized (STARTING) {
            prepareJvm(section);
        }
        return section;
    }

    /** The system properties ZooKeeper's server reads (see the class comment). */
    private static void prepareJvm(String section) {
        System.setProperty("zookeeper.sessionRequireClientSASLAuth", "true");
        System.setProperty("zookeeper.authProvider.sasl", "org.apache.zookeeper.server.auth.SASLAuthenticationProvider");
        System.setProperty("zookeeper.admin.enableServer", "false");
        System.setProperty("zookeeper.sasl.serverconfig", section);
    }

    /**
     * ZooKeeper's server reads its TLS settings from system properties (see the class comment).
     * Netty serves the client port: ZooKeeper's plain NIO server cannot speak TLS.
     */
    private static void prepareTls(Path keyStore, String password) {
        System.setProperty("zookeeper.serverCnxnFactory", "org.apache.zookeeper.server.NettyServerCnxnFactory");
        try (ClientX509Util names = new ClientX509Util()) {
            System.setProperty(names.getSslKeystoreLocationProperty(), keyStore.toAbsolutePath().toString());
            System.setProperty(names.getSslKeystorePasswdProperty(), password);
            // Clients prove themselves with the key; a certificate of each would be a second secret to hand out.
            System.setProperty(names.getSslClientAuthProperty(), "none");
        }
    }

    private static void createOwnerOnly(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
    }

    private static Set<Path> configFiles(Path directory) throws IOException {
        Set<Path> found = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, CONFIG_FILE_GLOB)) {
            files.forEach(found::add);
        }
        return found;
    }

    /** Deletes the configuration files that appeared since {@code before}: the ones this start made. */
    private static void removeNew(Path directory, Set<Path> before) throws IOException {
        for (Path made : configFiles(directory)) {
            if (!before.contains(made)) {
                Files.deleteIfExists(made);
            }
        }
    }
}
