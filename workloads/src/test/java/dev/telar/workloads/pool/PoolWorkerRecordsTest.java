package dev.telar.workloads.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.kernel.CpuKernel;
import dev.telar.workloads.kernel.TaskContext;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.proc.ChildMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.WireOut;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real worker JVM fed records that are not well-formed tasks, written straight into its task
 * queue: each gets an error naming the problem and the record's index, and the same worker then
 * runs a normal task.
 */
class PoolWorkerRecordsTest {
    private static final CpuKernel SMALL = new CpuKernel(200_000, 5);

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void aGarbledTruncatedOrUnknownRecordIsAnsweredWithAnErrorAndTheWorkerGoesOn() throws Exception {
        try (ChronicleQueue tasks = PoolWire.open(dir.resolve(ProcessPool.taskQueueName(0)));
             ChronicleQueue results = PoolWire.open(dir.resolve(ProcessPool.resultQueueName(0)))) {
            Child worker = ChildLauncher.start(ChildMain.KIND_TARGET, PoolWorker.class,
                    List.of(dir.toString(), "0", ""), List.of());
            try {
                ExcerptAppender out = tasks.createAppender();
                ExcerptTailer in = results.createTailer();
                PoolWire.Reply ready = next(in);
                assertThat(ready.type()).isEqualTo(PoolWire.READY);
                assertThat(ready.pid()).isEqualTo(worker.pid());

                List<Long> at = new ArrayList<>();
                // Bytes that are no wire at all.
                at.add(write(out, w -> w.bytes().write(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x13, 0x00, (byte) 0x8A, 0x7F})));
                // A well-formed task of a kind no worker knows.
                at.add(write(out, w -> w.write("type").text("task").write("id").int64(11).write("kind").text("sh")
                        .write("args").array(new long[] {1}, 1)));
                // Truncated after the id, then after the kind.
                at.add(write(out, w -> w.write("type").text("task").write("id").int64(12)));
                at.add(write(out, w -> w.write("type").text("task").write("id").int64(13).write("kind").text("cpu")));
                // A record type the task queue never carries.
                at.add(write(out, w -> w.write("type").text("reboot")));
                // Too many arguments.
                at.add(write(out, w -> w.write("type").text("task").write("id").int64(14).write("kind").text("cpu")
                        .write("args").array(new long[20], 20)));
                // Then a normal task.
                PoolWire.writeTask(out, 15, TaskKinds.task(SMALL, 2));

                List<String> expected = List.of(
                        "garbled record (",
                        "IllegalArgumentException: unknown task kind 'sh'; known: cpu, io, matmul",
                        "truncated task record: no kind field",
                        "truncated task record: no args field",
                        "unknown record type 'reboot'",
                        "task record with more than 8 arguments");
                List<Long> ids = List.of(-1L, 11L, 12L, 13L, -1L, 14L);
                for (int i = 0; i < expected.size(); i++) {
                    PoolWire.Reply r = next(in);
                    assertThat(r.type()).as("reply %d", i).isEqualTo(PoolWire.ERROR);
                    if (i == 0) {
                        assertThat(r.message()).as("reply %d", i).startsWith(expected.get(i)); // then the wire's own words
                    } else {
                        assertThat(r.message()).as("reply %d", i).isEqualTo(expected.get(i));
                    }
                    assertThat(r.at()).as("reply %d names the record's index", i).isEqualTo(at.get(i));
                    assertThat(r.id()).as("reply %d", i).isEqualTo(ids.get(i));
                    assertThat(r.pid()).isEqualTo(worker.pid());
                }
                PoolWire.Reply done = next(in);
                assertThat(done.type()).isEqualTo(PoolWire.DONE);
                assertThat(done.id()).isEqualTo(15);
                assertThat(done.value()).isEqualTo(SMALL.runTask(2, TaskContext.FREE));
                assertThat(done.pid()).isEqualTo(worker.pid());
                assertThat(worker.isAlive()).isTrue();

                PoolWire.writeStop(out);
                assertThat(worker.join(Duration.ofSeconds(20))).hasValueSatisfying(e -> assertThat(e.code()).isZero());
            } finally {
                worker.kill();
                worker.join(Duration.ofSeconds(10));
            }
        }
    }

    /** A record nobody submitted, slipped into a live pool's task queue, costs the pool nothing. */
    @Test
    @Timeout(60)
    void aPoolWhoseQueueGetsAGarbledRecordGoesOn(@TempDir Path parent) throws Exception {
        try (ProcessPool pool = ProcessPool.start(1, parent, new int[0]);
             ChronicleQueue tasks = PoolWire.open(pool.directory().resolve(ProcessPool.taskQueueName(0)))) {
            ExcerptAppender intruder = tasks.createAppender();
            write(intruder, w -> w.bytes().write(new byte[] {(byte) 0xFF, 0x01, 0x02}));
            write(intruder, w -> w.write("type").text("task").write("id").int64(0).write("kind").text("cpu"));
            PoolResult r = pool.submit(TaskKinds.task(SMALL, 1)).get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(r.value()).isEqualTo(SMALL.runTask(1, TaskContext.FREE));
            assertThat(r.workerPid()).isEqualTo(pool.pids().get(0));
            assertThat(ProcessHandle.of(r.workerPid()).map(ProcessHandle::isAlive)).hasValue(true);
        }
    }

    /** Appends one document written by {@code body}; returns its queue index. */
    private static long write(ExcerptAppender out, Consumer<WireOut> body) {
        try (DocumentContext doc = out.writingDocument()) {
            body.accept(doc.wire());
        }
        return out.lastIndexAppended();
    }

    /** The next reply, waiting up to 30 s for it. */
    private static PoolWire.Reply next(ExcerptTailer in) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            PoolWire.Reply r = PoolWire.readReply(in);
            if (r != null) {
                return r;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no reply from the worker within 30 s");
    }
}
