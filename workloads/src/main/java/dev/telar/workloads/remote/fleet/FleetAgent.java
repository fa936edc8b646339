package dev.telar.workloads.remote.fleet;

import dev.telar.workloads.remote.ManagerClient;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a host's summary into the ephemeral node {@value #HOSTS}{@code /<host>} (under the
 * client's namespace) every interval, on a thread of its own, until closed.
 *
 * <p>The node is created once per session and then only written ({@code setData}); after a
 * session loss (the server dropped it, the node went with it) the next write finds no node and
 * creates it again in the new session. A node left by one of this agent's own earlier sessions
 * (the manager restarted and restored that session, which lives on until its timeout) is this
 * agent's: it is deleted and created again at once. A node of that name held by any other session
 * (another agent with the same name, or this host's previous agent whose session has not yet
 * ended) is left alone: the agent tries again at each interval and takes the name once that
 * session ends.
 * A failed write (connection lost) is logged and tried again at the next interval: the agent
 * never waits without end. Closing deletes the node, so watchers see the host gone at once.
 *
 * <p>What a person running the agent should know is told to its {@link Events}, once per change:
 * that it publishes, that the name is taken and it waits, that the link to the manager is lost
 * or back. They are called on the agent's thread or Curator's event thread and must not block.
 */
public final class FleetAgent implements AutoCloseable {
    /** The folder of the hosts' nodes, relative to {@link ManagerClient#ROOT}. */
    public static final String HOSTS = "/fleet/hosts";
    private static final Logger LOG = LoggerFactory.getLogger(FleetAgent.class);

    /** What the agent tells as it goes; every method does nothing unless overridden. */
    public interface Events {
        /** Nothing told. */
        Events NONE = new Events() { };

        /** The first summary was written, at the start or after waiting for the name. */
        default void publishing() {
        }

        /** The name is held by another live session; {@code holderPid} is that agent's pid (-1 when unknown). The agent waits. */
        default void nameTaken(int holderPid) {
        }

        /** The manager stopped answering; the agent keeps trying. */
        default void linkLost() {
        }

        /** The manager answers again. */
        default void linkBack() {
        }
    }

    private final CuratorFramework curator;
    private final Events events;
    private final ConnectionStateListener link = (c, state) -> linkChanged(state);
    /** Whether the link was last seen lost; guarded by {@code link}. */
    private boolean lost;
    /** Whether {@link Events#publishing} has been told since the start or the last wait for the name. Agent's thread only. */
    private boolean toldPublishing;
    private final String path;
    private final long intervalNanos;
    private final Supplier<HostSummary> summaries;
    private final Thread thread;
    private final AtomicLong published = new AtomicLong();
    private volatile boolean closed;
    private volatile int lastSize;
    /** The session in which this agent created its node; 0: none yet. Only the agent's thread writes it. */
    private long ownSession;
    private boolean warnedTaken;
    /** How many of its latest sessions an agent remembers; nodes of older ones have long expired. */
    private static final int KEPT_SESSIONS = 8;
    /** The sessions in which this agent tried to create its node, oldest first. Agent's thread only. */
    private final Set<Long> mySessions = new LinkedHashSet<>();

    private FleetAgent(ManagerClient client, String host, Duration interval, Supplier<HostSummary> summaries, Events events) {
        this.curator = client.curator();
        this.events = events;
        this.path = HOSTS + "/" + host;
        this.intervalNanos = interval.toNanos();
        this.summaries = summaries;
        this.thread = new Thread(this::loop, "telar-fleet-agent");
        thread.setDaemon(true);
    }

    /**
     * Starts publishing: the first summary at once, then one every {@code interval}.
     *
     * @param host      the host's name in the fleet ({@link HostSummary#isName}); the summaries must carry it
     * @param summaries makes a fresh summary each time it is asked, on the agent's thread
     */
    public static FleetAgent start(ManagerClient client, String host, Duration interval, Supplier<HostSummary> summaries) {
        return start(client, host, interval, summaries, Events.NONE);
    }

    /** As {@link #start(ManagerClient, String, Duration, Supplier)}, telling {@code events} what a person should know. */
    public static FleetAgent start(ManagerClient client, String host, Duration interval, Supplier<HostSummary> summaries, Events events) {
        if (!HostSummary.isName(host)) {
            throw new IllegalArgumentException("a fleet host name is 1 to " + HostSummary.MAX_NAME + " letters, digits, '.', '_' or '-': '" + host + "'");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("an interval is positive, not " + interval);
        }
        FleetAgent agent = new FleetAgent(client, host, interval, Objects.requireNonNull(summaries, "summaries"),
                Objects.requireNonNull(events, "events"));
        agent.curator.getConnectionStateListenable().addListener(agent.link);
        agent.thread.start();
        return agent;
    }

    /** How many summaries have been written so far. */
    public long published() {
        return published.get();
    }

    /** The size of the last summary written, bytes (0 before the first). */
    public int lastSize() {
        return lastSize;
    }

