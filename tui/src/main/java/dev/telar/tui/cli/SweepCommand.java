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
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import dev.telar.workloads.run.Sweep;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code telar sweep KERNEL [--model M] --csv|--json}: the kernel after a sequential baseline at
 * 1, 2, 4, ... workers up to twice the cores plus the default, each line as soon as it is measured.
 * The sweep is one job of a lab engine in this JVM ({@link LabJob}).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true)
public final class SweepCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private TelarCommand parent;

    @Mixin
    private RunOptions options;

    @ArgGroup(exclusive = true)
    private Format format;

    /** The language asked for when the command was made, or null: the settings' (English without them). */
    private final Supplier<Language> language;

    /** A command that prints in the settings' language. */
    public SweepCommand() {
        this(null);
    }

    /**
     * @param language the language of verdicts and messages, asked when the command runs; null for
     *                 the settings' language
     */
    public SweepCommand(Supplier<Language> language) {
        this.language = language;
    }

    static final class Format {
        @Option(names = "--csv")
        boolean csv;
        @Option(names = "--json")
        boolean json;
    }

    @Override
    public Integer call() throws InterruptedException {
        // The settings are read once, for the experiment defaults and the language.
        Settings settings = parent == null ? null : parent.settings();
        Texts texts = Texts.of(language != null ? language.get() : settings != null ? settings.language() : Language.EN);
        RunSpec run = options.spec(spec, settings == null ? ExperimentDefaults.DEFAULTS : settings.experiments(), texts);
        PrintWriter out = spec.commandLine().getOut();
        int cores = Runtime.getRuntime().availableProcessors();
        boolean csv = format != null && format.csv;
        boolean json = format != null && format.json;
        if (csv) {
            out.println(ResultJson.CSV_HEADER);
        }
        List<RunResult> all = new ArrayList<>();
        LabJob.run(spec, new LabCommand.RunSweep(run), texts, e -> {
            if (e instanceof LabEvent.Experiment x && x.event() instanceof ExperimentEvent.Finished f) {
                // Each line as soon as it is measured.
                RunResult r = f.result();
                all.add(r);
                out.println(csv ? ResultJson.toCsv(r) : json ? ResultJson.toLine(r, Verdict.of(r, cores, texts))
                        : TextTable.line(r, cores, texts));
                out.flush();
            }
        });
        if (all.isEmpty()) {
            throw new IllegalStateException("the lab ended the sweep without a result");
        }
        if (!csv && !json) {
            int best = Sweep.fastest(all);
            if (best > 0) {
                RunResult b = all.get(best);
                out.println(texts.format("cli.sweep.fastest", b.spec().kernel() == KernelKind.MATMUL
                        ? b.spec().kernelThreads() : b.spec().workers(), b.wallSeconds()));
            }
        }
        RunResult last = all.get(all.size() - 1);
        if (last.status() == RunResult.Status.FAILED) {
            spec.commandLine().getErr().println(texts.format("cli.sweep.failed", Problems.message(last.problem())));
            return Cli.FAILURE;
        }
        return last.status() == RunResult.Status.CANCELLED ? 130 : 0;
    }
}
