package dev.telar.workloads.sync.thread;

import dev.telar.workloads.sync.BarrierBrokenException;
import dev.telar.workloads.sync.BarrierState;
import dev.telar.workloads.sync.SyncBarrier;
import dev.telar.workloads.sync.Waits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Barrier for threads: {@link java.util.concurrent.CyclicBarrier}'s algorithm (a lock, a condition
 * and one object per generation) with Python's semantics added: arrival indexes counted up from
 * 0, {@link #abort()} that leaves the barrier broken until {@link #reset()}, and a default timeout.
 * Waiting threads are parked. Thread-safe.
 */
public final class ThreadBarrier extends ThreadPrimitive<BarrierState> implements SyncBarrier {
    private final int parties;
    private final Runnable action;
    private final long defaultTimeoutNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition trip = lock.newCondition();
    /** Guarded by lock. */
    private Generation generation = new Generation(0);
    private int arrived;
    private final ArrayList<Thread> present = new ArrayList<>();
    private volatile long rounds;
    /** Copies for state(), which must not take the lock. */
    private volatile List<Thread> waitingView = List.of();
    private volatile Generation currentView = generation;

    private static final class Generation {
        final long number;
        volatile boolean broken;
        String why = "";

        Generation(long number) {
            this.number = number;
        }
    }

    /**
     * @param parties at least 1
     * @param action  run by the last thread to arrive before the others go on; null for none
     * @param timeout default timeout for {@link #await()}; null for none
     */
    public ThreadBarrier(String name, int parties, Runnable action, Duration timeout) {
        super(name);
        if (parties < 1) {
            throw new IllegalArgumentException("a barrier needs at least 1 party, not " + parties);
        }
        this.parties = parties;
        this.action = action;
        this.defaultTimeoutNanos = Waits.nanosOrNone(timeout);
    }

    @Override
    public int await() throws InterruptedException {
        return awaitNanos(defaultTimeoutNanos);
    }

    @Override
    public int await(Duration timeout) throws InterruptedException {
        return awaitNanos(Waits.nanosOrNone(timeout));
    }

    private int awaitNanos(long nanos) throws InterruptedException {
        lock.lock();
        try {
            Generation g = generation;
            if (g.broken) {
                throw broken(g);
            }
            int index = arrived++;
            if (arrived == parties) {
                if (action != null) {
                    try {
                        action.run();
                    } catch (RuntimeException | Error e) {
                        breakBarrier("the barrier action failed: " + e);
                        throw new BarrierBrokenException("barrier " + name + " broken: its action failed", e);
                    }
                }
                rounds++;
                nextGeneration();
                return index;
            }
            present.add(Thread.currentThread());
            publish();
            boolean timed = nanos >= 0;
            try {
                while (true) {
                    try {
                        if (!timed) {
                            trip.await();
                        } else if (nanos > 0) {
                            nanos = trip.awaitNanos(nanos);
                        }
                    } catch (InterruptedException e) {
                        if (g == generation && !g.broken) {
                            breakBarrier("a waiting thread was interrupted");
                            throw e;
                        }
                        Thread.currentThread().interrupt(); // the round ended anyway: keep its outcome
                    }
                    if (g.broken) {
                        throw broken(g);
                    }
                    if (g != generation) {
                        return index;
                    }
                    if (timed && nanos <= 0) {
                        breakBarrier("a party timed out");
                        throw broken(g);
                    }
                }
            } finally {
                present.remove(Thread.currentThread());
                publish();
            }
        } finally {
            lock.unlock();
        }
    }

    private BarrierBrokenException broken(Generation g) {
        return new BarrierBrokenException("barrier " + name + " is broken" + (g.why.isEmpty() ? "" : ": " + g.why));
    }

    /** Under the lock. */
    private void breakBarrier(String why) {
        if (!generation.broken) {
            generation.why = why;
            generation.broken = true;
        }
        trip.signalAll();
    }

    /** Under the lock. */
    private void nextGeneration() {
        trip.signalAll();
        generation = new Generation(generation.number + 1);
        arrived = 0;
        present.clear(); // the woken parties are on their way out, no longer waiting
        publish();
    }

    private void publish() {
        waitingView = List.copyOf(present);
        currentView = generation;
    }

    @Override
    public void abort() {
        lock.lock();
        try {
            breakBarrier("aborted");
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void reset() {
        lock.lock();
        try {
            breakBarrier("reset while parties waited");
            nextGeneration();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isBroken() {
        return currentView.broken;
    }

    @Override
    public int parties() {
        return parties;
    }

    @Override
    public int waiting() {
        return currentView.broken ? 0 : waitingView.size();
    }

    @Override
    public BarrierState state() {
        List<Thread> w = waitingView;
        Generation g = currentView;
        return new BarrierState(parties, w.size(), ThreadParticipants.of(w), g.number, rounds, g.broken);
    }

    @Override
    public String toString() {
        return "ThreadBarrier[" + name + "]";
    }
}
