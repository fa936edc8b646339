package dev.telar.workloads.sync.remote;

import dev.telar.workloads.sync.Waits;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;

/**
 * A ZooKeeper watch a thread waits on: set it on the nodes whose change matters, then
 * {@link #await} it. Any event counts, a connection event too (the waiter then reads again and
 * learns what happened), so a waiter never sleeps through a change it watched.
 */
final class Wake implements Watcher {
    private boolean fired;

    @Override
    public synchronized void process(WatchedEvent event) {
        fired = true;
        notifyAll();
    }

    /**
     * Waits until a watch fires or the {@link Waits} deadline passes; re-arms for the next round.
     *
     * @return true when a watch fired, false when the deadline passed first
     */
    synchronized boolean await(long deadline) throws InterruptedException {
        while (!fired) {
            if (deadline == Waits.NONE) {
                wait();
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(left / 1_000_000, (int) (left % 1_000_000));
            }
        }
        fired = false;
        return true;
    }
}
