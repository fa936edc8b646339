package dev.telar.workloads.sync.process;

import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.SharedCounters;
import dev.telar.workloads.sync.SyncBarrier;
import dev.telar.workloads.sync.SyncCondition;
import dev.telar.workloads.sync.SyncEvent;
import dev.telar.workloads.sync.SyncLock;
import dev.telar.workloads.sync.SyncPrimitives;
import dev.telar.workloads.sync.SyncRLock;
import dev.telar.workloads.sync.SyncSemaphore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The process family: every primitive is a file in one directory, named after the primitive with
 * its kind as extension ({@code total.lock}, {@code permits.sem}, ...). Any JVM that opens the
 * same directory reaches the same primitives; within one JVM each name is opened once and shared.
 * The directory belongs to the caller (typically a RunDirectory), which removes it. Thread-safe.
 */
public final class ProcessSync implements SyncPrimitives {
    /**
     * Room every process primitive has for participants at once: waiters of a Lock, RLock,
     * Semaphore, Event, Condition or Barrier, permits of a Semaphore, and processes that have a
     * Barrier open (each JVM counts once, the one that prepares a run too). Limits offered to users
     * (such as {@code ScenarioSpec#MAX_WORKERS}) are derived from it, so that a run never fails
     * half-way for lack of a slot.
     */
    public static final int SLOTS = 128;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private final Path dir;
    private final Map<String, Object> byName = new ConcurrentHashMap<>();

    /**
     * @param dir an existing directory (created if missing) shared by all participants
     * @throws UncheckedIOException when the directory cannot be created
     */
    public ProcessSync(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        this.dir = dir;
    }

    /** The directory holding the files. */
    public Path directory() {
        return dir;
    }

    /** The primitive name of a file: its name without the extension. */
    static String nameOf(Path file) {
        String f = file.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    /** The file of primitive {@code name} with extension {@code ext}. */
    public Path file(String name, String ext) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a primitive name is 1-64 letters, digits, '-' or '_', not '" + name + "'");
        }
        return dir.resolve(name + "." + ext);
    }

    @Override
    public Mode mode() {
        return Mode.PROCESSES;
    }

    private <T> T named(String name, String ext, Class<T> type, Supplier<T> open) {
        file(name, ext); // checks the name
        Object existing = byName.get(name);
        if (existing == null) {
            synchronized (byName) {
                existing = byName.get(name);
                if (existing == null) {
                    existing = open.get();
                    byName.put(name, existing);
                }
            }
        }
        if (!type.isInstance(existing)) {
            throw new IllegalArgumentException("'" + name + "' is already a " + existing.getClass().getSimpleName()
                    + " in this family, not a " + type.getSimpleName());
        }
        return type.cast(existing);
    }

    @Override
    public SyncLock lock(String name) {
        return named(name, "lock", ProcessLock.class, () -> ProcessLock.open(file(name, "lock")));
    }

    @Override
    public SyncRLock rlock(String name) {
        return named(name, "rlock", ProcessRLock.class, () -> ProcessRLock.open(file(name, "rlock")));
    }

    @Override
    public SyncSemaphore semaphore(String name, int value) {
        ProcessSemaphore s = named(name, "sem", ProcessSemaphore.class, () -> ProcessSemaphore.open(file(name, "sem"), value, false));
        return checked(s, value, false);
    }

    @Override
    public SyncSemaphore boundedSemaphore(String name, int value) {
        ProcessSemaphore s = named(name, "sem", ProcessSemaphore.class, () -> ProcessSemaphore.open(file(name, "sem"), value, true));
        return checked(s, value, true);
    }

    private static ProcessSemaphore checked(ProcessSemaphore s, int value, boolean bounded) {
        if (s.isBounded() != bounded || s.state().initial() != value) {
            throw new IllegalArgumentException("'" + s.name() + "' is already a " + (s.isBounded() ? "Bounded" : "")
                    + "Semaphore(" + s.state().initial() + ")");
        }
        return s;
    }

    @Override
    public SyncCondition condition(String name, SyncLock lock) {
        return named(name, "cond", ProcessCondition.class, () -> ProcessCondition.open(file(name, "cond"), lock));
    }

    @Override
    public SyncEvent event(String name) {
        return named(name, "event", ProcessEvent.class, () -> ProcessEvent.open(file(name, "event")));
    }

    @Override
    public SyncBarrier barrier(String name, int parties, Runnable action, Duration timeout) {
        ProcessBarrier b = named(name, "barrier", ProcessBarrier.class,
                () -> ProcessBarrier.open(file(name, "barrier"), parties, action, timeout));
        if (b.parties() != parties) {
            throw new IllegalArgumentException("'" + name + "' is already a Barrier(" + b.parties() + ")");
        }
        return b;
    }

    @Override
    public SharedCounters counters(String name, int size) {
        ProcessCounters c = named(name, "counters", ProcessCounters.class, () -> ProcessCounters.open(file(name, "counters"), size));
        if (c.size() != size) {
            throw new IllegalArgumentException("'" + name + "' already has " + c.size() + " counters");
        }
        return c;
    }

    /** Closes (unmaps) every primitive opened through this family; the files stay. */
    @Override
    public void close() {
        List<Object> all;
        synchronized (byName) {
            all = new ArrayList<>(byName.values());
            byName.clear();
        }
        for (Object o : all) {
            if (o instanceof SharedCounters c) {
                c.close();
            } else if (o instanceof dev.telar.workloads.sync.SyncPrimitive<?> p) {
                p.close();
            }
        }
    }
}
