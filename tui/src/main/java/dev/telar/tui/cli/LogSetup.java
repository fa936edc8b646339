package dev.telar.tui.cli;

import dev.telar.config.Overrides;
import dev.telar.config.Settings;
import dev.telar.config.SettingsException;
import dev.telar.config.SettingsLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Points slf4j-simple at a log file through system properties. Must run before the first logger
 * is created (slf4j-simple reads its properties once), so it looks at the raw arguments itself
 * instead of waiting for picocli: {@code --log-file}, else the settings file's {@code log-file}
 * (the file named by {@code --config}, else the usual one), else the default place. Nothing is ever logged to the terminal: when the wanted file
 * cannot be written, a file in {@code java.io.tmpdir} is used, and as a last resort the null device.
 */
public final class LogSetup {
    /** Option that names the log file, also declared on {@link TelarCommand}. */
    public static final String LOG_FILE_OPTION = "--log-file";
    /**
     * Size past which a log is moved aside to {@code <name>.1} (replacing an older one) when Telar
     * starts, so that the log of a machine that runs Telar for years takes at most about twice this.
     */
    static final long ROLL_BYTES = 1L << 20;

    private LogSetup() {
    }

    /** {@link #configure(String[], Environment)} in the real environment. */
    public static Path configure(String[] args) {
        return configure(args, Environment.system());
    }

    /**
     * Sets the logging properties (and {@code chronicle.analytics.disable}) and returns the file
     * that will receive the log.
     */
    public static Path configure(String[] args, Environment environment) {
        Path wanted = requestedLogFile(args).orElseGet(() -> settingsLogFile(args, environment));
        Path used = firstWritable(wanted, fallbackFile());
        System.setProperty("org.slf4j.simpleLogger.logFile", used.toString());
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
        // SLF4J's own notices (e.g. that calls made while it started were replayed) go to stderr,
        // which is the user's terminal: keep only its errors.
        setIfAbsent("slf4j.internal.verbosity", "ERROR");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "true");
        System.setProperty("chronicle.analytics.disable", "true");
        return used;
    }

    /**
     * The settings' log file. A settings mistake is not reported here (the command reports it,
     * with its exit code, once logging works), so it just means the default place.
     */
    static Path settingsLogFile(String[] args, Environment environment) {
        try {
            return new SettingsLoader(environment::getenv)
                    .load(Overrides.none().withConfig(TelarCommand.CONFIG_OPTION, optionValue(args, TelarCommand.CONFIG_OPTION)))
                    .logFile();
        } catch (SettingsException e) {
            return Settings.defaultLogFile(environment::getenv);
        }
    }

    /** The value of {@code --log-file PATH} or {@code --log-file=PATH}, if given and not blank. */
    static Optional<Path> requestedLogFile(String[] args) {
        String value = optionValue(args, LOG_FILE_OPTION);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(value));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The last value of {@code option VALUE} or {@code option=VALUE} before any {@code --}, or null. */
    static String optionValue(String[] args, String option) {
        String value = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals(option) && i + 1 < args.length) {
                value = args[++i];
            } else if (arg.startsWith(option + "=")) {
                value = arg.substring(option.length() + 1);
            }
        }
        return value;
    }

    static Path fallbackFile() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "telar-" + user + ".log");
    }

    static Path firstWritable(Path... candidates) {
        for (Path candidate : candidates) {
            if (writable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return Path.of("/dev/null");
    }

    /** Creates the file's directory and opens the file for appending, to be sure logging can use it. */
    static boolean writable(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            rollIfLarge(file);
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                return !Files.isDirectory(file);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Moves a log of {@link #ROLL_BYTES} or more to {@code <name>.1}; a regular file only. */
    static void rollIfLarge(Path file) throws IOException {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) >= ROLL_BYTES) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
