package dev.telar.workloads.mechanism;

import dev.telar.workloads.shared.ItemQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One process's hold on a {@link SharedQueue} as an {@link ItemQueue}, the interface the remote
 * queue shares. The local queue is made of producers and consumers that each join it; this
 * adapter joins as a producer at its first {@link #put} and as a consumer at its first {@link
 * #take}, and leaves at {@link #close}. An item travels as a {@link Packet}'s key (its value is 0).
 *
 * <p>Guarantees: those of {@link SharedQueue}. Every item put is taken exactly once among the
 * consumers that live; the items of one adapter come out in the order it put them, with no order
 * across adapters. {@link #put} waits while consumers lag by the queue's capacity (and throws an
 * {@link IllegalStateException} once every consumer that joined has closed or died). {@link #take}
 * waits at most its timeout; when the queue was made for a number of producers and all of them
 * have ended with every item taken, it throws an {@link IllegalStateException} saying so (the
 * queue's {@link ExchangeClosedException} as its cause). Each adapter counts as one producer and
 * one consumer of the queue's {@value SharedQueue#MAX_PRODUCERS} each, for the queue's whole
 * life: open one per process, not one per call. Thread-safe: puts take turns, takes take turns,
 * a put need not wait for a take.
 */
public final class SharedItemQueue implements ItemQueue, AutoCloseable {
    private final SharedQueue queue;
    private final Object putTurn = new Object();
    private final Object takeTurn = new Object();
    private SharedQueue.Producer producer;
    private SharedQueue.Consumer consumer;

    private SharedItemQueue(SharedQueue queue) {
        this.queue = queue;
    }

    /** Opens the queue in {@code dir} (made by {@link SharedQueue#create}). */
    public static SharedItemQueue open(Path dir) {
        return new SharedItemQueue(SharedQueue.open(dir));
    }

    @Override
    public void put(long item) {
        synchronized (putTurn) {
            if (producer == null) {
                producer = queue.producer();
            }
            try {
                producer.put(item, 0);
            } catch (ExchangeClosedException gone) {
                throw new IllegalStateException(gone.getMessage(), gone); // every consumer closed or died while it waited
            }
        }
    }

    @Override
    public OptionalLong take(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        synchronized (takeTurn) {
            if (consumer == null) {
                consumer = queue.consumer();
            }
            Packet p;
            try {
                p = consumer.take(timeout.isNegative() ? Duration.ZERO : timeout);
            } catch (ExchangeClosedException ended) {
                throw new IllegalStateException(ended.getMessage(), ended);
            }
            return p == null ? OptionalLong.empty() : OptionalLong.of(p.key());
        }
    }

    /** Leaves the queue: ends this adapter's stream of puts (its items stay to be taken) and its takes. */
    @Override
    public void close() {
        synchronized (putTurn) {
            if (producer != null) {
                producer.close();
            }
        }
        synchronized (takeTurn) {
            if (consumer != null) {
                consumer.close();
            }
        }
        queue.close();
    }
}
