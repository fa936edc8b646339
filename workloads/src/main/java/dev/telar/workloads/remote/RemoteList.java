package dev.telar.workloads.remote;

import dev.telar.workloads.shared.ItemList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

/**
 * The lecture's manager list, append-only: signed 64-bit numbers shared by every client of a
 * manager, one node per item under {@code /telar/lists/NAME}, named by the sequence number the
 * manager gives each append.
 *
 * <p><b>Guarantees.</b> Every acknowledged {@link #append} is in the list exactly once, at the
 * place the manager's order of appends gives it; that order is the same for every client, and an
 * item never moves (items are never removed). {@link #get}, {@link #size} and {@link #snapshot} see
 * the appends acknowledged before they were asked, possibly more. {@link #get} lists the items to
 * find the i-th: it costs one round trip and memory in proportion to the list's length.
 *
 * <p>It is the remote {@link ItemList}, the interface the local {@code mechanism.SharedList}
 * shares. One instance may be used by many threads.
 */
public final class RemoteList implements ItemList {
    /** The folder of the lists, relative to {@link ManagerClient#ROOT}. */
    public static final String FOLDER = "/lists";
    private static final String ITEM = "item-";

    private final ManagerClient client;
    private final String path;
    private final String name;

    private RemoteList(ManagerClient client, String path, String name) {
        this.client = client;
        this.path = path;
        this.name = name;
    }

    /**
     * The list {@code name} of the manager {@code client} talks to, created empty when no client
     * has created it yet.
     *
     * @throws IllegalArgumentException when the name is not one plain word
     * @throws IllegalStateException    when the manager cannot be reached or refuses
     */
    public static RemoteList open(ManagerClient client, String name) {
        String path = RemoteNames.path(FOLDER, name);
        RemoteNodes.ensure(client, path, what(name));
        return new RemoteList(client, path, name);
    }

    /**
     * Appends {@code value} at the end. Sent once, without Curator's retry: a lost connection ends
     * in {@link IllegalStateException} (the item may or may not be there), never in a second copy.
     */
    @Override
    public void append(long value) {
        try {
            client.curator().getZookeeperClient().getZooKeeper().create(ManagerClient.ROOT + path + "/" + ITEM,
                    RemoteValue.encode(value), ManagerClient.ONLY_TELAR, CreateMode.PERSISTENT_SEQUENTIAL);
        } catch (KeeperException.ConnectionLossException unknown) {
            throw new IllegalStateException(what(name) + " at " + client.address()
                    + ": the connection dropped while appending; the item may or may not be there", unknown);
        } catch (Exception e) {
            throw RemoteNodes.failed(client, what(name), "append", e);
        }
    }

    /**
     * The {@code index}-th item (from 0) in the manager's order.
     *
     * @throws IndexOutOfBoundsException when the list has no more than {@code index} items
     */
    @Override
    public long get(int index) {
        List<String> items = items();
        if (index < 0 || index >= items.size()) {
            throw new IndexOutOfBoundsException("list '" + name + "' has " + items.size() + " items, no item " + index);
        }
        return read(items.get(index));
    }

    /** How many items the list has now. */
    @Override
    public int size() {
        return RemoteNodes.children(client, path, what(name));
    }

    /** Every item now, in the manager's order. */
    public List<Long> snapshot() {
        List<String> items = items();
        List<Long> values = new ArrayList<>(items.size());
        for (String item : items) {
            values.add(read(item));
        }
        return values;
    }

    /** Deletes the list and its items (for the one who created it, when done with it). */
    public void delete() {
        RemoteNodes.deleteTree(client, path, what(name));
    }

    /** The list's name. */
    public String name() {
        return name;
    }

    /** The item nodes in the manager's order: their names end in a zero-padded sequence number. */
    private List<String> items() {
        try {
            List<String> items = new ArrayList<>(client.curator().getChildren().forPath(path));
            Collections.sort(items);
            return items;
        } catch (Exception e) {
            throw RemoteNodes.failed(client, what(name), "list the items", e);
        }
    }

    private long read(String item) {
        try {
            return RemoteValue.decode(client.curator().getData().forPath(path + "/" + item));
        } catch (Exception e) {
            throw RemoteNodes.failed(client, what(name), "read " + item, e);
        }
    }

    private static String what(String name) {
        return "list '" + name + "'";
    }
}
