package dev.telar.workloads.sync.remote;

import dev.telar.workloads.sync.EventState;
import dev.telar.workloads.sync.SyncEvent;
import dev.telar.workloads.sync.Waits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.zookeeper.data.Stat;

/**
 * The remote Event: the flag is the node {@code NAME/flag} (one byte, 0 or 1), written only when it
 * changes (set on a clear flag, clear on a set one), by a conditional write on its version. So the
 * version counts the flag's changes, and the number of sets is (version + 1) / 2.
 *
 * <p><b>No missed wake-up.</b> A waiter reads the flag and its version; when clear it watches the
 * node and waits. Any later version means the flag changed since, and from clear the first change
 * is a set: the waiter returns true even if the flag was cleared again before it looked. Waiters
 * show as ephemeral sequential nodes under {@code NAME/waiters}. Thread-safe.
 */
final class RemoteEvent extends RemotePrimitive<EventState> implements SyncEvent {
    private static final String WAITER = "w-";
    private static final byte[] CLEAR = {0};
    private static final byte[] SET = {1};
    private final String flag;
    private final String waiters;

    RemoteEvent(Space space, String name) {
        super(space, name);
        this.flag = path + "/flag";
        this.waiters = path + "/waiters";
    }

    /** The nodes a new event starts with: a clear flag. */
    static Map<String, byte[]> initialNodes() {
        Map<String, byte[]> nodes = new LinkedHashMap<>();
        nodes.put("flag", CLEAR);
        nodes.put("waiters", new byte[0]);
        return nodes;
    }

    @Override
    String kind() {
        return "Event";
    }

    @Override
    public void set() {
        change(SET);
    }

    @Override
    public void clear() {
        change(CLEAR);
    }

    /** Writes {@code to} unless the flag is {@code to} already. */
    private void change(byte[] to) {
        ensureOpen();
        space.run(what(to == SET ? "set" : "clear"), () -> {
            while (true) {
                Stat st = new Stat();
                byte[] now = space.curator.getData().storingStatIn(st).forPath(flag);
                if (now.length == 1 && now[0] == to[0]) {
                    return null;
                }
                if (space.writeIf(flag, st.getVersion(), to)) {
                    return null;
                }
            }
        });
    }

    @Override
    public boolean isSet() {
        ensureOpen();
        return space.run(what("read"), () -> isSet(space.curator.getData().forPath(flag)));
    }

    private static boolean isSet(byte[] data) {
        return data.length == 1 && data[0] == 1;
    }

    @Override
    public void await() throws InterruptedException {
        awaitWithin(-1);
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return awaitWithin(Waits.nanos(timeout));
    }

    private boolean awaitWithin(long nanos) throws InterruptedException {
        ensureOpen();
        Stat first = new Stat();
        if (space.blocking(what("read"), () -> isSet(space.curator.getData().storingStatIn(first).forPath(flag)))) {
            return true;
        }
        if (nanos == 0) {
            return false;
        }
        long deadline = Waits.deadline(nanos);
        Wake wake = new Wake();
        String waiting = space.blocking(what("wait"), () -> space.enter(waiters, WAITER));
        try {
            while (true) {
                Stat st = new Stat();
                boolean set = space.blocking(what("read"),
                        () -> isSet(space.curator.getData().storingStatIn(st).usingWatcher(wake).forPath(flag)));
                if (set || st.getVersion() != first.getVersion()) {
                    return true; // set now, or set and cleared again since this wait began
                }
                if (!wake.await(deadline)) {
                    return false;
                }
            }
        } finally {
            space.deleteQuietly(waiting);
        }
    }

    @Override
    public EventState state() {
        return space.run(what("read the state"), () -> {
            Stat st = new Stat();
            boolean set = isSet(space.curator.getData().storingStatIn(st).forPath(flag));
            return new EventState(set, space.participants(waiters, WAITER), (st.getVersion() + 1) / 2);
        });
    }
}
