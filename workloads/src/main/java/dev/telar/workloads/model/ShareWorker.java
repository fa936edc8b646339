package dev.telar.workloads.model;

import dev.telar.probe.Kernel;
import dev.telar.workloads.kernel.TaskContext;
import dev.telar.workloads.kernel.TaskKernel;
import dev.telar.workloads.pool.TaskKinds;
import dev.telar.workloads.proc.CoreArg;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * What one child process of the {@code process-target} and {@code process-subclass} models does:
 * its share of a job's tasks (worker, worker + workers, ...), spoken over its standard streams.
 *
 * <p>Arguments: {@code <kind> <params> <worker> <workers> <tasks> <cores>}, with params and cores
 * comma-separated ({@link TaskKinds}, {@link CoreArg}). The child names its thread
 * {@code telar-proc-<worker>}, pins it, compiles the kernel on a small task, prints {@code ready}
 * and waits for a {@code go} line, so the parent can time the computation apart from the JVM's
 * start. Then one line per task, {@code result <index> <value bits in hex> <cpu ns> <core>}, and
 * {@code done}. End of input instead of {@code go} means the parent gave up: nothing is computed.
 */
public final class ShareWorker {
    static final String READY = "ready";
    static final String GO = "go";
    static final String RESULT = "result";
    static final String DONE = "done";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ShareWorker() {
    }

    /** The arguments for worker {@code worker} of {@code workers}, running {@code tasks} tasks of {@code kernel}. */
    static String[] args(TaskKernel kernel, int worker, int workers, int tasks, int[] cores) {
        long[] params = TaskKinds.params(kernel);
        String p = String.join(",", Arrays.stream(params).mapToObj(Long::toString).toArray(String[]::new));
        return new String[] {kernel.kind().label(), p, Integer.toString(worker), Integer.toString(workers),
            Integer.toString(tasks), CoreArg.format(cores)};
    }

    /** Runs in the child. @throws IllegalArgumentException on bad arguments */
    public static void run(String[] args, BufferedReader in, PrintStream out) throws IOException {
        if (args.length != 6) {
            throw new IllegalArgumentException("usage: <kind> <params> <worker> <workers> <tasks> <cores>");
        }
        long[] params = Arrays.stream(args[1].split(",")).mapToLong(Long::parseLong).toArray();
        TaskKernel kernel = TaskKinds.kernel(args[0], params);
        int worker = Integer.parseInt(args[2]);
        int workers = Integer.parseInt(args[3]);
        int tasks = Integer.parseInt(args[4]);
        int[] cores = CoreArg.parse(args[5]);
        Thread.currentThread().setName("telar-proc-" + worker);
        if (cores.length > 0) {
            Kernel.pinCurrentThread(cores);
        }
        TaskKinds.warmUp(kernel).ifPresent(t -> TaskKinds.run(t, TaskContext.FREE));
        out.println(READY);
        out.flush();
        if (!GO.equals(in.readLine())) {
            return;
        }
        for (int i = worker; i < tasks; i += workers) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            double value = kernel.runTask(i, TaskContext.FREE);
            cpu = THREADS.getCurrentThreadCpuTime() - cpu;
            out.println(RESULT + " " + i + " " + Long.toHexString(Double.doubleToRawLongBits(value)) + " " + cpu + " "
                    + Kernel.currentCore());
            out.flush();
        }
        out.println(DONE);
        out.flush();
    }
}
