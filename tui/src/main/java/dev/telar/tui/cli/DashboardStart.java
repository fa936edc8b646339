package dev.telar.tui.cli;

import dev.telar.config.Overrides;
import dev.telar.config.Settings;
import dev.telar.config.SettingsException;
import dev.telar.config.SettingsLoader;
import dev.telar.tui.ManagerPlace;
import dev.telar.tui.app.Dashboard;
import dev.telar.tui.text.Texts;
import dev.telar.tui.view.LessonOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Starts the dashboard: for plain {@code telar} without any option parsing, and for
 * {@link TelarCommand} once its options are read. Kept apart from the command line on purpose:
 * nothing here touches picocli, whose classes (compiled for an old Java) cannot go into the
 * start-up archive and are found only after opening every jar before picocli's, about 45 ms that
 * plain {@code telar} would spend before its first frame.
 */
public final class DashboardStart {
    private DashboardStart() {
    }

    /**
     * Plain {@code telar}: the settings come from the file and the environment alone.
     *
     * @param logFile the file logging was set up with
     * @return as {@link #run}, or 2 after a one-line message for a bad setting
     */
    public static int withoutOptions(Environment environment, Path logFile, PrintWriter err) {
        Settings settings;
        try {
            settings = new SettingsLoader(environment::getenv).load(Overrides.none()).withLogFile(logFile);
        } catch (SettingsException e) {
            err.println(Cli.settingsError(e));
            return Cli.USAGE;
        }
        return run(environment, settings, err);
    }

    /**
     * Checks that this is a terminal the dashboard can draw on, then runs it.
     *
     * @return the exit code: the dashboard's, or 2 when there is no usable terminal (on standard output or input)
     */
    public static int run(Environment environment, Settings settings, PrintWriter err) {
        return run(environment, settings, err, Optional.empty());
    }

    /**
     * As {@link #run(Environment, Settings, PrintWriter)}, opened on the lesson view when
     * {@code lesson} is given ({@code telar lesson}).
     */
    public static int run(Environment environment, Settings settings, PrintWriter err, LessonOptions lesson) {
        return run(environment, settings, err, Optional.of(lesson));
    }

    private static int run(Environment environment, Settings settings, PrintWriter err, Optional<LessonOptions> lesson) {
        if (!environment.stdoutIsTerminal()) {
            err.println(Texts.of(settings.language()).get("cli.notterminal"));
            return 2;
        }
        if (!environment.stdinIsTerminal()) {
            err.println(Texts.of(settings.language()).get("cli.notterminal.stdin"));
            return 2;
        }
        String term = environment.getenv("TERM");
        if (term == null || term.isBlank() || term.equals("dumb")) {
            err.println(Texts.of(settings.language()).get(term == null || term.isBlank() ? "cli.term.unset" : "cli.term.dumb"));
            return 2;
        }
        LoggerFactory.getLogger(DashboardStart.class).info("starting the dashboard: TERM={}, refresh {} ms, log {}",
                term, settings.refreshMillis(), settings.logFile());
        return Dashboard.run(settings, ManagerPlace.configured(settings, environment::getenv), lesson,
                Errors::restoreTerminalFirst);
    }
}
