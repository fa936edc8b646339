package dev.telar.workloads.sync.thread;

import dev.telar.workloads.sync.Descriptions;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.SharedCounters;
import dev.telar.workloads.sync.SyncBarrier;
import dev.telar.workloads.sync.SyncCondition;
import dev.telar.workloads.sync.SyncEvent;
import dev.telar.workloads.sync.SyncLock;
import dev.telar.workloads.sync.SyncPrimitives;
import dev.telar.workloads.sync.SyncRLock;
import dev.telar.workloads.sync.SyncSemaphore;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The thread family: primitives kept by name in a map, so every thread asking for a name gets the
 * same object; asking again with another kind or other parameters is refused in the words of
 * {@link Descriptions}. Thread-safe.
 */
public final class ThreadSync implements SyncPrimitives {
    private final Map<String, Object> byName = new ConcurrentHashMap<>();

    @Override
    public Mode mode() {
        return Mode.THREADS;
    }

    private <T> T named(String name, Class<T> type, String description, Supplier<T> create) {
        Objects.requireNonNull(name, "name");
        Object found = byName.computeIfAbsent(name, n -> new Entry(description, create.get()));
        Entry e = (Entry) found;
        if (!e.description.equals(description) || !type.isInstance(e.value)) {
            throw Descriptions.taken(name, e.description, description);
        }
        return type.cast(e.value);
    }

    private record Entry(String description, Object value) {
    }

    @Override
    public SyncLock lock(String name) {
        return named(name, ThreadLock.class, Descriptions.lock(), () -> new ThreadLock(name));
    }

    @Override
    public SyncRLock rlock(String name) {
        return named(name, ThreadRLock.class, Descriptions.rlock(), () -> new ThreadRLock(name));
    }

    @Override
    public SyncSemaphore semaphore(String name, int value) {
        return named(name, ThreadSemaphore.class, Descriptions.semaphore(value, false),
                () -> new ThreadSemaphore(name, value, false));
    }

    @Override
    public SyncSemaphore boundedSemaphore(String name, int value) {
        return named(name, ThreadSemaphore.class, Descriptions.semaphore(value, true),
                () -> new ThreadSemaphore(name, value, true));
    }

    @Override
    public SyncCondition condition(String name, SyncLock lock) {
        return named(name, ThreadCondition.class, Descriptions.condition(lock), () -> new ThreadCondition(name, lock));
    }

    @Override
    public SyncEvent event(String name) {
        return named(name, ThreadEvent.class, Descriptions.event(), () -> new ThreadEvent(name));
    }

    @Override
    public SyncBarrier barrier(String name, int parties, Runnable action, Duration timeout) {
        return named(name, ThreadBarrier.class, Descriptions.barrier(parties, timeout),
                () -> new ThreadBarrier(name, parties, action, timeout));
    }

    @Override
    public SharedCounters counters(String name, int size) {
        return named(name, ThreadCounters.class, Descriptions.counters(size), () -> new ThreadCounters(size));
    }

    @Override
    public void close() {
        byName.clear();
    }
}
