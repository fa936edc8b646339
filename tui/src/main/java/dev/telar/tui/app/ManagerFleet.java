package dev.telar.tui.app;

import dev.telar.tui.view.FleetLink;
import dev.telar.tui.view.FleetNews;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCarrier;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemFailure;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.remote.fleet.FleetSnapshot;
import dev.telar.workloads.remote.fleet.FleetWatch;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's link to the fleet on a configured manager. Nothing is connected until the fleet
 * view opens; then a thread of its own connects (the UI thread never waits on the network) and
 * starts a {@link FleetWatch}, whose snapshots go to {@code news} (the event loop's queue). While
 * no manager answers (not started yet, restarting) that thread says so and keeps trying, one
 * attempt at a time, until one answers or the view is left. Leaving
 * the view closes the watch and the client. A connect that ends after the view was left is closed
 * at once: each opening has its own generation.
 */
final class ManagerFleet implements FleetLink {
    private static final Logger LOG = LoggerFactory.getLogger(ManagerFleet.class);

    private final ManagerTarget target;
    private final Consumer<FleetNews> news;
    /** Guarded by {@code this}. */
    private long generation;
    private boolean open;
    private ManagerClient client;
    private FleetWatch watch;
    /** The thread connecting for the current opening; it ends once connected, refused or left. */
    private Thread connecting;
    /** Pause between an attempt no manager answered (each waits {@link ManagerTarget#CONNECT_TIMEOUT}) and the next, ms. */
    static final long RETRY_MS = 2000;
    private final long retryMillis;
    /** How long one attempt waits for the manager's answer. */
    private final Duration connectTimeout;
    /** True while a post of the fleet is scheduled. */
    private final AtomicBoolean pending = new AtomicBoolean();
    /** Least time between two posts of the fleet to the view, milliseconds. */
    static final long GAP_MS = 500;
    /** One daemon thread for every fleet link's delayed posts (the dashboard has one link). */
    private static final ScheduledExecutorService POSTER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "telar-fleet-post");
        t.setDaemon(true);
        return t;
    });

    ManagerFleet(ManagerTarget target, Consumer<FleetNews> news) {
        this(target, news, RETRY_MS, ManagerTarget.CONNECT_TIMEOUT);
    }

    /**
     * As above, each attempt waiting at most {@code connectTimeout} for the manager, and pausing
     * {@code retryMillis} between a manager that did not answer and the next attempt.
     */
    ManagerFleet(ManagerTarget target, Consumer<FleetNews> news, long retryMillis, Duration connectTimeout) {
        this.target = target;
        this.news = news;
        this.retryMillis = retryMillis;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public synchronized void open() {
        if (open) {
            return;
        }
        open = true;
        long mine = ++generation;
        news.accept(FleetNews.connecting());
        connecting = new Thread(() -> connect(mine), "telar-fleet-connect");
        connecting.setDaemon(true);
        connecting.start();
    }

    /**
     * Connects for the opening {@code mine}, trying again while no manager answers (it may not be
     * started yet, or be restarting): one attempt at a time on this one thread, each attempt's
     * client closed before the next, until one is accepted or the view is left. A refused key or
     * any other problem is told and ends the tries: trying again would not change the answer.
     */
    private void connect(long mine) {
        while (true) {
            ManagerClient c;
            try {
                c = target.connect(connectTimeout);
            } catch (InterruptedException left) {
                return;
            } catch (ProblemFailure e) {
                if (e.problem().code() != ProblemCode.MANAGER_UNREACHABLE) {
                    failed(mine, e);
                    return;
                }
                LOG.info("fleet view: no manager answers at {} yet; trying again in {} ms", target.address(), retryMillis);
                if (!tell(mine, FleetNews.retrying(e.problem()))) {
                    return;
                }
                try {
                    Thread.sleep(retryMillis);
                } catch (InterruptedException left) {
                    return;
                }
                continue;
            } catch (RuntimeException e) {
                failed(mine, e);
                return;
            }
            synchronized (this) {
                if (generation != mine || !open) {
                    c.close(); // the view was left while connecting
                    return;
                }
                client = c;
                watch = FleetWatch.follow(c, FleetWatch.KEEP_GONE, () -> soon(mine));
                return;
            }
        }
    }

    /**
     * Tells why the fleet cannot be followed: a refused key carries its problem; anything else is
     * told by its own words, in the view, not as a failure of the dashboard.
     */
    private void failed(long mine, RuntimeException e) {
        LOG.warn("fleet view: cannot follow the fleet at {}", target.address(), e);
        Problem why = e instanceof ProblemCarrier carrier ? carrier.problem()
                : Problem.of(ProblemCode.ERROR, String.valueOf(e.getMessage()));
        tell(mine, FleetNews.failed(why));
    }

    /** Passes {@code n} on while the opening {@code mine} is the current one; false once the view was left. */
    private synchronized boolean tell(long mine, FleetNews n) {
        if (generation != mine) {
            return false;
        }
        news.accept(n);
        return true;
    }

    /**
     * Passes the fleet on at most once per {@link #GAP_MS}: with hundreds of hosts at 1 Hz a frame
     * per change would be hundreds of frames a second. The first change after a quiet spell
     * schedules one post of the latest snapshot; the changes until then ride along with it.
     */
    private void soon(long mine) {
        if (pending.compareAndSet(false, true)) {
            POSTER.schedule(() -> {
                pending.set(false);
                synchronized (this) {
                    if (generation == mine && watch != null) {
                        news.accept(FleetNews.watching(watch.snapshot()));
                    }
                }
            }, GAP_MS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        Runnable closing = detach();
        Thread closer = new Thread(closing, "telar-fleet-close"); // a goodbye to the server takes a round trip
        closer.setDaemon(true);
        closer.start();
    }

    /** Closes at once, on the calling thread (the dashboard's teardown). */
    void closeNow() {
        detach().run();
    }

    /** Ends this opening; returns what closes its watch and client. */
    private synchronized Runnable detach() {
        open = false;
        generation++;
        if (connecting != null) {
            connecting.interrupt(); // an attempt under way, or the pause before the next, ends now
            connecting = null;
        }
        FleetWatch w = watch;
        ManagerClient c = client;
        watch = null;
        client = null;
        return () -> {
            if (c != null) {
                w.close();
                c.close();
            }
        };
    }

    @Override
    public synchronized FleetSnapshot latest() {
        return watch == null ? FleetSnapshot.EMPTY : watch.snapshot();
    }
}
