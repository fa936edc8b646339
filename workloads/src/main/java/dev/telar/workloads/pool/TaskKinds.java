package dev.telar.workloads.pool;

import dev.telar.workloads.kernel.CpuKernel;
import dev.telar.workloads.kernel.IoKernel;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.kernel.MatmulKernel;
import dev.telar.workloads.kernel.TaskContext;
import dev.telar.workloads.kernel.TaskKernel;
import java.util.Arrays;
import java.util.Optional;

/**
 * The fixed registry of what a child process may be asked to compute: the experiment kernels,
 * each named by its kernel's label ({@link KernelKind}) and described by integer parameters. A task is the kernel's
 * parameters followed by the task index; a child rebuilds the kernel from them with a
 * {@code switch} over these kernels, so the data can select only these computations, never a class.
 * Stateless and thread-safe.
 *
 * <ul>
 *   <li>{@code cpu}: draws, seed, index</li>
 *   <li>{@code io}: rounds, wait ms, draws per round, seed, index</li>
 *   <li>{@code matmul}: n, thread limit, seed, index</li>
 * </ul>
 */
public final class TaskKinds {
    /** Most arguments a task carries. */
    public static final int MAX_ARGS = 8;
    /** Draws (cpu) or matrix order (matmul) of the warm-up task that compiles a kernel in a fresh JVM. */
    static final long WARM_UP_DRAWS = 10_000_000L;
    static final long WARM_UP_ORDER = 160;

    private TaskKinds() {
    }

    /** The parameters that describe {@code kernel} (without a task index). */
    public static long[] params(TaskKernel kernel) {
        if (kernel instanceof CpuKernel c) {
            return new long[] {c.draws(), c.seed()};
        }
        if (kernel instanceof IoKernel k) {
            return new long[] {k.rounds(), k.waitMillis(), k.drawsPerRound(), k.seed()};
        }
        if (kernel instanceof MatmulKernel m) {
            return new long[] {m.n(), m.threadLimit(), m.seed()};
        }
        throw new IllegalArgumentException("kernel '" + kernel.kind().label() + "' cannot run in a child process");
    }

    /**
     * Rebuilds a kernel from its name and parameters.
     *
     * @throws IllegalArgumentException naming the problem: an unknown kind, a wrong number of
     *                                  parameters, or values the kernel refuses
     */
    public static TaskKernel kernel(String kind, long[] params) {
        KernelKind known = KernelKind.byLabel(kind).orElseThrow(() -> new IllegalArgumentException(
                "unknown task kind '" + kind + "'; known: " + KernelKind.labels()));
        return switch (known) {
            case CPU -> {
                expect(kind, params, 2);
                yield new CpuKernel(params[0], params[1]);
            }
            case IO -> {
                expect(kind, params, 4);
                yield new IoKernel(toInt(params[0]), params[1], params[2], params[3]);
            }
            case MATMUL -> {
                expect(kind, params, 3);
                yield new MatmulKernel(toInt(params[0]), toInt(params[1]), params[2]);
            }
        };
    }

    /** The pool task that runs task {@code index} of {@code kernel}. */
    public static PoolTask task(TaskKernel kernel, int index) {
        long[] p = params(kernel);
        long[] args = Arrays.copyOf(p, p.length + 1);
        args[p.length] = index;
        return new PoolTask(kernel.kind().label(), args);
    }

    /** Runs a pool task: rebuilds its kernel and runs the task index its last argument names. */
    public static double run(PoolTask task, TaskContext context) {
        long[] args = task.args();
        if (args.length == 0) {
            throw new IllegalArgumentException("task of kind '" + task.kind() + "' has no task index");
        }
        TaskKernel kernel = kernel(task.kind(), Arrays.copyOf(args, args.length - 1));
        return kernel.runTask(toInt(args[args.length - 1]), context);
    }

    /**
     * A small task of the same kernel that makes a fresh JVM compile its hot loop, as the parent's
     * warm-up does before a baseline; empty for kernels that mostly wait.
     */
    public static Optional<PoolTask> warmUp(TaskKernel kernel) {
        if (kernel instanceof CpuKernel c) {
            return Optional.of(task(new CpuKernel(Math.min(c.draws(), WARM_UP_DRAWS), c.seed()), 0));
        }
        if (kernel instanceof MatmulKernel m) {
            return Optional.of(task(new MatmulKernel((int) Math.min(m.n(), WARM_UP_ORDER), m.threadLimit(), m.seed()), 0));
        }
        return Optional.empty();
    }

    private static void expect(String kind, long[] params, int count) {
        if (params.length != count) {
            throw new IllegalArgumentException("task kind '" + kind + "' takes " + count + " parameters and an index, got "
                    + params.length + " parameters");
        }
    }

    private static int toInt(long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("value out of range: " + v);
        }
        return (int) v;
    }
}