    private void loop() {
        long next = System.nanoTime();
        while (!closed) {
            try {
                publish();
            } catch (InterruptedException stop) {
                return;
            } catch (Exception e) {
                LOG.warn("fleet agent could not publish {}: {}", path, e.toString());
            }
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait < 0) {
                next = System.nanoTime(); // fell behind (a slow write): start counting again from now
                continue;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException stop) {
                return;
            }
        }
    }

    private void publish() throws Exception {
        HostSummary summary = summaries.get();
        byte[] data = SummaryCodec.encode(summary);
        long session = curator.getZookeeperClient().getZooKeeper().getSessionId();
        if (session == ownSession) {
            try {
                curator.setData().forPath(path, data);
                written(data);
                return;
            } catch (KeeperException.NoNodeException gone) {
                LOG.info("fleet node {} vanished; creating it again", path);
            }
        }
        // At most twice: a second time only after deleting this agent's own node of an earlier session.
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                triedIn(session);
                curator.create().creatingParentContainersIfNeeded().withMode(CreateMode.EPHEMERAL).forPath(path, data);
                ownSession = session;
                warnedTaken = false;
                written(data);
                LOG.info("fleet agent created {} in session 0x{}", path, Long.toHexString(session));
                return;
            } catch (KeeperException.NodeExistsException taken) {
                Stat stat = curator.checkExists().forPath(path);
                if (stat == null) {
                    continue; // its holder ended meanwhile
                }
                long owner = stat.getEphemeralOwner();
                if (owner == session) {
                    ownSession = session; // created by a write whose answer was lost
                    curator.setData().forPath(path, data);
                    written(data);
                    return;
                }
                if (owner != 0 && mySessions.contains(owner)) { // 0: a persistent node, never an agent's
                    takeBack(stat);
                    continue;
                }
                if (!warnedTaken) {
                    warnedTaken = true;
                    toldPublishing = false;
                    int holder = holderPid();
                    LOG.warn("fleet node {} is held by another session (agent pid {}); waiting for it to end", path, holder);
                    events.nameTaken(holder);
                }
                return;
            }
        }
    }

    /**
     * Remembers that this agent may have created its node in {@code session} (0: none yet, not
     * remembered); the oldest are forgotten past {@value #KEPT_SESSIONS}.
     */
    private void triedIn(long session) {
        if (session != 0 && mySessions.add(session) && mySessions.size() > KEPT_SESSIONS) {
            mySessions.remove(mySessions.iterator().next());
        }
    }

    /**
     * Deletes this agent's own node left by one of its earlier sessions. That session is lost to
     * this client for good (it has a new one), but the server keeps it, and the node, until its
     * timeout: after a manager restart that is a whole session from the restart. No other agent can
     * hold that session, so the node is this agent's; the version makes sure the node deleted is
     * the one looked at.
     */
    private void takeBack(Stat stale) throws Exception {
        LOG.info("fleet node {} was created by this agent in its earlier session 0x{}; taking it back", path,
                Long.toHexString(stale.getEphemeralOwner()));
        try {
            curator.delete().withVersion(stale.getVersion()).forPath(path);
        } catch (KeeperException.NoNodeException | KeeperException.BadVersionException changed) {
            // gone or written meanwhile: the next create tells who holds it now
        }
    }

    /** The pid in the summary the node holds now, -1 when it cannot be read. */
    private int holderPid() {
        try {
            return SummaryCodec.decode(curator.getData().forPath(path)).agentPid();
        } catch (Exception unreadable) {
            return -1; // gone meanwhile, or not a summary
        }
    }

    private void written(byte[] data) {
        lastSize = data.length;
        published.incrementAndGet();
        if (!toldPublishing) {
            toldPublishing = true;
            events.publishing();
        }
    }

    /** Tells a lost or regained link once per change; the loop itself just keeps trying. */
    private void linkChanged(ConnectionState state) {
        boolean up = state.isConnected();
        synchronized (link) {
            if (up != lost) {
                return;
            }
            lost = !up;
        }
        if (up) {
            LOG.info("fleet agent: the manager answers again ({})", state);
            events.linkBack();
        } else {
            LOG.warn("fleet agent: lost the manager ({}); trying again every interval", state);
            events.linkLost();
        }
    }

    /**
     * Stops publishing and deletes the node when this session still holds it. Without a link to
     * the manager it deletes nothing and returns at once: the node is ephemeral and goes with the
     * session, while asking would wait out the connection timeout and its retries (15 s and more).
     */
    @Override
    public void close() {
        closed = true;
        curator.getConnectionStateListenable().removeListener(link);
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(1)); // interrupted, it ends at once; a write stuck past that is let be
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!curator.getZookeeperClient().isConnected()) {
            LOG.info("fleet node {} not deleted: no link to the manager; it goes when the session ends", path);
            return;
        }
        try {
            long session = curator.getZookeeperClient().getZooKeeper().getSessionId();
            Stat stat = curator.checkExists().forPath(path);
            if (stat != null && stat.getEphemeralOwner() == session) {
                curator.delete().forPath(path);
            }
        } catch (Exception e) {
            LOG.info("fleet node {} not deleted ({}); it goes when the session ends", path, e.toString());
        }
    }
}
