package dev.telar.config;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Telar's settings, immutable and already validated. {@link SettingsLoader} builds them from the
 * settings file, the environment and the command line; code and tests can also start from
 * {@link #defaults()} and use the {@code with...} methods, which reject bad values with a
 * {@link SettingsException} whose message names the setting, the value and the accepted range.
 *
 * @param refreshMillis time between dashboard refreshes, milliseconds (250..10000)
 * @param language      language of every text Telar shows
 * @param theme         colour theme of the dashboard
 * @param ascii         true: draw with ASCII only (no box-drawing or block glyphs, no accents)
 * @param mouse         true: clicks select rows and panels (the keyboard always works)
 * @param experiments   sizes the experiment forms start with
 * @param ipc           where exchange files go and their disk cap
 * @param logFile       file that receives Telar's log; nothing is logged to the terminal
 * @param manager       which remote manager the remote commands talk to, with which key
 */
public record Settings(long refreshMillis, Language language, Theme theme, boolean ascii, boolean mouse,
                       ExperimentDefaults experiments, IpcSettings ipc, Path logFile,
                       ManagerSettings manager) {
    /** Shortest refresh interval accepted, milliseconds. */
    public static final long MIN_REFRESH_MS = 250;
    /** Longest refresh interval accepted, milliseconds. */
    public static final long MAX_REFRESH_MS = 10_000;

    public Settings {
        if (refreshMillis < MIN_REFRESH_MS || refreshMillis > MAX_REFRESH_MS) {
            throw SettingsException.of("refresh.range", Double.toString(refreshMillis / 1000.0),
                    Double.toString(MIN_REFRESH_MS / 1000.0), MAX_REFRESH_MS / 1000);
        }
        if (logFile == null) {
            throw SettingsException.of("logfile.unset");
        }
        if (language == null || theme == null || experiments == null || ipc == null || manager == null) {
            throw SettingsException.of("missing");
        }
    }

    /**
     * Defaults: 1 s refresh, English, dark theme, Unicode glyphs, mouse on, {@link ExperimentDefaults#DEFAULTS},
     * {@link IpcSettings#DEFAULTS}, log under the XDG state directory, {@link ManagerSettings#DEFAULTS}. These are also what the loader
     * gives without a file on a UTF-8 English locale without {@code NO_COLOR}.
     */
    public static Settings defaults() {
        return new Settings(1000, Language.EN, Theme.DARK, false, true,
                ExperimentDefaults.DEFAULTS, IpcSettings.DEFAULTS, defaultLogFile(), ManagerSettings.DEFAULTS);
    }

    /** These settings with the refresh interval given in seconds (e.g. from {@code --refresh 0.5}). */
    public Settings withRefreshSeconds(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw SettingsException.of("refresh.nan");
        }
        return new Settings(Math.round(seconds * 1000), language, theme, ascii, mouse, experiments, ipc, logFile, manager);
    }

    /** These settings with another log file. */
    public Settings withLogFile(Path file) {
        return new Settings(refreshMillis, language, theme, ascii, mouse, experiments, ipc, file, manager);
    }

    /** These settings with another language. */
    public Settings withLanguage(Language lang) {
        return new Settings(refreshMillis, lang, theme, ascii, mouse, experiments, ipc, logFile, manager);
    }

    /** These settings with another theme. */
    public Settings withTheme(Theme newTheme) {
        return new Settings(refreshMillis, language, newTheme, ascii, mouse, experiments, ipc, logFile, manager);
    }

    /** These settings with the mouse on or off. */
    public Settings withMouse(boolean on) {
        return new Settings(refreshMillis, language, theme, ascii, on, experiments, ipc, logFile, manager);
    }

    /** These settings with other experiment defaults. */
    public Settings withExperiments(ExperimentDefaults sizes) {
        return new Settings(refreshMillis, language, theme, ascii, mouse, sizes, ipc, logFile, manager);
    }

    /** These settings with another exchange-file place and cap. */
    public Settings withIpc(IpcSettings place) {
        return new Settings(refreshMillis, language, theme, ascii, mouse, experiments, place, logFile, manager);
    }

    /** These settings with another manager, key file or session. */
    public Settings withManager(ManagerSettings other) {
        return new Settings(refreshMillis, language, theme, ascii, mouse, experiments, ipc, logFile, other);
    }

    /** These settings with ASCII mode on or off. */
    public Settings withAscii(boolean on) {
        return new Settings(refreshMillis, language, theme, on, mouse, experiments, ipc, logFile, manager);
    }

    /** {@code $XDG_STATE_HOME/telar/telar.log}, else {@code ~/.local/state/telar/telar.log}. */
    public static Path defaultLogFile() {
        return defaultLogFile(System::getenv);
    }

    /**
     * {@code $XDG_STATE_HOME/telar/telar.log}, else {@code $HOME/.local/state/telar/telar.log}, with the
     * variables read from {@code env} (name to value, null when unset).
     */
    public static Path defaultLogFile(Function<String, String> env) {
        return stateDirectory(env).resolve("telar.log");
    }

    /**
     * Telar's state directory: {@code $XDG_STATE_HOME/telar} (an absolute value only, as the XDG
     * spec says), else {@code $HOME/.local/state/telar}, with the variables read from {@code env}
     * (name to value, null when unset). Holds the log file and the manager's key and data.
     */
    public static Path stateDirectory(Function<String, String> env) {
        String state = env.apply("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() && Path.of(state).isAbsolute()
                ? Path.of(state) : home(env).resolve(".local").resolve("state");
        return base.resolve("telar");
    }

    /** {@code $HOME}, else the JVM's {@code user.home}. */
    static Path home(Function<String, String> env) {
        String home = env.apply("HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
    }
}
