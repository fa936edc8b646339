package dev.telar.workloads.pool;

import dev.telar.workloads.ipc.DiskSpace;
import dev.telar.workloads.problem.ProblemCode;
import java.nio.file.Path;
import java.util.Arrays;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.ValueIn;
import net.openhft.chronicle.wire.WireIn;

/**
 * The records that pool queues carry, each written and read field by field as plain values
 * (Chronicle Wire, binary), never as objects: no reader instantiates a class named by the data,
 * so whoever can write a queue can only ask for the computations of {@link TaskKinds}.
 *
 * <p>Task queue, parent to one worker: {@code task{id, kind, args}} and {@code stop{}}.
 * Result queue, one worker to the parent: {@code ready{pid}}, {@code done{id, value, pid, core,
 * cpu}}, {@code error{id, at, message, pid, core, cpu}}, where {@code at} is the queue index of the
 * task record answered. Reading a task record never throws: a record that is garbled (unreadable
 * bytes), truncated (a field missing), of an unknown type or with too many arguments comes back
 * with the problem in words, and the worker answers it with an error naming the problem and its
 * index (its id is -1 when the id itself could not be read), so its writer can tell which task
 * failed. The parent skips a result record it cannot parse.
 */
final class PoolWire {
    static final String TASK = "task";
    static final String STOP = "stop";
    static final String READY = "ready";
    static final String DONE = "done";
    static final String ERROR = "error";
    /** Longest error message carried, characters. */
    static final int MAX_MESSAGE = 500;
    /** Queue file block size: the records are tiny, a small block keeps the files small. */
    private static final long BLOCK_SIZE = 256 << 10;

    private PoolWire() {
    }

    /**
     * Opens (creating when needed) the queue in {@code dir}.
     *
     * @throws dev.telar.workloads.ipc.DiskFullException when its file system has less than
     *         {@link DiskSpace#JOURNAL_HEADROOM} free (Chronicle would fault writing a new file)
     */
    static ChronicleQueue open(Path dir) {
        DiskSpace.require(dir, DiskSpace.JOURNAL_HEADROOM, ProblemCode.DISK_FULL_POOL_QUEUE, dir.getFileName().toString());
        return ChronicleQueue.singleBuilder(dir).blockSize(BLOCK_SIZE).build();
    }

    /**
     * A record read from a task queue.
     *
     * @param type    {@link #TASK} or {@link #STOP}; {@code null} for a record that could not be read
     * @param id      the task's id; -1 when unreadable
     * @param index   the record's index in the queue
     * @param kind    the task kind; null when {@code problem} is set
     * @param args    the task arguments; null when {@code problem} is set
     * @param problem why the record cannot be run, in words; null for a well-formed task or stop
     */
    record Incoming(String type, long id, long index, String kind, long[] args, String problem) {
        static Incoming bad(long id, long index, String problem) {
            return new Incoming(null, id, index, null, null, problem);
        }
    }

    /** A record read from a result queue; {@code at} is the answered task's queue index (errors only, else -1). */
    record Reply(String type, long id, long at, double value, String message, long pid, int core, long cpuNanos) {
    }

    static void writeTask(ExcerptAppender out, long id, PoolTask task) {
        long[] args = task.args();
        try (DocumentContext doc = out.writingDocument()) {
            doc.wire().write("type").text(TASK).write("id").int64(id).write("kind").text(task.kind())
                    .write("args").array(args, args.length);
        }
    }

    static void writeStop(ExcerptAppender out) {
        try (DocumentContext doc = out.writingDocument()) {
            doc.wire().write("type").text(STOP);
        }
    }

    static void writeReady(ExcerptAppender out, long pid) {
        try (DocumentContext doc = out.writingDocument()) {
            doc.wire().write("type").text(READY).write("pid").int64(pid);
        }
    }

    static void writeDone(ExcerptAppender out, long id, double value, long pid, int core, long cpuNanos) {
        try (DocumentContext doc = out.writingDocument()) {
            doc.wire().write("type").text(DONE).write("id").int64(id).write("value").float64(value)
                    .write("pid").int64(pid).write("core").int32(core).write("cpu").int64(cpuNanos);
        }
    }

