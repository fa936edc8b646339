package dev.telar.workloads.remote;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a client's link to its manager stands, followed from Curator's connection states, for a
 * panel to show and a holder of remote objects to act on.
 *
 * <ul>
 * <li>{@link State#CONNECTED}: the session is alive and the server answers; what the client holds
 * (locks, leases) is held.</li>
 * <li>{@link State#SUSPENDED}: the connection dropped, the session may still be alive on the
 * server: a held lock is <em>uncertain</em> (the server keeps it until the session timeout, and
 * only then lets another client take it).</li>
 * <li>{@link State#LOST}: the session is gone, or a whole session timeout passed without an answer
 * (Curator then presumes it gone): a held lock is <em>gone</em>, another client may hold it.</li>
 * </ul>
 *
 * A reconnection (the same session, or a new one after {@link State#LOST}) is {@link State#CONNECTED}
 * again. Each change is one {@link View}: immutable, with the instant of the change and the session
 * timeout granted then. Listeners are called on Curator's event thread, in order, and must return
 * quickly.
 */
public final class ManagerLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagerLink.class);

    /** The link's state as a holder sees it (see the class comment). */
    public enum State {
        /** Connected: held things are held. */
        CONNECTED,
        /** Cut off, the session perhaps still alive: held things are uncertain. */
        SUSPENDED,
        /** The session ended (or is presumed ended): held things are gone. */
        LOST
    }

    /**
     * One state of the link.
     *
     * @param state   the state
     * @param since   when the link entered it (the follower's clock)
     * @param session the session timeout the server granted, as last known
     * @param changes how many changes came before this one since following began (0 for the first view)
     */
    public record View(State state, Instant since, Duration session, long changes) {
    }

    private final ManagerClient client;
    private final Clock clock;
    private final AtomicReference<View> now;
    private final List<Consumer<View>> listeners = new CopyOnWriteArrayList<>();
    private final ConnectionStateListener follower = this::changed;

    private ManagerLink(ManagerClient client, Clock clock, View first) {
        this.client = client;
        this.clock = clock;
        this.now = new AtomicReference<>(first);
    }

    /** Follows {@code client}'s link from now on, its instants read from {@code clock}. */
    public static ManagerLink follow(ManagerClient client, Clock clock) {
        CuratorFramework curator = client.curator();
        State first = curator.getZookeeperClient().isConnected() ? State.CONNECTED : State.SUSPENDED;
        ManagerLink link = new ManagerLink(client, clock, new View(first, clock.instant(), session(client, Duration.ZERO), 0));
        curator.getConnectionStateListenable().addListener(link.follower);
        return link;
    }

    /** Follows {@code client}'s link with the system clock. */
    public static ManagerLink follow(ManagerClient client) {
        return follow(client, Clock.systemUTC());
    }

    /** The state now. */
    public View now() {
        return now.get();
    }

    /** Calls {@code listener} with every later change. */
    public void addListener(Consumer<View> listener) {
        listeners.add(listener);
    }

    /** Stops calling {@code listener}. */
    public void removeListener(Consumer<View> listener) {
        listeners.remove(listener);
    }

    /** Stops following (the client stays open). */
    @Override
    public void close() {
        client.curator().getConnectionStateListenable().removeListener(follower);
        listeners.clear();
    }

    /** Curator's state as a {@link State}. */
    static State of(ConnectionState state) {
        if (state == ConnectionState.LOST) {
            return State.LOST;
        }
        // READ_ONLY: a server cut off from its quorum answers reads only; writes, and so locks, are uncertain.
        if (state == ConnectionState.SUSPENDED || state == ConnectionState.READ_ONLY) {
            return State.SUSPENDED;
        }
        return State.CONNECTED;
    }

    private void changed(CuratorFramework curator, ConnectionState curatorState) {
        State state = of(curatorState);
        View before = now.get();
        if (state == before.state()) {
            return; // e.g. RECONNECTED after a CONNECTED that was already told
        }
        View next = new View(state, clock.instant(), session(client, before.session()), before.changes() + 1);
        now.set(next);
        LOG.info("link to the manager at {}: {} (Curator: {}), session {} ms", client.address(), state, curatorState,
                next.session().toMillis());
        for (Consumer<View> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("a listener of the link to {} failed", client.address(), e); // the others still hear of it
            }
        }
    }

    /** The granted session timeout, or {@code known} while the client has no session to ask. */
    private static Duration session(ManagerClient client, Duration known) {
        try {
            Duration granted = client.sessionTimeout();
            return granted.isZero() ? known : granted;
        } catch (IllegalStateException closed) {
            return known;
        }
    }
}
