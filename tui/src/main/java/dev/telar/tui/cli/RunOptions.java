package dev.telar.tui.cli;

import dev.telar.config.ExperimentDefaults;
import dev.telar.workloads.model.Models;
import dev.telar.workloads.run.Experiments;
import dev.telar.workloads.run.RunSpec;
import java.util.Arrays;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * The options {@code run} and {@code sweep} share, turned into a validated {@link RunSpec}. Options
 * not given take the settings' experiment defaults ({@code experiments:} in the settings file).
 */
final class RunOptions {
    /** Milliseconds per wait of an io task by default (the settings have no io size). */
    static final long DEFAULT_WAIT_MS = 50;
    /** Repetitions of the matrix product by default: one product is already long, and the settings' tasks count cpu tasks. */
    static final int DEFAULT_MATMUL_TASKS = 2;

    // Optional for the parser only, so that "run exchange" reaches its subcommand; spec() requires it.
    @Parameters(index = "0", arity = "0..1", paramLabel = "KERNEL", description = "cpu, io or matmul.")
    String kernel;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "thread-target",
            description = "sequential, thread-target, thread-subclass, pool-submit, pool-map, gil, subinterpreters, "
                    + "virtual, process-target, process-subclass, process-pool-submit, process-pool-map "
                    + "(default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--workers", paramLabel = "N", description = "Threads or processes running the tasks (default: the settings' "
            + "experiments.workers, 4 unless changed; for pools min(32, cores + 4) when --tasks is larger). "
            + "For matmul: its thread limit.")
    Integer workers;

    @Option(names = "--tasks", paramLabel = "T", description = "Number of tasks (default: experiments.tasks, 4 unless "
            + "changed; for matmul, repetitions of the product, default 2).")
    Integer tasks;

    @Option(names = {"--size", "--draws"}, paramLabel = "S", description = "cpu: draws per task (default: experiments.draws, "
            + "200000000 unless changed); io: ms per wait, 10 waits a task (default 50); matmul: matrix order n "
            + "(default: experiments.matrix, 500 unless changed).")
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

    /**
     * The spec these options describe, with {@code defaults} for the options not given.
     *
     * @throws ParameterException naming the bad value
     */
    RunSpec spec(CommandSpec command, ExperimentDefaults defaults) {
        if (kernel == null) {
            throw new ParameterException(command.commandLine(), "Missing required parameter: 'KERNEL'");
        }
        long s = size != null ? size : switch (kernel) {
            case "io" -> DEFAULT_WAIT_MS;
            case "matmul" -> defaults.matrixSize();
            default -> defaults.draws();
        };
        int w = workers != null ? workers : defaults.workersFor(Runtime.getRuntime().availableProcessors());
        boolean matmul = "matmul".equals(kernel);
        RunSpec spec = new RunSpec(kernel, matmul && "thread-target".equals(model) ? "sequential" : model,
                tasks != null ? tasks : matmul ? DEFAULT_MATMUL_TASKS : defaults.tasks(), matmul ? 1 : w, s,
                matmul ? w : 1, interpreters, switchMillis,
                cores == null ? new int[0] : Arrays.stream(cores).distinct().sorted().toArray(), RunSpec.SEED);
        Experiments.problem(spec).ifPresent(p -> {
            throw new ParameterException(command.commandLine(), p);
        });
        return spec;
    }

    /** The experiment defaults of the settings the main command's options and file give; built-in ones without a parent. */
    static ExperimentDefaults defaultsOf(TelarCommand parent) {
        return parent == null ? ExperimentDefaults.DEFAULTS : parent.settings().experiments();
    }

    /** The model list, for messages. */
    static String models() {
        return String.join(", ", Models.NAMES);
    }
}
