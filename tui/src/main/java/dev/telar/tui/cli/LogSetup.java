package dev.telar.tui.cli;

import dev.telar.workloads.ipc.ChronicleTarget;
import dev.telar.config.Overrides;
import dev.telar.config.Settings;
import dev.telar.config.SettingsException;
import dev.telar.config.SettingsLoader;
import dev.telar.tui.text.Problems;
import dev.telar.workloads.ipc.OwnFile;
import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.ipc.UnsafePlaceException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Points slf4j-simple at a log file through system properties. Must run before the first logger
 * is created (slf4j-simple reads its properties once), so it looks at the raw arguments itself
 * instead of waiting for picocli: {@code --log-file}, else the settings file's {@code log-file}
 * (the file named by {@code --config}, else the usual one), else the default place. Nothing is ever
 * logged to the terminal: when the wanted file cannot be used, {@code telar.log} in Telar's own
 * place ({@link RunDirectory#defaultParent}, checked by {@link RunDirectory#ensurePlace}) is used,
 * and as a last resort the null device.
 *
 * <p>A log path is never followed through a symlink: a path that is a symlink, not a regular file,
 * owned by another user or hard-linked elsewhere is refused (the reason is logged once logging
 * works, see {@link #refusals()}), and the file is created and opened with {@code NOFOLLOW_LINKS}.
 * Moving a large log aside to {@code .1} renames (never follows) and only replaces a {@code .1}
 * that is this user's regular file. slf4j-simple reopens the checked path by name a moment later;
 * in a directory others cannot write, or a sticky one such as {@code /tmp}, nobody else can swap
 * the checked file in between.
 */
public final class LogSetup {
    /** Option that names the log file, also declared on {@link TelarCommand}. */
    public static final String LOG_FILE_OPTION = "--log-file";
    /**
     * Size, in bytes, from which a log is moved aside to {@code <name>.1} (replacing an older one),
     * when Telar starts and while it runs ({@link RollingLogOutput}), so that the log of a machine
     * that runs Telar for years takes at most about twice this.
     */
    static final long ROLL_BYTES = 1L << 20;
    /** Why log paths were passed over, for the log itself: logging cannot say it yet when they are checked. */
    private static final List<String> REFUSALS = new CopyOnWriteArrayList<>();


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
        Path used = firstWritable(wanted, fallbackFile(environment));
        System.setProperty(LogProvider.LOG_FILE, used.toString());
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
        // SLF4J's own notices (e.g. that calls made while it started were replayed) go to stderr,
        // which is the user's terminal: keep only its errors.
        setIfAbsent("slf4j.internal.verbosity", "ERROR");
        // Named outright, SLF4J skips its service lookup, which opens every jar on the class path.
        setIfAbsent("slf4j.provider", LogProvider.class.getName());
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "true");
        // While a manager is down, ZooKeeper's client logs each reconnect attempt (once a second, a
        // stack trace each: about 90 MB a day) and Curator each failed call: only errors from them
        // (and warnings from the client's login, which says its mechanism at every reconnect).
        // Telar's link to the manager logs one line when the link is lost and one when it is back.
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.zookeeper.ClientCnxn", "error");
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.zookeeper.client.ZooKeeperSaslClient", "warn"); // a line a reconnect
        setIfAbsent("curator-dont-log-connection-problems", "true");
        System.setProperty("chronicle.analytics.disable", "true");
        ChronicleTarget.keepOutOfTmp();
        return used;
    }

    /**
     * Sets up SLF4J on a side thread (the log file, the date format's locale data: tens of
     * milliseconds) and returns once SLF4J has begun. From then on a logger asked for on another
     * thread is a stand-in whose lines SLF4J writes, in order, as soon as it is ready (with the
     * time and thread name of that moment): the caller goes on to the first frame instead of waiting. Waits at most {@link #BEGIN_WAIT_MS}, and not
     * at all when another provider was named. Call after {@link #configure}.
     */
    public static void initialiseAside() {
        Thread init = new Thread(() -> {
            LoggerFactory.getILoggerFactory();
            LogProvider.begun(); // also when SLF4J was set up earlier and did not call the provider
        }, "telar-log-init");
        init.setDaemon(true);
        init.start();
        aside = init;
        if (!LogProvider.class.getName().equals(System.getProperty("slf4j.provider"))) {
            return;
        }
        try {
            LogProvider.awaitBegun(BEGIN_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The side thread setting SLF4J up; null before {@link #initialiseAside}. */
    private static volatile Thread aside;

    /**
     * Waits at most {@code millis} for the side thread to finish setting SLF4J up, so that lines
     * logged meanwhile (kept by stand-ins until then) reach the file before the JVM exits: a short
     * command such as {@code --version} can end before a loaded machine has finished the set-up.
     */
    public static void finishAside(long millis) {
        Thread init = aside;
        if (init == null) {
            return;
        }
        try {
            init.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Longest wait for SLF4J to begin its set-up on the side thread, milliseconds. */
    static final long BEGIN_WAIT_MS = 2000;

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

    /**
     * {@code telar.log} in Telar's own place (made owner-only if absent), or null when that place
     * is refused (a symlink, another user's, open to others): then only the null device is left.
     */
    static Path fallbackFile(Environment environment) {
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("XDG_RUNTIME_DIR", "USER")) {
            String value = environment.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        try {
            return RunDirectory.ensurePlace(RunDirectory.defaultParent(env)).resolve("telar.log");
        } catch (UnsafePlaceException e) {
            REFUSALS.add(Problems.english(e.problem())); // for the log, which speaks English
            return null;
        } catch (IllegalStateException e) {
            REFUSALS.add(e.getMessage());
            return null;
        }
    }

    /** The first candidate (nulls skipped) that is safe to log to, else the null device. */
    static Path firstWritable(Path... candidates) {
        for (Path candidate : candidates) {
            if (candidate != null && writable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return Path.of("/dev/null");
    }

    /** Lines saying which log paths were refused and why; Telar logs them once logging works. */
    public static List<String> refusals() {
        return List.copyOf(REFUSALS);
    }

    /**
     * Creates the file's directory and opens the file for appending without following a symlink,
     * to be sure logging can use it; false (with the reason in {@link #refusals()}) when it is
     * not safe to write.
     */
    static boolean writable(Path file) {
        Path abs = file.toAbsolutePath();
        try {
            Path parent = abs.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            String problem = problem(abs);
            if (problem == null) {
                rollIfLarge(abs, ROLL_BYTES);
                try (FileChannel out = RollingLogOutput.openAppending(abs)) {
                    problem = problem(abs); // what was opened, maybe just created
                }
            }
            if (problem != null) {
                REFUSALS.add("log file " + abs + " refused: " + problem);
            }
            return problem == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Why {@code file} must not be logged to, or null when it is absent or this user's own regular
     * file with a single link. Looked at without following links.
     */
    static String problem(Path file) throws IOException {
        return OwnFile.problem(file);
    }

    /**
     * Moves a log of {@code rollBytes} or more ({@link #ROLL_BYTES} but in tests) to
     * {@code <name>.1}: a regular file only, and only over a {@code .1} that is absent or this
     * user's regular file (a rename: no link is followed). At start and while running ({@link RollingLogOutput}).
     */
    static void rollIfLarge(Path file, long rollBytes) throws IOException {
        Path older = file.resolveSibling(file.getFileName() + ".1");
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) >= rollBytes
                && problem(older) == null) {
            Files.move(file, older, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
