package dev.telar.tui.cli;

import dev.telar.config.Language;
import dev.telar.config.SettingsException;
import dev.telar.probe.Probe;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.ipc.UnsafePlaceException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Builds Telar's command line and runs it. Usage errors and bad settings print one line and give
 * exit code 2; failures print one line (the stack trace goes to the log) and give exit code 1, as
 * does standard output that cannot be written ({@link WatchedOutput}).
 * Help and those lines are in the language {@link CliLanguage} finds before parsing.
 */
public final class Cli {
    /** Exit code for a usage error or an unusable environment. */
    public static final int USAGE = 2;
    /** Exit code for a failure. */
    public static final int FAILURE = 1;

    private Cli() {
    }

    /**
     * Parses {@code args} and runs the chosen command.
     *
     * @param activeLogFile the file logging goes to, or null when the caller did not set up logging
     * @return the exit code
     */
    public static int execute(String[] args, Environment environment, PrintWriter out, PrintWriter err,
                              Path activeLogFile, Supplier<Probe> probes) {
        CommandLine cli = create(environment, activeLogFile, probes, CliLanguage.of(args, environment));
        cli.setOut(out);
        cli.setErr(err);
        int code;
        try {
            code = cli.execute(args);
        } finally {
            err.flush();
        }
        try {
            out.flush(); // what the command printed last may fail only now
        } catch (WatchedOutput.OutputLost lost) {
            err.println(outputLost(lost, Texts.of(CliLanguage.of(args, environment))));
            err.flush();
            code = FAILURE;
        }
        return code;
    }

    /** The line for standard output that could not be written (disk full, reader gone). */
    static String outputLost(WatchedOutput.OutputLost lost, Texts texts) {
        return texts.format("cli.output.lost", Errors.oneLine(lost.getMessage()));
    }

    /**
     * Runs {@code then} only once the settings (file, variables, options) have been read and found
     * valid, whichever subcommand was chosen: a broken settings file stops {@code telar snapshot}
     * as it stops the dashboard, before the command does anything, with the same line and exit code 2.
     * Exempt are help and version requests, and {@code config}, which finds (--path), prints
     * (--print-defaults) or reports on (--check) the file and so must work while it is broken;
     * plain {@code telar} reads the settings itself.
     */
    static CommandLine.IExecutionStrategy settingsFirst(CommandLine.IExecutionStrategy then) {
        return parseResult -> {
            if (parseResult.hasSubcommand() && !helpRequested(parseResult)
                    && !"config".equals(parseResult.subcommand().commandSpec().name())
                    && parseResult.commandSpec().userObject() instanceof TelarCommand root) {
                try {
                    root.settings();
                } catch (SettingsException bad) {
                    // Reported by the execution exception handler below, as for the dashboard.
                    throw new CommandLine.ExecutionException(last(parseResult).commandSpec().commandLine(),
                            bad.getMessage(), bad);
                }
            }
            try {
                return then.execute(parseResult);
            } catch (WatchedOutput.OutputLost lost) {
                // Help and version text are printed outside the commands, where picocli would
                // print this with its stack trace: the handler below makes it one line.
                throw new CommandLine.ExecutionException(last(parseResult).commandSpec().commandLine(), lost.getMessage(), lost);
            }
        };
    }

    /** True when some command of the chain asked for its help or the version. */
    private static boolean helpRequested(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return true;
            }
        }
        return false;
    }

    private static CommandLine.ParseResult last(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult p = parseResult;
        while (p.hasSubcommand()) {
            p = p.subcommand();
        }
        return p;
    }

    /** The line shown for a bad setting: its message already names the source and the fix. */
    static String settingsError(SettingsException e) {
        return "telar: " + Errors.oneLine(e.getMessage());
    }

    /**
     * The command line with every subcommand, its help and messages in {@code language}.
     * Subcommands are added first: the help bundle reaches only the subcommands present when it is set.
     */
    static CommandLine create(Environment environment, Path activeLogFile, Supplier<Probe> probes, Language language) {
        CommandLine cli = new CommandLine(new TelarCommand(environment, activeLogFile));
        cli.addSubcommand("snapshot", new SnapshotCommand(probes));
        cli.addSubcommand("run", new CommandLine(new RunCommand()).addSubcommand("exchange", new ExchangeCommand()));
        cli.addSubcommand("sweep", new SweepCommand());
        cli.addSubcommand("config", new ConfigCommand());
        cli.addSubcommand("bench", new CommandLine(new BenchCommand()).addSubcommand("ipc", new BenchIpcCommand())
                .addSubcommand("remote", new BenchRemoteCommand()));
        cli.addSubcommand("sync", new SyncCommand());
        cli.addSubcommand("manager", new CommandLine(new ManagerCommand()).addSubcommand("serve", new ManagerServeCommand()));
        cli.addSubcommand("agent", new AgentCommand(probes));
        cli.addSubcommand("fleet", new FleetCommand());
        cli.addSubcommand("lesson", new LessonCommand());
        cli.setResourceBundle(UsageHelp.bundle(language));
        cli.setExecutionStrategy(settingsFirst(new CommandLine.RunLast()));
        Texts texts = Texts.of(language);
        cli.setExitCodeExceptionMapper(e -> FAILURE);
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println(ParseErrors.line(ex, texts));
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            if (ex instanceof SettingsException bad) {
                failed.getErr().println(settingsError(bad));
                return USAGE;
            }
            if (ex instanceof WatchedOutput.OutputLost lost) {
                failed.getErr().println(outputLost(lost, texts));
                return FAILURE;
            }
            if (ex instanceof UnsafePlaceException unsafe) {
                // an unusable environment, not a bug: the line names the directory and the fix
                failed.getErr().println("telar: " + Errors.oneLine(Problems.text(unsafe.problem(), texts)));
                return USAGE;
            }
            failed.getErr().println(Errors.report(Thread.currentThread(), ex, activeLogFile, texts));
            return FAILURE;
        });
        return cli;
    }
}
