package dev.telar.tui.cli;

import dev.telar.config.Settings;
import dev.telar.config.SettingsException;
import dev.telar.tui.Dashboard;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code telar}: checks the terminal, then runs the full-screen dashboard. */
@Command(name = "telar", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Shows per-core load, processes and their threads live in the terminal.",
            "Without a subcommand it starts the full-screen dashboard."},
        footer = {"", "Headless (no terminal, scripts, CI): telar snapshot --json",
            "Log file: $XDG_STATE_HOME/telar/telar.log, else ~/.local/state/telar/telar.log"})
public final class TelarCommand implements Callable<Integer> {
    /** Printed when standard output is not a terminal. */
    public static final String NOT_A_TERMINAL =
            "telar: standard output is not a terminal; for headless use run: telar snapshot --json";

    @Spec
    private CommandSpec spec;

    @Option(names = "--refresh", paramLabel = "SECONDS", defaultValue = "1",
            description = "Time between screen updates, seconds (0.25 to 10; default ${DEFAULT-VALUE}).")
    private double refreshSeconds;

    @Option(names = LogSetup.LOG_FILE_OPTION, paramLabel = "PATH",
            description = "Write the log here instead of the default location.")
    private Path logFile;

    @Option(names = "--cds-warmup", hidden = true,
            description = "Load the classes a normal run needs and exit (used by the launcher to build its class-data archive).")
    private boolean cdsWarmup;

    private final Environment environment;
    private final Path activeLogFile;

    /**
     * @param environment   where Telar runs (terminal, variables)
     * @param activeLogFile the file logging was set up with, or null when logging was not set up here
     */
    public TelarCommand(Environment environment, Path activeLogFile) {
        this.environment = environment;
        this.activeLogFile = activeLogFile;
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = settings();
        if (cdsWarmup) {
            return CdsWarmup.run();
        }
        return startDashboard(environment, settings, spec.commandLine().getErr());
    }

    /**
     * Checks that this is a terminal the dashboard can draw on, then runs it.
     *
     * @return the exit code: the dashboard's, or 2 when there is no usable terminal
     */
    public static int startDashboard(Environment environment, Settings settings, PrintWriter err) {
        if (!environment.stdoutIsTerminal()) {
            err.println(NOT_A_TERMINAL);
            return 2;
        }
        String term = environment.getenv("TERM");
        if (term == null || term.isBlank() || term.equals("dumb")) {
            err.println("telar: " + (term == null || term.isBlank() ? "TERM is not set" : "TERM=dumb")
                    + ", so the dashboard cannot draw; set TERM (e.g. xterm-256color), or for headless use run: telar snapshot --json");
            return 2;
        }
        LoggerFactory.getLogger(TelarCommand.class).info("starting the dashboard: TERM={}, refresh {} ms, log {}",
                term, settings.refreshMillis(), settings.logFile());
        return Dashboard.run(settings);
    }

    /** The settings given by the options; a bad value is a usage error. */
    Settings settings() {
        if (logFile != null && logFile.toString().isBlank()) {
            throw new ParameterException(spec.commandLine(), "--log-file needs a path");
        }
        try {
            Path log = activeLogFile != null ? activeLogFile : logFile != null ? logFile : Settings.defaultLogFile();
            return Settings.defaults().withLogFile(log).withRefreshSeconds(refreshSeconds);
        } catch (SettingsException e) {
            throw new ParameterException(spec.commandLine(), "--refresh: " + e.getMessage());
        }
    }
}
