package dev.telar.tui.cli;

import dev.telar.config.Language;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/** Turns unexpected exceptions into a logged stack trace and one line for the user. */
public final class Errors {
    /** What gives the terminal back before an error line is printed; null when no full screen is shown. */
    private static volatile Runnable restoreTerminal;

    private Errors() {
    }

    /**
     * Names what gives the terminal back (the dashboard's session), run by the uncaught-exception
     * handler before it prints its line: printed on the alternate screen, the line would vanish
     * with it. Null when the terminal is given back.
     */
    public static void restoreTerminalFirst(Runnable restore) {
        restoreTerminal = restore;
    }

    /**
     * Logs {@code error} with its stack trace and returns the single line to show the user.
     *
     * @param logFile where the log goes, named in the line; null when unknown
     */
    public static String report(Thread thread, Throwable error, Path logFile) {
        return report(thread, error, logFile, Texts.of(Language.EN));
    }

    /**
     * Logs {@code error} with its stack trace and returns the single line to show the user, in
     * the language of {@code texts}.
     *
     * @param logFile where the log goes, named in the line; null when unknown
     */
    public static String report(Thread thread, Throwable error, Path logFile, Texts texts) {
        try {
            LoggerFactory.getLogger(Errors.class).error("unexpected error in thread {}", thread.getName(), error);
        } catch (RuntimeException | LinkageError ignored) {
            // logging itself failed; the line below is all we can do
        }
        String own = error.getMessage() == null || error.getMessage().isBlank()
                ? error.getClass().getName() : error.getClass().getSimpleName() + ": " + error.getMessage();
        String message = Problems.carried(error, texts).orElse(own);
        return logFile == null ? texts.format("cli.error.unexpected", oneLine(message))
                : texts.format("cli.error.unexpected.log", oneLine(message), logFile);
    }

    /** The text with line breaks and runs of blanks folded to single spaces. */
    public static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /**
     * Makes every uncaught exception, in any thread, end the program: logged with its stack trace,
     * the terminal given back ({@link #restoreTerminalFirst}), then one line on standard error,
     * exit code 1.
     */
    public static void installUncaughtHandler(Path logFile) {
        installUncaughtHandler(logFile, () -> Language.EN);
    }

    /**
     * As {@link #installUncaughtHandler(Path)}, the line in the language {@code language} gives
     * when an error happens (asked then, so that a start without errors never works it out).
     */
    public static void installUncaughtHandler(Path logFile, Supplier<Language> language) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            Runnable restore = restoreTerminal;
            if (restore != null) {
                try {
                    restore.run();
                } catch (RuntimeException | Error e) {
                    // the line matters more; the shutdown hook tries the terminal again
                }
            }
            System.err.println(report(thread, error, logFile, texts(language)));
            System.err.flush();
            if (!shuttingDown()) {
                System.exit(Cli.FAILURE);
            }
        });
    }

    /** The texts of {@code language}, or English when asking fails: the error matters more than its language. */
    public static Texts texts(Supplier<Language> language) {
        try {
            return Texts.of(language.get());
        } catch (RuntimeException | LinkageError e) {
            return Texts.of(Language.EN);
        }
    }

    /** True while shutdown hooks run, when {@code System.exit} would block forever. */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
