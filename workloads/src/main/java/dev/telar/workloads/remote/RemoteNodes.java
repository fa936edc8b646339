package dev.telar.workloads.remote;

import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/** What the dict, list and queue do alike with their folder node. */
final class RemoteNodes {
    private RemoteNodes() {
    }

    /** Creates the node {@code path} (and its parents) unless it exists. */
    static void ensure(ManagerClient client, String path, String what) {
        try {
            client.curator().create().creatingParentsIfNeeded().forPath(path);
        } catch (KeeperException.NodeExistsException made) {
            // another client created it first: its contents stand
        } catch (Exception e) {
            throw failed(client, what, "create", e);
        }
    }

    /** How many children {@code path} has now. */
    static int children(ManagerClient client, String path, String what) {
        try {
            Stat stat = client.curator().checkExists().forPath(path);
            if (stat == null) {
                throw new IllegalStateException(what + " at " + client.address() + " was deleted");
            }
            return stat.getNumChildren();
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw failed(client, what, "count", e);
        }
    }

    /** Deletes {@code path} and everything under it; nothing when it is gone already. */
    static void deleteTree(ManagerClient client, String path, String what) {
        try {
            client.curator().delete().deletingChildrenIfNeeded().forPath(path);
        } catch (KeeperException.NoNodeException gone) {
            // deleted already
        } catch (Exception e) {
            throw failed(client, what, "delete", e);
        }
    }

    static IllegalStateException failed(ManagerClient client, String what, String action, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException(what + " at " + client.address() + ": cannot " + action + ": " + e.getMessage(), e);
    }
}
