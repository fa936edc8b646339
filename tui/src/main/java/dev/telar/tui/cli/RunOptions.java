package dev.telar.tui.cli;

import dev.telar.workloads.model.Models;
import dev.telar.workloads.run.Experiments;
import dev.telar.workloads.run.RunSpec;
import java.util.Arrays;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** The options {@code run} and {@code sweep} share, turned into a validated {@link RunSpec}. */
final class RunOptions {
    /** Draws per cpu task by default: about a quarter of a second per task on a current core (1.3 ns a draw). */
    static final long DEFAULT_DRAWS = 200_000_000;
    /** Milliseconds per wait of an io task by default. */
    static final long DEFAULT_WAIT_MS = 50;
    /** Matrix order of matmul by default. */
    static final long DEFAULT_MATRIX = 500;

    @Parameters(index = "0", paramLabel = "KERNEL", description = "cpu, io or matmul.")
    String kernel;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "thread-target",
            description = "sequential, thread-target, thread-subclass, pool-submit, pool-map, gil, subinterpreters, "
                    + "virtual, process-target, process-subclass, process-pool-submit, process-pool-map "
                    + "(default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--workers", paramLabel = "N", description = "Threads or processes running the tasks (default 4; for pools "
            + "min(32, cores + 4) when --tasks is larger). For matmul: its thread limit.")
    Integer workers;

    @Option(names = "--tasks", paramLabel = "T",
            description = "Number of tasks (default 4; for matmul, repetitions of the product, default 2).")
    Integer tasks;

    @Option(names = {"--size", "--draws"}, paramLabel = "S", description = "cpu: draws per task (default 200000000); "
            + "io: ms per wait, 10 waits a task (default 50); matmul: matrix order n (default 500).")
    Long size;

    @Option(names = "--interpreters", paramLabel = "K", defaultValue = "2",
            description = "subinterpreters: number of interpreters (default ${DEFAULT-VALUE}).")
    int interpreters;

    @Option(names = "--switch-ms", paramLabel = "MS", defaultValue = "5",
            description = "gil, subinterpreters: lock switch interval, ms (default ${DEFAULT-VALUE}).")
    double switchMillis;

    @Option(names = "--cores", paramLabel = "LIST", split = ",",
            description = "Pin every worker to these cores, e.g. 0 or 0,1 (default: no pinning).")
    int[] cores;

    /** The spec these options describe. @throws ParameterException naming the bad value */
    RunSpec spec(CommandSpec command) {
        long s = size != null ? size : switch (kernel) {
            case "io" -> DEFAULT_WAIT_MS;
            case "matmul" -> DEFAULT_MATRIX;
            default -> DEFAULT_DRAWS;
        };
        int w = workers != null ? workers : 4;
        boolean matmul = "matmul".equals(kernel);
        RunSpec spec = new RunSpec(kernel, matmul && "thread-target".equals(model) ? "sequential" : model,
                tasks != null ? tasks : matmul ? 2 : 4, matmul ? 1 : w, s, matmul ? w : 1, interpreters, switchMillis,
                cores == null ? new int[0] : Arrays.stream(cores).distinct().sorted().toArray(), RunSpec.SEED);
        Experiments.problem(spec).ifPresent(p -> {
            throw new ParameterException(command.commandLine(), p);
        });
        return spec;
    }

    /** The model list, for messages. */
    static String models() {
        return String.join(", ", Models.NAMES);
    }
}
