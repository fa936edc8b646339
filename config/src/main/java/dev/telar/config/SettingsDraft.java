package dev.telar.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place where setting values are checked: each value, from whichever source, is turned
 * into its type and range-checked here, and a bad one becomes a {@link SettingsException} that
 * starts with its source and says what to write instead. Later values replace earlier ones, so
 * applying the sources from lowest to highest gives the layering. Automatic values (language,
 * theme, ASCII, paths) stay open until {@link #build}, which resolves them from the environment.
 *
 * <p>Not thread-safe; one draft per load.
 */
final class SettingsDraft {
    private long refreshMillis = Settings.defaults().refreshMillis();
    /** null: auto, from the locale. */
    private Language language;
    /** null: auto, dark or mono by NO_COLOR. */
    private Theme theme;
    /** null: auto, from the locale's character set. */
    private Boolean ascii;
    private boolean mouse = true;
    private long draws = ExperimentDefaults.DEFAULTS.draws();
    private int tasks = ExperimentDefaults.DEFAULTS.tasks();
    private int workers = ExperimentDefaults.DEFAULTS.workers();
    private int matrix = ExperimentDefaults.DEFAULTS.matrixSize();
    /** null: auto. */
    private Path ipcDir;
    private long diskCapMb = IpcSettings.DEFAULTS.diskCapMb();
    /** null: auto. */
    private Path logFile;
    /** null: none configured. */
    private String managerAddress;
    /** null: auto. */
    private Path managerKeyFile;
    private long managerSessionMillis = ManagerSettings.DEFAULTS.sessionMillis();

    private final Function<String, String> env;

    /** @param env environment variables (name to value, null when unset), for ~ and the automatic values */
    SettingsDraft(Function<String, String> env) {
        this.env = env;
    }

    /**
     * Checks {@code value} and makes it the setting's value. An empty file value ({@code key:}) keeps
     * what was there.
     *
     * @throws SettingsException naming the value's origin, the key and the accepted values
     */
    void apply(SettingKey key, RawValue value) {
        if (value.shape() == RawValue.Shape.NULL) {
            return;
        }
        if (value.shape() != RawValue.Shape.SCALAR) {
            throw mustBe(key, value, requirement(key));
        }
        String text = value.text().strip();
        switch (key) {
            case REFRESH -> refreshMillis = refresh(key, value, text);
            case LANGUAGE -> language = language(value, text);
            case THEME -> theme = theme(value, text);
            case ASCII -> ascii = text.equalsIgnoreCase("auto") ? null
                    : bool(text).orElseThrow(() -> mustBe(key, value, requirement(key)));
            case MOUSE -> mouse = bool(text).orElseThrow(() -> mustBe(key, value, requirement(key)));
            case DRAWS -> draws = whole(key, value, text, ExperimentDefaults.MIN_DRAWS, ExperimentDefaults.MAX_DRAWS);
            case TASKS -> tasks = (int) whole(key, value, text, ExperimentDefaults.MIN_TASKS, ExperimentDefaults.MAX_TASKS);
            case WORKERS -> workers = (int) whole(key, value, text, ExperimentDefaults.MIN_WORKERS, ExperimentDefaults.MAX_WORKERS);
            case MATRIX -> matrix = (int) whole(key, value, text, ExperimentDefaults.MIN_MATRIX, ExperimentDefaults.MAX_MATRIX);
            case IPC_DIR -> ipcDir = path(key, value, text);
            case DISK_CAP -> diskCapMb = whole(key, value, text, IpcSettings.MIN_DISK_CAP_MB, IpcSettings.MAX_DISK_CAP_MB);
            case LOG_FILE -> logFile = path(key, value, text);
            case MANAGER_ADDRESS -> managerAddress = address(key, value, text);
            case MANAGER_KEY_FILE -> managerKeyFile = path(key, value, text);
            case MANAGER_SESSION -> managerSessionMillis = session(key, value, text);
            default -> throw new IllegalStateException("no rule for " + key);
        }
    }

    /** The settings, with every automatic value resolved from the environment. */
    Settings build() {
        boolean noColor = env.apply("NO_COLOR") != null && !env.apply("NO_COLOR").isEmpty();
        return new Settings(refreshMillis,
                language != null ? language : Locales.language(env),
                theme != null ? theme : noColor ? Theme.MONO : Theme.DARK,
                ascii != null ? ascii : !Locales.utf8(env),
                mouse,
                new ExperimentDefaults(draws, tasks, workers, matrix),
                new IpcSettings(ipcDir, diskCapMb * IpcSettings.MB),
                logFile != null ? logFile : Settings.defaultLogFile(env),
                new ManagerSettings(managerAddress, managerKeyFile, managerSessionMillis));
    }

    /** What a key accepts, as the end of "must be ...", in the message's language. */
    static Phrase requirement(SettingKey key) {
        return switch (key) {
            case REFRESH -> new Phrase("need.refresh", seconds(Settings.MIN_REFRESH_MS), seconds(Settings.MAX_REFRESH_MS));
            case LANGUAGE -> new Phrase("need.language");
            case THEME -> new Phrase("need.theme");
            case ASCII -> new Phrase("need.ascii");
            case MOUSE -> new Phrase("need.mouse");
            case DRAWS -> range(ExperimentDefaults.MIN_DRAWS, ExperimentDefaults.MAX_DRAWS);
            case TASKS -> range(ExperimentDefaults.MIN_TASKS, ExperimentDefaults.MAX_TASKS);
            case WORKERS -> new Phrase("need.workers", (long) ExperimentDefaults.MIN_WORKERS, (long) ExperimentDefaults.MAX_WORKERS);
            case MATRIX -> range(ExperimentDefaults.MIN_MATRIX, ExperimentDefaults.MAX_MATRIX);
            case DISK_CAP -> new Phrase("need.diskcap", IpcSettings.MIN_DISK_CAP_MB, IpcSettings.MAX_DISK_CAP_MB);
            case IPC_DIR, LOG_FILE, MANAGER_KEY_FILE -> new Phrase("need.path");
            case MANAGER_ADDRESS -> new Phrase("need.address");
            case MANAGER_SESSION -> new Phrase("need.session", ManagerSettings.MIN_SESSION_MS / 1000, ManagerSettings.MAX_SESSION_MS / 1000);
        };
    }

    private long refresh(SettingKey key, RawValue value, String text) {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw mustBe(key, value, requirement(key));
        }
        long millis = seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValue();
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(Settings.MAX_REFRESH_MS, 3)) > 0
                || millis < Settings.MIN_REFRESH_MS) {
            throw mustBe(key, value, requirement(key));
        }
        return millis;
    }

    /** {@code host:port[,host:port...]}, or none. */
    private static String address(SettingKey key, RawValue value, String text) {
        if (text.equalsIgnoreCase("none")) {
            return null;
        }
        if (!ManagerSettings.isAddress(text)) {
            throw mustBe(key, value, requirement(key));
        }
        return text;
    }

    /** Seconds, a decimal number in the session range, as milliseconds. */
    private static long session(SettingKey key, RawValue value, String text) {
        try {
            long millis = new BigDecimal(text).movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
            if (millis >= ManagerSettings.MIN_SESSION_MS && millis <= ManagerSettings.MAX_SESSION_MS) {
                return millis;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw mustBe(key, value, requirement(key));
    }

    /** A whole number in [min, max]; underscores between digits are allowed, as in 200_000_000. */
    private static long whole(SettingKey key, RawValue value, String text, long min, long max) {
        long n;
        try {
            if (!text.matches("[+-]?\\d+(_\\d+)*")) {
                throw new NumberFormatException(text);
            }
            n = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw mustBe(key, value, requirement(key));
        }
        if (n < min || n > max) {
            throw mustBe(key, value, requirement(key));
        }
        return n;
    }

    /**
     * An absolute path, {@code ~/...} (under $HOME), or auto (null). From the command line or the
     * environment a relative path is taken from the working directory; in the file it is refused,
     * since the directory Telar starts in changes.
     */
    private Path path(SettingKey key, RawValue value, String text) {
        if (text.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            if (text.equals("~") || text.startsWith("~/")) {
                return Settings.home(env).resolve(text.substring(Math.min(2, text.length())));
            }
            Path path = Path.of(text);
            if (path.isAbsolute()) {
                return path;
            }
            if (!value.origin().inFile() && !text.isEmpty()) {
                return path.toAbsolutePath();
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        throw mustBe(key, value, requirement(key));
    }

    /** A language code, or null for auto. */
    private static Language language(RawValue value, String text) {
        if (text.equalsIgnoreCase("auto")) {
            return null;
        }
        return Language.byCode(text).orElseThrow(
                () -> SettingsException.of("value.unknown.language", value.origin().where(), value.shown(),
                        requirement(SettingKey.LANGUAGE)));
    }

    /** A theme name, or null for auto. */
    private static Theme theme(RawValue value, String text) {
        if (text.equalsIgnoreCase("auto")) {
            return null;
        }
        for (Theme t : Theme.values()) {
            if (t.code().equalsIgnoreCase(text)) {
                return t;
            }
        }
        throw SettingsException.of("value.unknown.theme", value.origin().where(), value.shown(),
                requirement(SettingKey.THEME));
    }

    private static Optional<Boolean> bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> Optional.of(true);
            case "false", "off", "no" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** A file position does not name the key, so the message does; a variable or option names it already. */
    private static SettingsException mustBe(SettingKey key, RawValue value, Phrase requirement) {
        return value.origin().inFile()
                ? SettingsException.of("value.mustbe.key", value.origin().where(), key.path(), requirement, value.shown())
                : SettingsException.of("value.mustbe", value.origin().where(), requirement, value.shown());
    }

    private static Phrase range(long min, long max) {
        return new Phrase("need.range", min, max);
    }

    private static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }
}
