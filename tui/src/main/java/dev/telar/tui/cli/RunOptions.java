package dev.telar.tui.cli;

import dev.telar.config.ExperimentDefaults;
import dev.telar.config.Language;
import dev.telar.tui.text.Message;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.run.Experiments;
import dev.telar.workloads.run.RunSpec;
import java.util.Arrays;
import java.util.Optional;
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

    // Descriptions: "experiment.*" in the usage bundles, one text for both commands that mix these in.
    // Optional for the parser only, so that "run exchange" reaches its subcommand; spec() requires it.
    @Parameters(index = "0", arity = "0..1", paramLabel = "${bundle:label.kernel:-KERNEL}", descriptionKey = "experiment.kernel")
    String kernel;

    @Option(names = "--model", paramLabel = "${bundle:label.model:-MODEL}", defaultValue = "thread-target",
            descriptionKey = "experiment.model")
    String model;

    @Option(names = "--workers", paramLabel = "N", descriptionKey = "experiment.workers")
    Integer workers;

    @Option(names = "--tasks", paramLabel = "T", descriptionKey = "experiment.tasks")
    Integer tasks;

    @Option(names = {"--size", "--draws"}, paramLabel = "S", descriptionKey = "experiment.size")
    Long size;

    @Option(names = "--interpreters", paramLabel = "K", defaultValue = "2", descriptionKey = "experiment.interpreters")
    int interpreters;

    @Option(names = "--switch-ms", paramLabel = "MS", defaultValue = "5", descriptionKey = "experiment.switch-ms")
    double switchMillis;

    @Option(names = "--cores", paramLabel = "${bundle:label.list:-LIST}", split = ",", descriptionKey = "experiment.cores")
    int[] cores;

    /**
     * The spec these options describe, with {@code defaults} for the options not given; a bad
     * value is named in English.
     *
     * @throws ParameterException naming the bad value
     */
    RunSpec spec(CommandSpec command, ExperimentDefaults defaults) {
        return spec(command, defaults, Texts.of(Language.EN));
    }

    /**
     * The spec these options describe, with {@code defaults} for the options not given.
     *
     * @param texts the language a bad value is named in
     * @throws ParameterException naming the bad value
     */
    RunSpec spec(CommandSpec command, ExperimentDefaults defaults, Texts texts) {
        if (kernel == null) {
            String label = command.positionalParameters().isEmpty() ? "KERNEL"
                    : command.positionalParameters().get(0).paramLabel();
            throw new ParameterException(command.commandLine(), texts.format("cli.parse.missing.parameter",
                    new Message("cli.parse.parameter", label)));
        }
        KernelKind k = KernelKind.byLabel(kernel).orElseThrow(() -> new ParameterException(command.commandLine(),
                texts.format("cli.run.kernel.unknown", kernel, KernelKind.labels())));
        ModelKind m = ModelKind.byLabel(model).orElseThrow(() -> new ParameterException(command.commandLine(),
                texts.format("cli.run.model.unknown", model, ModelKind.labels())));
        long s = size != null ? size : switch (k) {
            case IO -> DEFAULT_WAIT_MS;
            case MATMUL -> defaults.matrixSize();
            case CPU -> defaults.draws();
        };
        int cpus = Runtime.getRuntime().availableProcessors();
        // 0 means one per core, as in the settings' experiments.workers
        int w = workers == null ? defaults.workersFor(cpus) : workers == 0 ? Math.max(1, cpus) : workers;
        boolean matmul = k == KernelKind.MATMUL;
        RunSpec spec = new RunSpec(k, matmul && m == ModelKind.THREAD_TARGET ? ModelKind.SEQUENTIAL : m,
                tasks != null ? tasks : matmul ? DEFAULT_MATMUL_TASKS : defaults.tasks(), matmul ? 1 : w, s,
                matmul ? w : 1, interpreters, switchMillis,
                cores == null ? new int[0] : Arrays.stream(cores).distinct().sorted().toArray(), RunSpec.SEED);
        problem(spec, texts).ifPresent(p -> {
            throw new ParameterException(command.commandLine(), p);
        });
        return spec;
    }

    /**
     * What is wrong with {@code spec}, in the language of {@code t}: a model this JVM lacks, a core
     * this machine lacks, or a number out of its range, named by its option.
     */
    static Optional<String> problem(RunSpec spec, Texts t) {
        if (spec.model() == ModelKind.VIRTUAL) {
            Optional<String> lacking = ModelKind.VIRTUAL.create(1, 5).unavailableReason().map(p -> Problems.text(p, t));
            if (lacking.isPresent()) {
                return lacking;
            }
        }
        int machineCores = Runtime.getRuntime().availableProcessors();
        for (int c : spec.cores()) {
            if (c < 0 || c >= machineCores) {
                return Optional.of(t.format("cli.run.core.missing", c, machineCores - 1));
            }
        }
        return rangeProblem(spec, t).or(() -> Experiments.problem(spec).map(p -> Problems.text(p, t)));
    }

    /** A number out of the range {@link Experiments} accepts, named by the option one typed. */
    private static Optional<String> rangeProblem(RunSpec spec, Texts t) {
        boolean matmul = spec.kernel() == KernelKind.MATMUL;
        if (spec.tasks() < 1 || spec.tasks() > Experiments.MAX_TASKS) {
            return Optional.of(t.format("cli.run.range", "--tasks", 1, Experiments.MAX_TASKS, spec.tasks()));
        }
        int workers = matmul ? spec.kernelThreads() : spec.workers();
        if (workers < 1 || workers > Experiments.MAX_WORKERS) {
            return Optional.of(t.format("cli.run.range", "--workers", 0, Experiments.MAX_WORKERS, workers)); // 0 = one per core
        }
        if (spec.interpreters() < 1 || spec.interpreters() > Experiments.MAX_WORKERS) {
            return Optional.of(t.format("cli.run.range", "--interpreters", 1, Experiments.MAX_WORKERS,
                    spec.interpreters()));
        }
        if (!(spec.switchMillis() > 0) || spec.switchMillis() > Experiments.MAX_SWITCH_MS) {
            return Optional.of(t.format("cli.run.switch", Experiments.MAX_SWITCH_MS, spec.switchMillis()));
        }
        long[] sizeRange = switch (spec.kernel()) {
            case MATMUL -> new long[] {1, Experiments.MAX_MATRIX};
            case IO -> new long[] {0, Experiments.MAX_WAIT_MS};
            case CPU -> new long[] {1, Experiments.MAX_DRAWS};
        };
        if (spec.size() < sizeRange[0] || spec.size() > sizeRange[1]) {
            return Optional.of(t.format("cli.run.range", "--size", sizeRange[0], sizeRange[1], spec.size()));
        }
        return Optional.empty();
    }

    /** The experiment defaults of the settings the main command's options and file give; built-in ones without a parent. */
    static ExperimentDefaults defaultsOf(TelarCommand parent) {
        return parent == null ? ExperimentDefaults.DEFAULTS : parent.settings().experiments();
    }
}
