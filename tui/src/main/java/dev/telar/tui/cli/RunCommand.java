package dev.telar.tui.cli;

import dev.telar.config.ExperimentDefaults;
import dev.telar.config.Language;
import dev.telar.config.Settings;
import dev.telar.tui.Verdict;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.ExperimentRunner;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code telar run KERNEL --model M --workers N [--baseline] [--json]}: one experiment, no terminal
 * needed. Prints one line per run: the baseline first when asked for (sequential; for a process
 * model the same model with one process), then the run. The work is one job of a lab engine in
 * this JVM ({@link LabJob}).
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true)
public final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private TelarCommand parent;

    @Mixin
    private RunOptions options;

    @Option(names = "--baseline")
    private boolean baseline;

    @Option(names = "--json")
    private boolean json;

    /** The language asked for when the command was made, or null: the settings' (English without them). */
    private final Supplier<Language> language;

    /** A command that prints in the settings' language. */
    public RunCommand() {
        this(null);
    }

    /**
     * @param language the language of verdicts and messages, asked when the command runs; null for
     *                 the settings' language
     */
    public RunCommand(Supplier<Language> language) {
        this.language = language;
    }

    @Override
    public Integer call() throws InterruptedException {
        // The settings are read once, for the experiment defaults and the language.
        Settings settings = parent == null ? null : parent.settings();
        Texts texts = Texts.of(language != null ? language.get() : settings != null ? settings.language() : Language.EN);
        RunSpec run = options.spec(spec, settings == null ? ExperimentDefaults.DEFAULTS : settings.experiments(), texts);
        PrintWriter out = spec.commandLine().getOut();
        List<RunResult> results = new ArrayList<>();
        LabJob.run(spec, new LabCommand.RunExperiment(run, baseline), texts, e -> {
            if (e instanceof LabEvent.Experiment x && x.event() instanceof ExperimentEvent.Finished f) {
                results.add(f.result());
            }
        });
        if (results.isEmpty()) {
            throw new IllegalStateException("the lab ended the run without a result");
        }
        if (!baseline || ExperimentRunner.baselineOf(run).equals(run)) {
            // A run alone is compared with nothing, unless it is its own baseline (the lab's rule
            // for that differs for matmul on one thread, which this command never compared).
            results.replaceAll(r -> sequentialAsOwnBaseline(r.withBaseline(Double.NaN)));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        for (RunResult r : results) {
            out.println(json ? ResultJson.toLine(r, Verdict.of(r, cores, texts)) : TextTable.line(r, cores, texts));
        }
        out.flush();
        RunResult last = results.get(results.size() - 1);
        if (last.status() == RunResult.Status.FAILED) {
            spec.commandLine().getErr().println(texts.format("cli.run.failed", Problems.message(last.problem())));
            return Cli.FAILURE;
        }
        return last.status() == RunResult.Status.CANCELLED ? 130 : 0;
    }

    /** A run that is its own baseline (sequential, or a process model with one process) has speedup 1. */
    private static RunResult sequentialAsOwnBaseline(RunResult r) {
        boolean sequential = r.spec().model() == ModelKind.SEQUENTIAL && r.spec().kernel() != KernelKind.MATMUL;
        boolean oneProcess = r.spec().model().startsProcesses() && r.spec().equals(ExperimentRunner.baselineOf(r.spec()));
        return sequential || oneProcess ? r.withBaseline(r.wallSeconds()) : r;
    }
}
