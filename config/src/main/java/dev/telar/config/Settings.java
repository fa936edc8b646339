package dev.telar.config;

import java.nio.file.Path;

/**
 * Telar's settings, immutable and already validated. Build with {@link #defaults()} and the
 * {@code with...} methods, which reject bad values with a {@link SettingsException} whose message
 * names the setting, the value and the accepted range.
 *
 * @param refreshMillis time between dashboard refreshes, milliseconds (250..10000)
 * @param language      language of every text Telar shows
 * @param theme         colour theme of the dashboard
 * @param ascii         true: draw with ASCII only (no box-drawing or block glyphs, no accents)
 * @param mouse         true: clicks select rows and panels (the keyboard always works)
 * @param experiments   sizes the experiment forms start with
 * @param ipc           where exchange files go and their disk cap
 * @param logFile       file that receives Telar's log; nothing is logged to the terminal
 */
public record Settings(long refreshMillis, Language language, Theme theme, boolean ascii, boolean mouse,
                       ExperimentDefaults experiments, IpcSettings ipc, Path logFile) {
    /** Shortest refresh interval accepted, milliseconds. */
    public static final long MIN_REFRESH_MS = 250;
    /** Longest refresh interval accepted, milliseconds. */
    public static final long MAX_REFRESH_MS = 10_000;

    public Settings {
        if (refreshMillis < MIN_REFRESH_MS || refreshMillis > MAX_REFRESH_MS) {
            throw new SettingsException("refresh interval " + refreshMillis / 1000.0
                    + " s is out of range: use " + MIN_REFRESH_MS / 1000.0 + " to " + MAX_REFRESH_MS / 1000 + " seconds");
        }
        if (logFile == null) {
            throw new SettingsException("log file is not set");
        }
        if (language == null || theme == null || experiments == null || ipc == null) {
            throw new SettingsException("a setting is missing");
        }
    }

    /** Defaults: 1 s refresh, English, dark theme, Unicode glyphs, mouse on, log under the XDG state directory. */
    public static Settings defaults() {
        return new Settings(1000, Language.EN, Theme.DARK, false, true,
                new ExperimentDefaults(20_000_000L, 4, 0, 400),
                new IpcSettings(null, 512L * 1024 * 1024), defaultLogFile());
    }

    /** These settings with the refresh interval given in seconds (e.g. from {@code --refresh 0.5}). */
    public Settings withRefreshSeconds(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw new SettingsException("refresh interval must be a number of seconds, e.g. 1 or 0.5");
        }
        return new Settings(Math.round(seconds * 1000), language, theme, ascii, mouse, experiments, ipc, logFile);
    }

    /** These settings with another log file. */
    public Settings withLogFile(Path file) {
        return new Settings(refreshMillis, language, theme, ascii, mouse, experiments, ipc, file);
    }

    /** These settings with another language. */
    public Settings withLanguage(Language lang) {
        return new Settings(refreshMillis, lang, theme, ascii, mouse, experiments, ipc, logFile);
    }

    /** These settings with another theme. */
    public Settings withTheme(Theme newTheme) {
        return new Settings(refreshMillis, language, newTheme, ascii, mouse, experiments, ipc, logFile);
    }

    /** These settings with ASCII mode on or off. */
    public Settings withAscii(boolean on) {
        return new Settings(refreshMillis, language, theme, on, mouse, experiments, ipc, logFile);
    }

    /** {@code $XDG_STATE_HOME/telar/telar.log}, else {@code ~/.local/state/telar/telar.log}. */
    public static Path defaultLogFile() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank()
                ? Path.of(state) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("telar").resolve("telar.log");
    }
}
