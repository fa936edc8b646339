package dev.telar.workloads.bench.fleet;

import dev.telar.workloads.remote.fleet.FleetRow;
import dev.telar.workloads.remote.fleet.FleetSnapshot;
import dev.telar.workloads.remote.fleet.SummaryCodec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The scale bench's eyes: the listener of one {@link dev.telar.workloads.remote.fleet.FleetWatch},
 * as a dashboard's is, plus a look at the whole fleet once a second ({@link #glance}).
 *
 * <p>Inside the measured window it records, for every summary the watch reads, its delivery
 * delay: when the watch read it minus when its host sampled it (both clocks are this machine's in
 * the bench); at every glance (a few a second), the age of each live row (now minus its sample time: what a reader
 * of the view sees, a whole interval at worst plus the delay), the number of live hosts and the
 * node sizes. From the start to {@link #stopping()} it notes every host seen gone. Thread-safe.
 */
final class ScaleObserver implements Consumer<FleetSnapshot> {
    private final Map<String, Long> updates = new HashMap<>();
    private final Set<String> goneWhileRunning = new TreeSet<>();
    private final Samples delivery = new Samples();
    private final Samples ages = new Samples();
    private boolean measuring;
    private boolean stopping;
    private long seenInWindow;
    private long minLive = Long.MAX_VALUE;
    private long maxLive;
    private long nodeBytesSum;
    private long nodeCount;
    private int nodeMin = Integer.MAX_VALUE;
    private int nodeMax;
    private FleetSnapshot last = FleetSnapshot.EMPTY;

    @Override
    public synchronized void accept(FleetSnapshot snapshot) {
        last = snapshot;
        for (FleetRow row : snapshot.rows()) {
            if (!row.live()) {
                if (!stopping) {
                    goneWhileRunning.add(row.host());
                }
                continue;
            }
            Long before = updates.put(row.host(), row.updates());
            if (measuring && before != null && row.updates() > before) {
                delivery.add(row.heardAtMillis() - row.latest().sampledAtMillis());
                seenInWindow++;
            }
        }
    }

    /** Starts the measured window. */
    synchronized void startWindow() {
        measuring = true;
    }

    /** Ends the measured window. */
    synchronized void endWindow() {
        measuring = false;
    }

    /** From now on a host seen gone is expected: the agents are being stopped. */
    synchronized void stopping() {
        stopping = true;
    }

    /**
     * Looks at every row of {@code snapshot}, taken at {@code nowMillis}, weighing the nodes too when
     * {@code sizes}; counts only inside the window.
     */
    synchronized void glance(FleetSnapshot snapshot, long nowMillis, boolean sizes) {
        if (!measuring) {
            return;
        }
        long live = 0;
        for (FleetRow row : snapshot.rows()) {
            if (row.live()) {
                live++;
                ages.add(nowMillis - row.latest().sampledAtMillis());
                if (!sizes) {
                    continue;
                }
                int size = SummaryCodec.encode(row.latest()).length;
                nodeBytesSum += size;
                nodeCount++;
                nodeMin = Math.min(nodeMin, size);
                nodeMax = Math.max(nodeMax, size);
            }
        }
        minLive = Math.min(minLive, live);
        maxLive = Math.max(maxLive, live);
    }

    /** Hosts live in the newest snapshot the watch handed out. */
    synchronized long liveNow() {
        return last.liveCount();
    }

    /** Hosts listed (live or gone) in the newest snapshot. */
    synchronized long gonesNow() {
        return last.rows().size() - last.liveCount();
    }

    synchronized Set<String> goneWhileRunning() {
        return new TreeSet<>(goneWhileRunning);
    }

    synchronized long seenInWindow() {
        return seenInWindow;
    }

    synchronized long minLive() {
        return minLive == Long.MAX_VALUE ? 0 : minLive;
    }

    synchronized long maxLive() {
        return maxLive;
    }

    synchronized Samples delivery() {
        return delivery.copy();
    }

    synchronized Samples ages() {
        return ages.copy();
    }

    /** Node sizes seen at the glances, bytes: mean, smallest, largest (zeros when none). */
    synchronized int[] nodeBytes() {
        return nodeCount == 0 ? new int[3] : new int[] {(int) (nodeBytesSum / nodeCount), nodeMin, nodeMax};
    }

    /** A growing list of millisecond figures and its percentiles. Not thread-safe. */
    static final class Samples {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        Samples copy() {
            Samples c = new Samples();
            c.values = Arrays.copyOf(values, Math.max(1, size));
            c.size = size;
            return c;
        }

        int size() {
            return size;
        }

        /** The smallest figure with at least {@code share} (0..1] of them at or below it; -1 when empty. */
        long percentile(double share) {
            if (size == 0) {
                return -1;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(share * size);
            return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
        }
    }
}
