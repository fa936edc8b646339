package dev.telar.workloads.pool;

import dev.telar.probe.Kernel;
import dev.telar.workloads.kernel.TaskContext;
import dev.telar.workloads.proc.CoreArg;
import dev.telar.workloads.proc.ProcessTarget;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;

/**
 * One worker of a {@link ProcessPool}, running in its own child JVM:
 * {@code PoolWorker <directory> <index> [cores]}. Reads tasks from {@code tasks-<index>} in that
 * directory, one at a time in order, and writes one result (or error) per task to
 * {@code results-<index>}; a task that throws is answered with its message and the worker goes
 * on, and so is a record it cannot run (garbled, truncated, unknown type or kind): every record
 * but stop gets exactly one answer, in queue order. Announces itself with a ready record first; a stop record ends it (exit 0). Its computing
 * thread is named {@code telar-pool-<index>} and, when cores are given, pinned to them.
 */
public final class PoolWorker implements ProcessTarget {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Override
    public void run(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: PoolWorker <directory> <index> [cores]");
        }
        Path dir = Path.of(args[0]);
        int index = Integer.parseInt(args[1]);
        Thread.currentThread().setName("telar-pool-" + index);
        if (args.length > 2 && !args[2].isEmpty()) {
            Kernel.pinCurrentThread(CoreArg.parse(args[2]));
        }
        long pid = ProcessHandle.current().pid();
        try (ChronicleQueue tasks = PoolWire.open(dir.resolve(ProcessPool.taskQueueName(index)));
             ChronicleQueue results = PoolWire.open(dir.resolve(ProcessPool.resultQueueName(index)))) {
            ExcerptTailer in = tasks.createTailer();
            ExcerptAppender out = results.createAppender();
            PoolWire.writeReady(out, pid);
            IdleBackoff backoff = new IdleBackoff();
            while (true) {
                PoolWire.Incoming next = PoolWire.readTask(in);
                if (next == null) {
                    backoff.pause();
                    continue;
                }
                backoff.reset();
                if (PoolWire.STOP.equals(next.type())) {
                    return;
                }
                answer(next, out, pid);
            }
        }
    }

    private static void answer(PoolWire.Incoming task, ExcerptAppender out, long pid) {
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        if (task.problem() != null) {
            PoolWire.writeError(out, task.id(), task.index(), task.problem(), pid, Kernel.currentCore(), 0);
            return;
        }
        double value;
        try {
            value = TaskKinds.run(new PoolTask(task.kind(), task.args()), TaskContext.FREE);
        } catch (RuntimeException | Error e) {
            String message = e.getMessage();
            String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
            PoolWire.writeError(out, task.id(), task.index(), text, pid, Kernel.currentCore(), THREADS.getCurrentThreadCpuTime() - cpuBefore);
            return;
        }
        PoolWire.writeDone(out, task.id(), value, pid, Kernel.currentCore(), THREADS.getCurrentThreadCpuTime() - cpuBefore);
    }
}
