package dev.telar.workloads.sync.remote;

import dev.telar.workloads.sync.SharedCounters;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.zookeeper.data.Stat;

/**
 * Shared counters on the manager: one node per counter, {@code /sync/SPACE/NAME/I}, 8 bytes.
 *
 * <p>{@link #get} is a read from the server (never a cached copy), so a participant holding a
 * remote lock sees the last write made under it. {@link #set} is a plain write; {@link #add},
 * {@link #max} and {@link #compareAndSet} are conditional writes on the node's version, retried
 * only when another participant's write came first, so each is atomic across machines. As with
 * the other families, {@code get} then {@code set} is not: that is the lost update the Lock
 * scenario shows. Every call is one or more round trips to the manager. Thread-safe.
 */
final class RemoteCounters implements SharedCounters {
    private final Space space;
    private final String name;
    private final String path;
    private final int size;
    private volatile boolean closed;

    RemoteCounters(Space space, String name, int size) {
        this.space = space;
        this.name = name;
        this.path = space.path(name);
        this.size = size;
    }

    /** The nodes a new row starts with: {@code size} zeros. */
    static Map<String, byte[]> initialNodes(int size) {
        Map<String, byte[]> nodes = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            nodes.put(Integer.toString(i), Space.longs(0));
        }
        return nodes;
    }

    @Override
    public int size() {
        return size;
    }

    private String node(int i) {
        if (closed) {
            throw new IllegalStateException("counters '" + name + "' are closed");
        }
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("counter " + i + " of " + size);
        }
        return path + "/" + i;
    }

    @Override
    public long get(int i) {
        String node = node(i);
        return space.run("counters '" + name + "': cannot read " + i,
                () -> Space.longs(space.curator.getData().forPath(node), 1, node)[0]);
    }

    @Override
    public void set(int i, long value) {
        String node = node(i);
        space.run("counters '" + name + "': cannot write " + i, () -> space.curator.setData().forPath(node, Space.longs(value)));
    }

    @Override
    public long add(int i, long delta) {
        String node = node(i);
        return space.run("counters '" + name + "': cannot add to " + i, () -> {
            while (true) {
                Stat st = new Stat();
                long now = Space.longs(space.curator.getData().storingStatIn(st).forPath(node), 1, node)[0];
                if (space.writeIf(node, st.getVersion(), Space.longs(now + delta))) {
                    return now + delta;
                } // else another participant wrote first: read its number and try again
            }
        });
    }

    @Override
    public boolean compareAndSet(int i, long expected, long value) {
        String node = node(i);
        return space.run("counters '" + name + "': cannot compare-and-set " + i, () -> {
            while (true) {
                Stat st = new Stat();
                long now = Space.longs(space.curator.getData().storingStatIn(st).forPath(node), 1, node)[0];
                if (now != expected) {
                    return false;
                }
                if (space.writeIf(node, st.getVersion(), Space.longs(value))) {
                    return true;
                } // else written meanwhile, maybe to the same number: look again
            }
        });
    }

    /** Forgets the row in this JVM; its nodes stay. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "Counters '" + name + "' (" + size + ", remote)";
    }
}
