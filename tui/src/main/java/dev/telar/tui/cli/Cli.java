package dev.telar.tui.cli;

import dev.telar.probe.Probe;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Builds Telar's command line and runs it. Usage errors print one line and give exit code 2;
 * failures print one line (the stack trace goes to the log) and give exit code 1.
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
        CommandLine cli = create(environment, activeLogFile, probes);
        cli.setOut(out);
        cli.setErr(err);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine create(Environment environment, Path activeLogFile, Supplier<Probe> probes) {
        CommandLine cli = new CommandLine(new TelarCommand(environment, activeLogFile));
        cli.addSubcommand("snapshot", new SnapshotCommand(probes));
        cli.addSubcommand("run", new RunCommand());
        cli.addSubcommand("sweep", new SweepCommand());
        cli.addSubcommand("bench", new BenchCommand());
        cli.addSubcommand("sync", new SyncCommand());
        cli.setExitCodeExceptionMapper(e -> FAILURE);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            String name = failed.getCommandSpec().qualifiedName();
            failed.getErr().println("telar: " + Errors.oneLine(ex.getMessage())
                    + " (see '" + name + " --help')");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            failed.getErr().println(Errors.report(Thread.currentThread(), ex, activeLogFile));
            return FAILURE;
        });
        return cli;
    }
}
