package dev.telar.tui.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.simple.AppendingOutput;
import org.slf4j.simple.SimpleServiceProvider;

/**
 * slf4j-simple's provider, named to SLF4J by {@link LogSetup}, that tells when SLF4J has begun to
 * set it up. From then on SLF4J hands other threads stand-in loggers instead of making them wait
 * for the set-up ({@link LogSetup#initialiseAside()}).
 *
 * <p>It also makes the log file shared: slf4j-simple would open it with truncation, wiping what
 * the other Telar processes (manager, agents, dashboard, lab) wrote there and leaving holes of
 * zeros where they go on writing. The file is opened here for appending (no link followed) and
 * slf4j-simple, set up on a cached standard error meanwhile, is pointed at it before its first
 * line ({@link AppendingOutput}). When the file cannot be opened, slf4j-simple opens it itself
 * (and it is then moved aside only at the next start).
 */
public final class LogProvider extends SimpleServiceProvider {
    private static final CountDownLatch BEGUN = new CountDownLatch(1);

    /** Called by SLF4J, by name. */
    public LogProvider() {
    }

    @Override
    public void initialize() {
        BEGUN.countDown();
        String file = System.getProperty(LOG_FILE);
        PrintStream appending = file == null || file.startsWith("System.") ? null : openAppending(Path.of(file));
        if (appending == null) {
            super.initialize();
            return;
        }
        System.setProperty(LOG_FILE, "System.err");
        System.setProperty(CACHE_OUTPUT, "true");
        try {
            super.initialize();
            // Inside initialize, before SLF4J hands out a logger: no line has gone to standard error.
            AppendingOutput.use(appending);
        } finally {
            System.setProperty(LOG_FILE, file);
        }
    }

    /** slf4j-simple's property naming the log file; {@link LogSetup} sets it. */
    static final String LOG_FILE = "org.slf4j.simpleLogger.logFile";
    private static final String CACHE_OUTPUT = "org.slf4j.simpleLogger.cacheOutputStream";

    /**
     * The log file opened for appending, never through a symbolic link, and moved aside to
     * {@code .1} whenever it reaches {@link LogSetup#ROLL_BYTES} ({@link RollingLogOutput}); null
     * when it cannot be opened so.
     */
    private static PrintStream openAppending(Path file) {
        try {
            return new PrintStream(RollingLogOutput.open(file, LogSetup.ROLL_BYTES), false, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Marks the set-up as begun, when SLF4J was set up before and will not call {@link #initialize}. */
    static void begun() {
        BEGUN.countDown();
    }

    /** Waits until SLF4J has begun to set up this provider, at most {@code millis}; true when it has. */
    static boolean awaitBegun(long millis) throws InterruptedException {
        return BEGUN.await(millis, TimeUnit.MILLISECONDS);
    }
}
