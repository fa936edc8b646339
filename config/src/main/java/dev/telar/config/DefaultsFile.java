package dev.telar.config;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The complete settings file with every default and a comment per key, as printed by
 * {@code telar config --print-defaults}. Built from the same constants the loader checks against,
 * so the ranges it states are the ones enforced; loading it gives {@link Settings#defaults()} on a
 * UTF-8 English locale without {@code NO_COLOR}.
 */
public final class DefaultsFile {
    private DefaultsFile() {
    }

    /** The file's text, lines ending in {@code \n}. */
    public static String text() {
        Settings d = Settings.defaults();
        ExperimentDefaults x = d.experiments();
        return String.format(Locale.ROOT, """
                # Telar settings. Telar reads $XDG_CONFIG_HOME/telar/config.yaml, else
                # ~/.config/telar/config.yaml; TELAR_CONFIG=PATH or --config PATH name another file.
                # Every key is optional: a key left out, or left empty, keeps the default shown here.
                # Precedence, lowest first: these defaults, this file, environment variables, options.
                # Check a file with: telar config --check

                # Seconds between screen updates, %s to %s.
                # Environment: TELAR_REFRESH=SECONDS. Option: --refresh SECONDS.
                refresh: %s

                # Language: auto, en or es. auto follows the locale: LC_ALL, else LC_MESSAGES, else LANG
                # (es_ES.UTF-8 and other es... mean Spanish, anything else English).
                # Environment: TELAR_LANG. Option: --lang.
                language: auto

                # Colours: auto, dark, light or mono. auto is dark, or mono when NO_COLOR is set.
                # Environment: TELAR_THEME. Option: --theme.
                theme: auto

                # Draw with ASCII characters only (no box drawing, no accents): auto, on or off.
                # auto is on when the locale's character set (LC_ALL, else LC_CTYPE, else LANG) is not UTF-8.
                # Options: --ascii, --no-ascii.
                ascii: auto

                # Clicks select rows and panels (the keyboard always works): true or false.
                # Options: --mouse, --no-mouse.
                mouse: %s

                # What the experiments form, telar run and telar sweep start with, unless their options say otherwise.
                experiments:
                %s# random draws per task of the cpu kernel, %d to %d
                %s# tasks per run, %d to %d
                %s# threads or processes, %d to %d; 0 means one per core
                %s# order n of matmul's n x n matrices, %d to %d

                # Exchange files of multi-process experiments.
                ipc:
                %s# an absolute path or ~/...; auto is $XDG_RUNTIME_DIR/telar, else /tmp/telar-$USER
                %s# most MiB of exchange files one run may keep on disk, %d to %d

                # The log (nothing is logged to the terminal): auto, an absolute path or ~/...
                # auto is $XDG_STATE_HOME/telar/telar.log, else ~/.local/state/telar/telar.log.
                # Option: --log-file PATH.
                log-file: auto
                """,
                seconds(Settings.MIN_REFRESH_MS), seconds(Settings.MAX_REFRESH_MS), seconds(d.refreshMillis()),
                d.mouse(),
                entry("draws", x.draws()), ExperimentDefaults.MIN_DRAWS, ExperimentDefaults.MAX_DRAWS,
                entry("tasks", x.tasks()), ExperimentDefaults.MIN_TASKS, ExperimentDefaults.MAX_TASKS,
                entry("workers", x.workers()), ExperimentDefaults.MIN_WORKERS, ExperimentDefaults.MAX_WORKERS,
                entry("matrix", x.matrixSize()), ExperimentDefaults.MIN_MATRIX, ExperimentDefaults.MAX_MATRIX,
                entry("dir", "auto"),
                entry("disk-cap-mb", d.ipc().diskCapMb()), IpcSettings.MIN_DISK_CAP_MB, IpcSettings.MAX_DISK_CAP_MB);
    }

    /** An indented key and value, padded so that the comments after them line up. */
    private static String entry(String key, Object value) {
        return String.format(Locale.ROOT, "  %-21s", key + ": " + value);
    }

    private static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }
}
