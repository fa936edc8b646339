package dev.telar.workloads.remote;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import dev.telar.workloads.problem.ProblemFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.framework.api.CuratorEventType;
import org.apache.curator.retry.RetryNTimes;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZooKeeperSaslClient;
import org.apache.zookeeper.common.ClientX509Util;
import org.apache.zookeeper.common.X509Util;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to a manager: a Curator client that has authenticated with SASL DIGEST-MD5 as
 * {@link ManagerKey#USER} with the key. {@link #curator()} works under {@value #ROOT} (Curator's
 * namespace), and every node it creates there, {@value #ROOT} itself included, carries one ACL:
 * all rights to {@code sasl:telar}, none to anyone else.
 *
 * <p>{@link #connect} returns only once the server has accepted the key; a wrong key ends in
 * {@link ProblemCode#MANAGER_REFUSED}, an address where nothing answers in
 * {@link ProblemCode#MANAGER_UNREACHABLE}, both within the time given.
 *
 * <p><b>JVM-wide effect.</b> The client's login section lives in the JVM's JAAS configuration
 * ({@link SaslSections}) while the client is open; everything else ZooKeeper's client reads is set
 * on this client's own {@link ZKClientConfig}.
 */
public final class ManagerClient implements AutoCloseable {
    /** The node under which all of Telar's nodes live. */
    public static final String ROOT = "/telar";
    /** The only ACL of Telar's nodes: every right for the user {@link ManagerKey#USER} authenticated by SASL. */
    // Not List.of: ZooKeeper asks the list whether it contains null, which List.of answers by throwing.
    public static final List<ACL> ONLY_TELAR = Collections.singletonList(new ACL(ZooDefs.Perms.ALL, new Id("sasl", ManagerKey.USER)));

    private static final Logger LOG = LoggerFactory.getLogger(ManagerClient.class);
    /**
     * How long a session outlives its lost connection unless told otherwise: after it, the
     * session's ephemeral nodes (held locks, leases) are gone. The server bounds what a client asks
     * for to 2 of its ticks ({@link ManagerServer#minSession()}, 2 s with a manager's default tick)
     * to {@link ManagerServer#MAX_SESSION}.
     */
    public static final Duration DEFAULT_SESSION = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 25;

    private final CuratorFramework curator;
    private final String address;
    private final String section;

    private ManagerClient(CuratorFramework curator, String address, String section) {
        this.curator = curator;
        this.address = address;
        this.section = section;
    }

    /**
     * Connects to the manager at {@code address} ({@code host:port}, or several comma-separated)
     * and authenticates with {@code key}, waiting at most {@code timeout}.
     *
     * @throws ProblemException {@link ProblemCode#MANAGER_REFUSED} when the manager refused the key
     * @throws ProblemFailure   {@link ProblemCode#MANAGER_UNREACHABLE} when no answer came in time
     */
    public static ManagerClient connect(String address, ManagerKey key, Duration timeout) throws InterruptedException {
        return connect(address, key, timeout, DEFAULT_SESSION);
    }

    /**
     * As {@link #connect(String, ManagerKey, Duration)}, asking for a session of {@code session}:
     * how long after this client vanishes (killed, cut off) the server ends its session and frees
     * what it held. The server grants a figure between 2 of its ticks and
     * {@link ManagerServer#MAX_SESSION};
     * {@link #sessionTimeout()} tells the one granted.
     */
    public static ManagerClient connect(String address, ManagerKey key, Duration timeout, Duration session)
            throws InterruptedException {
        return connect(address, key, timeout, session, null);
    }

    /**
     * As {@link #connect(String, ManagerKey, Duration, Duration)}, over TLS when {@code tls} is not
     * null: the client trusts the certificates of its trust store and checks that the server's
     * names the host it connects to (a name or an address of the certificate's). A manager that
     * does not speak TLS is {@link ProblemCode#MANAGER_UNREACHABLE} to such a client, as a TLS
     * manager is to a plain one.
     *
     * @throws ProblemException {@link ProblemCode#MANAGER_TLS_BAD} when the settings name no readable trust store
     */
    public static ManagerClient connect(String address, ManagerKey key, Duration timeout, Duration session, ManagerTls tls)
            throws InterruptedException {
        int sessionMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, session.toMillis()));
        ZKClientConfig config = new ZKClientConfig();
        if (tls != null) {
            secure(config, tls);
        }
        String section = SaslSections.addClient(key);
        config.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "true");
        config.setProperty(ZKClientConfig.LOGIN_CONTEXT_NAME_KEY, section);
        // ZooKeeper 3.9 refuses DIGEST-MD5 in its FIPS mode, on by default; this client only.
        config.setProperty(X509Util.FIPS_MODE_PROPERTY, "false");
        CompletableFuture<Boolean> accepted = new CompletableFuture<>();
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        CuratorFramework curator = CuratorFrameworkFactory.builder()
                .connectString(address)
                .zkClientConfig(config)
                .namespace(ROOT.substring(1))
                .aclProvider(new OnlyTelar())
                .ensembleTracker(false) // the address names the servers; reading /zookeeper/config would need rights too
                .sessionTimeoutMs(sessionMillis)
                .connectionTimeoutMs(millis)
                .retryPolicy(new RetryNTimes(3, 200))
                .build();
        // ZooKeeper tells the outcome of SASL as a connection event: authenticated, or failed.
        curator.getCuratorListenable().addListener((c, event) -> {
            if (event.getType() == CuratorEventType.WATCHED) {
                WatchedEvent w = event.getWatchedEvent();
                if (w.getState() == KeeperState.SaslAuthenticated) {
                    accepted.complete(true);
                } else if (w.getState() == KeeperState.AuthFailed) {
                    accepted.complete(false);
                }
            }
        });
        boolean ok = false;
        try {
            curator.start();
            boolean in = outcome(curator, accepted, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis))
                    .orElseThrow(() -> new ProblemFailure(Problem.of(ProblemCode.MANAGER_UNREACHABLE, address, seconds(timeout))));
            if (!in) {
                LOG.warn("manager at {} refused the key from {}", address, key.source());
                throw new ProblemException(Problem.of(ProblemCode.MANAGER_REFUSED, address));
            }
            ok = true;
            LOG.info("connected to the manager at {} as {}", address, ManagerKey.USER);
            return new ManagerClient(curator, address, section);
        } finally {
            if (!ok) {
                curator.close();
                SaslSections.remove(section);
            }
        }
    }

    /** ZooKeeper's client settings for TLS, on this client's own configuration only. */
    private static void secure(ZKClientConfig config, ManagerTls tls) {
        Path trust = tls.clientTrustStore();
        config.setProperty(ZKClientConfig.SECURE_CLIENT, "true");
        config.setProperty(ZKClientConfig.ZOOKEEPER_CLIENT_CNXN_SOCKET, "org.apache.zookeeper.ClientCnxnSocketNetty");
        try (ClientX509Util names = new ClientX509Util()) {
            config.setProperty(names.getSslTruststoreLocationProperty(), trust.toAbsolutePath().toString());
            config.setProperty(names.getSslTruststorePasswdProperty(), tls.trustStorePassword());
        }
    }

    /**
     * Whether the server accepted the key, once known before {@code deadline} ({@link System#nanoTime}).
     * Told by the connection events when Curator passes them on; the SASL client's own state is
     * looked at too, every {@value #POLL_MILLIS} ms, as not every failure arrives as an event.
     */
    private static Optional<Boolean> outcome(CuratorFramework curator, CompletableFuture<Boolean> told, long deadline)
            throws InterruptedException {
        while (true) {
            try {
                return Optional.of(told.get(POLL_MILLIS, TimeUnit.MILLISECONDS));
            } catch (TimeoutException notYet) {
                // look below
            } catch (ExecutionException impossible) {
                throw new IllegalStateException(impossible.getCause());
            }
            ZooKeeper zk;
            try {
                zk = curator.getZookeeperClient().getZooKeeper();
            } catch (Exception notThereYet) {
                zk = null;
            }
            ZooKeeperSaslClient sasl = zk == null ? null : zk.getSaslClient();
            if (zk != null && (zk.getState() == ZooKeeper.States.AUTH_FAILED || sasl != null && sasl.isFailed())) {
                return Optional.of(false);
            }
            if (zk != null && zk.getState().isConnected() && sasl != null && sasl.isComplete()) {
                return Optional.of(true);
            }
            if (System.nanoTime() - deadline >= 0) {
                return Optional.empty();
            }
        }
    }

    /** The Curator client, working under {@value #ROOT}: its paths are relative to it. */
    public CuratorFramework curator() {
        return curator;
    }

    /** The session timeout the server granted, as it stands now. */
    public Duration sessionTimeout() {
        try {
            return Duration.ofMillis(curator.getZookeeperClient().getZooKeeper().getSessionTimeout());
        } catch (Exception closed) {
            throw new IllegalStateException("the client to " + address + " is closed", closed);
        }
    }

    /** The address it was given. */
    public String address() {
        return address;
    }

    /** Ends the session (its ephemeral nodes go with it) and forgets the key. */
    @Override
    public void close() {
        try {
            curator.close();
        } finally {
            SaslSections.remove(section);
        }
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(java.util.Locale.ROOT, "%.1f", ms / 1000.0);
    }

    /** Gives every node, and the namespace's own node, the ACL {@link #ONLY_TELAR}. */
    private static final class OnlyTelar implements ACLProvider {
        @Override
        public List<ACL> getDefaultAcl() {
            return ONLY_TELAR;
        }

        @Override
        public List<ACL> getAclForPath(String path) {
            return ONLY_TELAR;
        }
    }
}
