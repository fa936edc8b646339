package dev.telar.tui.cli;

import dev.telar.config.Language;
import dev.telar.tui.text.Texts;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** Turns unexpected exceptions into a logged stack trace and one line for the user. */
public final class Errors {
    private Errors() {
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
        String message = error.getMessage() == null || error.getMessage().isBlank()
                ? error.getClass().getName() : error.getClass().getSimpleName() + ": " + error.getMessage();
        return logFile == null ? texts.format("cli.error.unexpected", oneLine(message))
                : texts.format("cli.error.unexpected.log", oneLine(message), logFile);
    }

    /** The text with line breaks and runs of blanks folded to single spaces. */
    public static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /**
     * Makes every uncaught exception, in any thread, end the program: logged with its stack trace,
     * one line on standard error, exit code 1.
     */
    public static void installUncaughtHandler(Path logFile) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            System.err.println(report(thread, error, logFile));
            System.err.flush();
            if (!shuttingDown()) {
                System.exit(Cli.FAILURE);
            }
        });
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
