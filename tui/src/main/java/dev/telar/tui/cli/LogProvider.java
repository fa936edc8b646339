package dev.telar.tui.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.simple.SimpleServiceProvider;

/**
 * slf4j-simple's provider, named to SLF4J by {@link LogSetup}, that tells when SLF4J has begun to
 * set it up. From then on SLF4J hands other threads stand-in loggers instead of making them wait
 * for the set-up ({@link LogSetup#initialiseAside()}).
 */
public final class LogProvider extends SimpleServiceProvider {
    private static final CountDownLatch BEGUN = new CountDownLatch(1);

    /** Called by SLF4J, by name. */
    public LogProvider() {
    }

    @Override
    public void initialize() {
        BEGUN.countDown();
        super.initialize();
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
