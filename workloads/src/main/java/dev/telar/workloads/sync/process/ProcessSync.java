package dev.telar.workloads.sync.process;

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
 * A name stands for one primitive in the whole directory: asking for it with another kind (a file
 * of another kind by that name exists) or other parameters (the file's header holds others) is
 * refused in the words of {@link Descriptions}, in any JVM. A request refused only after it made
 * its file (two JVMs asked for the same name as two kinds at once) removes the file it made.
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
    /** File extension of each kind, and the kind's name in messages. */
    private static final Map<String, String> KINDS = Map.of("lock", "Lock", "rlock", "RLock", "sem", "Semaphore",
            "cond", "Condition", "event", "Event", "barrier", "Barrier", "counters", "Counters");
    private final Map<String, Entry> byName = new ConcurrentHashMap<>();

    private record Entry(String description, Object value) {
    }

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

    private <T> T named(String name, String ext, Class<T> type, String description, Supplier<T> open) {
        file(name, ext); // checks the name
        Entry e = byName.get(name);
        if (e == null) {
            synchronized (byName) {
                e = byName.get(name);
                if (e == null) {
                    e = new Entry(description, openAlone(name, ext, description, open));
                    byName.put(name, e);
                }
            }
        }
        if (!e.description().equals(description) || !type.isInstance(e.value())) {
            throw Descriptions.taken(name, e.description(), description);
        }
        return type.cast(e.value());
    }

    /** Opens or creates the file, refusing a name another kind has, or whose file holds other parameters. */
    private Object openAlone(String name, String ext, String description, Supplier<?> open) {
        refuseOtherKinds(name, ext, description);
        Object opened;
        try {
            opened = open.get();
        } catch (PrimitiveFile.Mismatch m) {
            throw Descriptions.taken(name, m.existing(), description);
        }
        try {
            refuseOtherKinds(name, ext, description); // another JVM may have made one meanwhile
        } catch (IllegalArgumentException refused) {
            boolean created;
            if (opened instanceof ProcessPrimitive<?> p) {
                created = p.region.created();
                p.close();
            } else {
                created = ((ProcessCounters) opened).createdHere();
                ((ProcessCounters) opened).close();
            }
            if (created) {
                try {
                    Files.deleteIfExists(file(name, ext));
                } catch (IOException e) {
                    refused.addSuppressed(e);
                }
            }
            throw refused;
        }
        return opened;
    }

    private void refuseOtherKinds(String name, String ext, String asked) {
        for (Map.Entry<String, String> k : KINDS.entrySet()) {
            if (!k.getKey().equals(ext) && Files.exists(dir.resolve(name + "." + k.getKey()))) {
                throw Descriptions.taken(name, k.getValue(), asked);
            }
        }
    }

    @Override
    public SyncLock lock(String name) {
        return named(name, "lock", ProcessLock.class, Descriptions.lock(), () -> ProcessLock.open(file(name, "lock")));
    }

    @Override
    public SyncRLock rlock(String name) {
        return named(name, "rlock", ProcessRLock.class, Descriptions.rlock(), () -> ProcessRLock.open(file(name, "rlock")));
    }

    @Override
    public SyncSemaphore semaphore(String name, int value) {
        return named(name, "sem", ProcessSemaphore.class, Descriptions.semaphore(value, false),
                () -> ProcessSemaphore.open(file(name, "sem"), value, false));
    }

    @Override
    public SyncSemaphore boundedSemaphore(String name, int value) {
        return named(name, "sem", ProcessSemaphore.class, Descriptions.semaphore(value, true),
                () -> ProcessSemaphore.open(file(name, "sem"), value, true));
    }

    @Override
    public SyncCondition condition(String name, SyncLock lock) {
        return named(name, "cond", ProcessCondition.class, Descriptions.condition(lock),
                () -> ProcessCondition.open(file(name, "cond"), lock));
    }

    @Override
    public SyncEvent event(String name) {
        return named(name, "event", ProcessEvent.class, Descriptions.event(), () -> ProcessEvent.open(file(name, "event")));
    }

    @Override
    public SyncBarrier barrier(String name, int parties, Runnable action, Duration timeout) {
        return named(name, "barrier", ProcessBarrier.class, Descriptions.barrier(parties, timeout),
                () -> ProcessBarrier.open(file(name, "barrier"), parties, action, timeout));
    }

    @Override
    public SharedCounters counters(String name, int size) {
        return named(name, "counters", ProcessCounters.class, Descriptions.counters(size),
                () -> ProcessCounters.open(file(name, "counters"), size));
    }

    /** Closes (unmaps) every primitive opened through this family; the files stay. */
    @Override
    public void close() {
        List<Entry> all;
        synchronized (byName) {
            all = new ArrayList<>(byName.values());
            byName.clear();
        }
        for (Object o : all.stream().map(Entry::value).toList()) {
            if (o instanceof SharedCounters c) {
                c.close();
            } else if (o instanceof dev.telar.workloads.sync.SyncPrimitive<?> p) {
                p.close();
            }
        }
    }
}