    static void writeError(ExcerptAppender out, long id, long at, String message, long pid, int core, long cpuNanos) {
        String m = clip(message, MAX_MESSAGE);
        try (DocumentContext doc = out.writingDocument()) {
            doc.wire().write("type").text(ERROR).write("id").int64(id).write("at").int64(at).write("message").text(m)
                    .write("pid").int64(pid).write("core").int32(core).write("cpu").int64(cpuNanos);
        }
    }

    /**
     * The next record of a task queue, or null when there is none yet. Never throws for a record's
     * content: a record that is not a well-formed task or stop comes back with its
     * {@link Incoming#problem()} (the tailer has moved past it either way).
     */
    static Incoming readTask(ExcerptTailer in) {
        try (DocumentContext doc = in.readingDocument()) {
            if (!doc.isPresent()) {
                return null;
            }
            long index = doc.index();
            long id = -1;
            try {
                WireIn w = doc.wire();
                if (w.bytes().readRemaining() == 0) {
                    return Incoming.bad(-1, index, "empty record");
                }
                ValueIn typeField = w.read("type");
                String type = typeField.isPresent() ? typeField.text() : null;
                if (STOP.equals(type)) {
                    return new Incoming(STOP, -1, index, null, null, null);
                }
                if (!TASK.equals(type)) {
                    return Incoming.bad(-1, index, type == null ? "garbled record: no type field"
                            : "unknown record type '" + clip(type, 40) + "'");
                }
                ValueIn idField = w.read("id");
                if (!idField.isPresent()) {
                    return Incoming.bad(-1, index, "truncated task record: no id field");
                }
                id = idField.int64();
                ValueIn kindField = w.read("kind");
                String kind = kindField.isPresent() ? kindField.text() : null;
                if (kind == null || kind.isEmpty()) {
                    return Incoming.bad(id, index, "truncated task record: no kind field");
                }
                ValueIn argsField = w.read("args");
                if (!argsField.isPresent()) {
                    return Incoming.bad(id, index, "truncated task record: no args field");
                }
                long[] buffer = new long[TaskKinds.MAX_ARGS + 1];
                int n = argsField.array(buffer);
                if (n < 0 || n > TaskKinds.MAX_ARGS) {
                    return Incoming.bad(id, index, "task record with more than " + TaskKinds.MAX_ARGS + " arguments");
                }
                return new Incoming(TASK, id, index, kind, Arrays.copyOf(buffer, n), null);
            } catch (RuntimeException garbled) {
                String why = garbled.getMessage() == null ? "" : ": " + clip(garbled.getMessage().lines().findFirst().orElse(""), 120);
                return Incoming.bad(id, index, "garbled record (" + garbled.getClass().getSimpleName() + why + ")");
            }
        }
    }

    /** The next record of a result queue, or null when there is none yet. */
    static Reply readReply(ExcerptTailer in) {
        try (DocumentContext doc = in.readingDocument()) {
            if (!doc.isPresent()) {
                return null;
            }
            WireIn w = doc.wire();
            String type = w.read("type").text();
            if (READY.equals(type)) {
                return new Reply(type, -1, -1, Double.NaN, null, w.read("pid").int64(), -1, 0);
            }
            if (DONE.equals(type)) {
                long id = w.read("id").int64();
                double value = w.read("value").float64();
                return new Reply(type, id, -1, value, null, w.read("pid").int64(), w.read("core").int32(),
                        w.read("cpu").int64());
            }
            if (ERROR.equals(type)) {
                long id = w.read("id").int64();
                long at = w.read("at").int64();
                String message = w.read("message").text();
                return new Reply(type, id, at, Double.NaN, message == null ? "" : message, w.read("pid").int64(),
                        w.read("core").int32(), w.read("cpu").int64());
            }
            return new Reply(String.valueOf(type), -1, -1, Double.NaN, null, -1, -1, 0);
        }
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
