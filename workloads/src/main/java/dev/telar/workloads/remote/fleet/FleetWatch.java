package dev.telar.workloads.remote.fleet;

import dev.telar.workloads.remote.ManagerClient;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the hosts' nodes under {@value FleetAgent#HOSTS} with Curator's {@link CuratorCache}
 * (ZooKeeper watches: nothing is polled) and hands out {@link FleetSnapshot}s. A host whose node
 * vanished stays listed as gone for {@code keepGone}, with when it went, then is dropped; a host
 * that comes back is live again. A node whose data is not a summary is logged and skipped.
 *
 * <p>The listener is called on Curator's event thread after every change, with a new snapshot;
 * it must not block. Losing the link to the manager (its process died, the network) is a change
 * too: the snapshots then say since when it is lost ({@link FleetSnapshot#lostAtMillis()}), and
 * the rows are what was last heard; the client keeps trying, and when the link is back the
 * snapshots say so and the rows are read again.
 */
public final class FleetWatch implements AutoCloseable {
    /** How long a gone host stays listed unless told otherwise. */
    public static final Duration KEEP_GONE = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(FleetWatch.class);

    private final CuratorCache cache;
    private final long keepGoneMillis;
    private final LongSupplier clock;
    /** Told of each change; builds its own snapshot only when it wants one. */
    private final Runnable listener;
    private final CountDownLatch initialized = new CountDownLatch(1);
    /** By host; guarded by {@code this}. */
    private final Map<String, FleetRow> rows = new HashMap<>();
    /** When the link was lost, {@link FleetSnapshot#REACHABLE} while it holds; guarded by {@code this}. */
    private long lostAtMillis = FleetSnapshot.REACHABLE;
    private final ManagerClient client;
    private final ConnectionStateListener link = (c, state) -> linkChanged(state);

    private FleetWatch(ManagerClient client, Duration keepGone, LongSupplier clock, Runnable listener) {
        this.client = client;
        this.cache = CuratorCache.build(client.curator(), FleetAgent.HOSTS);
        this.keepGoneMillis = keepGone.toMillis();
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Starts watching; {@code listener} hears every change (and the end of the first read).
     *
     * @param keepGone how long a vanished host stays listed as gone
     */
    public static FleetWatch start(ManagerClient client, Duration keepGone, Consumer<FleetSnapshot> listener) {
        Objects.requireNonNull(listener, "listener");
        FleetWatch[] self = new FleetWatch[1];
        self[0] = follow(client, keepGone, () -> listener.accept(self[0].snapshot()));
        return self[0];
    }

    /**
     * Starts watching; {@code changed} is told of every change (and the end of the first read)
     * without a snapshot being made for it: a view that draws a few times a second takes
     * {@link #snapshot()} when it draws, not hundreds of times a second.
     */
    public static FleetWatch follow(ManagerClient client, Duration keepGone, Runnable changed) {
        FleetWatch watch = new FleetWatch(client, keepGone, System::currentTimeMillis, Objects.requireNonNull(changed, "changed"));
        watch.cache.listenable().addListener(CuratorCacheListener.builder()
                .forCreatesAndChanges((before, after) -> watch.read(after))
                .forDeletes(watch::vanished)
                .forInitialized(watch::initialized)
                .build());
        client.curator().getConnectionStateListenable().addListener(watch.link);
        watch.cache.start();
        return watch;
    }

    /**
     * Waits until the hosts there at the start have been read, at most {@code timeout}.
     *
     * @return false when that did not happen in time (the connection is lost, say)
     */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return initialized.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The fleet now: gone hosts older than the keeping time are dropped first. */
    public synchronized FleetSnapshot snapshot() {
        long now = clock.getAsLong();
        rows.values().removeIf(r -> !r.live() && now - r.goneAtMillis() > keepGoneMillis);
        return new FleetSnapshot(now, rows.values().stream().sorted(Comparator.comparing(FleetRow::host)).toList(),
                initialized.getCount() == 0, lostAtMillis);
    }

    /** Notes the link lost (suspended: the server is not answering; lost: the session is over) or back. */
    private void linkChanged(ConnectionState state) {
        boolean up = state.isConnected();
        synchronized (this) {
            boolean wasUp = lostAtMillis == FleetSnapshot.REACHABLE;
            if (up == wasUp) {
                return;
            }
            lostAtMillis = up ? FleetSnapshot.REACHABLE : clock.getAsLong();
        }
        if (up) {
            LOG.info("fleet watch: the manager is reachable again ({})", state);
        } else {
            LOG.warn("fleet watch: lost the manager ({}); the hosts' state is unknown until it is back", state);
        }
        changed();
    }

    private static String host(ChildData node) {
        String path = node.getPath();
        String prefix = FleetAgent.HOSTS + "/";
        if (!path.startsWith(prefix) || path.indexOf('/', prefix.length()) >= 0) {
            return null; // the folder itself, or something deeper that is not a host
        }
        return path.substring(prefix.length());
    }

    private void read(ChildData node) {
        String host = host(node);
        if (host == null || node.getData() == null) {
            return;
        }
        HostSummary summary;
        try {
            summary = SummaryCodec.decode(node.getData());
        } catch (IllegalArgumentException bad) {
            LOG.warn("fleet node {} skipped: {}", node.getPath(), bad.getMessage());
            return;
        }
        if (!summary.host().equals(host)) {
            LOG.warn("fleet node {} skipped: it holds the summary of '{}'", node.getPath(), summary.host());
            return;
        }
        synchronized (this) {
            FleetRow before = rows.get(host);
            long updates = before == null ? 1 : before.updates() + 1;
            rows.put(host, new FleetRow(summary, clock.getAsLong(), FleetRow.LIVE, updates));
        }
        changed();
    }

    private void vanished(ChildData node) {
        String host = host(node);
        if (host == null) {
            return;
        }
        synchronized (this) {
            FleetRow before = rows.get(host);
            if (before == null || !before.live()) {
                return;
            }
            rows.put(host, new FleetRow(before.latest(), before.heardAtMillis(), clock.getAsLong(), before.updates()));
        }
        LOG.info("fleet host {} gone", host);
        changed();
    }

    private void initialized() {
        initialized.countDown();
        changed();
    }

    private void changed() {
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.warn("fleet listener failed", e);
        }
    }

    /** Stops watching; the client stays open. */
    @Override
    public void close() {
        client.curator().getConnectionStateListenable().removeListener(link);
        cache.close();
    }
}
