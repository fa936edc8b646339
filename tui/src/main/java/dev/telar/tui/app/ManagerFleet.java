package dev.telar.tui.app;

import dev.telar.tui.view.FleetLink;
import dev.telar.tui.view.FleetNews;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCarrier;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.remote.fleet.FleetSnapshot;
import dev.telar.workloads.remote.fleet.FleetWatch;
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
 * starts a {@link FleetWatch}, whose snapshots go to {@code news} (the event loop's queue). Leaving
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
        this.target = target;
        this.news = news;
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
        Thread connect = new Thread(() -> connect(mine), "telar-fleet-connect");
        connect.setDaemon(true);
        connect.start();
    }

    private void connect(long mine) {
        ManagerClient c;
        try {
            c = target.connect();
        } catch (InterruptedException e) {
            return;
        } catch (RuntimeException e) {
            // A refused key or no answer carries its problem; anything else is told by its own words,
            // in the view, not as a failure of the dashboard.
            LOG.warn("fleet view: cannot follow the fleet at {}", target.address(), e);
            Problem why = e instanceof ProblemCarrier carrier ? carrier.problem()
                    : Problem.of(ProblemCode.ERROR, String.valueOf(e.getMessage()));
            synchronized (this) {
                if (generation == mine) {
                    news.accept(FleetNews.failed(why));
                }
            }
            return;
        }
        synchronized (this) {
            if (generation != mine || !open) {
                c.close(); // the view was left while connecting
                return;
            }
            client = c;
            watch = FleetWatch.follow(c, FleetWatch.KEEP_GONE, () -> soon(mine));
        }
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
