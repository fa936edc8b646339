package dev.telar.tui.cli;

import dev.telar.config.ExperimentDefaults;
import dev.telar.config.Language;
import dev.telar.config.Settings;
import dev.telar.tui.Verdict;
import dev.telar.tui.chart.SweepChart;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * {@code telar sweep KERNEL [--model M] --csv|--json [--chart FILE.png]}: the kernel after a
 * sequential baseline at 1, 2, 4, ... workers up to twice the cores plus the default, each line as
 * soon as it is measured; with {@code --chart}, the same as a PNG chart ({@link SweepChart}).
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

    /** Also draw the sweep as a PNG chart in this new file. */
    @Option(names = "--chart", paramLabel = "${bundle:label.path:-PATH}")
    private Path chart;

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
        if (chart != null) {
            // Checked before the sweep runs: minutes of measuring should not end in a refused file.
            String refusal = chartRefusal(chart, texts);
            if (refusal != null) {
                spec.commandLine().getErr().println(refusal);
                return Cli.USAGE;
            }
        }
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
        if (chart != null && last.status() == RunResult.Status.COMPLETED) {
            String failure = chartRefusal(chart, texts);
            if (failure == null) {
                try {
                    SweepChart.write(chart, all, cores, texts);
                } catch (IOException e) {
                    failure = texts.format("cli.sweep.chart.failed", chart, Errors.oneLine(String.valueOf(e.getMessage())));
                }
            }
            if (failure != null) {
                spec.commandLine().getErr().println(failure);
                return Cli.FAILURE;
            }
        }
        if (last.status() == RunResult.Status.FAILED) {
            spec.commandLine().getErr().println(texts.format("cli.sweep.failed", Problems.message(last.problem())));
            return Cli.FAILURE;
        }
        return last.status() == RunResult.Status.CANCELLED ? 130 : 0;
    }

    /**
     * Why {@code file} cannot take the chart, as the one line to print, or null when it can. Telar
     * writes only a new file: an existing one is someone's, and stays.
     */
    private static String chartRefusal(Path file, Texts texts) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".png")) {
            return "telar: " + texts.format("cli.sweep.chart.notpng", file);
        }
        if (Files.exists(file)) {
            return texts.format("cli.sweep.chart.exists", file);
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            return texts.format("cli.sweep.chart.failed", file, texts.format("cli.sweep.chart.nodir", dir));
        }
        return null;
    }
}
