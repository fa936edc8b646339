package dev.telar.workloads.pool;

import java.nio.file.Path;
import java.util.Arrays;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.WireIn;

/**
 * The records that pool queues carry, each written and read field by field as plain values
 * (Chronicle Wire, binary), never as objects: no reader instantiates a class named by the data,
 * so whoever can write a queue can only ask for the computations of {@link TaskKinds}.
 *
 * <p>Task queue, parent to one worker: {@code task{id, kind, args}} and {@code stop{}}.
 * Result queue, one worker to the parent: {@code ready{pid}}, {@code done{id, value, pid, core,
 * cpu}}, {@code error{id, message, pid, core, cpu}}. A reader that finds a record it cannot parse
 * skips it (a worker answers a garbled task with an error if it could read the id).
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

    /** Opens (creating when needed) the queue in {@code dir}. */
    static ChronicleQueue open(Path dir) {
        return ChronicleQueue.singleBuilder(dir).blockSize(BLOCK_SIZE).build();
    }

    /** A record read from a task queue. */
    record Incoming(String type, long id, String kind, long[] args) {
    }

    /** A record read from a result queue. */
    record Reply(String type, long id, double value, String message, long pid, int core, long cpuNanos) {
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

    static void writeError(ExcerptAppender out, long id, String message, long pid, int core, long cpuNanos) {
        String m = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
        try (DocumentContext doc = out.writingDocument()) {
            doc.wire().write("type").text(ERROR).write("id").int64(id).write("message").text(m)
                    .write("pid").int64(pid).write("core").int32(core).write("cpu").int64(cpuNanos);
        }
    }

    /**
     * The next record of a task queue, or null when there is none yet. A task whose fields cannot
     * be read comes back with a null kind (its id, when readable, lets the worker answer).
     */
    static Incoming readTask(ExcerptTailer in) {
        try (DocumentContext doc = in.readingDocument()) {
            if (!doc.isPresent()) {
                return null;
            }
            WireIn w = doc.wire();
            String type = w.read("type").text();
            if (!TASK.equals(type)) {
                return new Incoming(type, -1, null, null);
            }
            long id = w.read("id").int64();
            try {
                String kind = w.read("kind").text();
                long[] buffer = new long[TaskKinds.MAX_ARGS];
                int n = w.read("args").array(buffer);
                if (kind == null || n < 0 || n > TaskKinds.MAX_ARGS) {
                    return new Incoming(TASK, id, null, null);
                }
                return new Incoming(TASK, id, kind, Arrays.copyOf(buffer, n));
            } catch (RuntimeException garbled) {
                return new Incoming(TASK, id, null, null);
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
                return new Reply(type, -1, Double.NaN, null, w.read("pid").int64(), -1, 0);
            }
            if (DONE.equals(type)) {
                long id = w.read("id").int64();
                double value = w.read("value").float64();
                return new Reply(type, id, value, null, w.read("pid").int64(), w.read("core").int32(), w.read("cpu").int64());
            }
            if (ERROR.equals(type)) {
                long id = w.read("id").int64();
                String message = w.read("message").text();
                return new Reply(type, id, Double.NaN, message == null ? "" : message, w.read("pid").int64(),
                        w.read("core").int32(), w.read("cpu").int64());
            }
            return new Reply(String.valueOf(type), -1, Double.NaN, null, -1, -1, 0);
        }
    }
}
