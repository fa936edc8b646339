package dev.telar.tui.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child JVM for {@link RollingLogOutputTest}: sets logging up as Telar's main does, then logs
 * {@code count} numbered lines of about 240 bytes through slf4j-simple, every 500th with a stack
 * trace. Arguments: the log file, the count.
 */
public final class LogFlood {
    private LogFlood() {
    }

    public static void main(String[] args) {
        LogSetup.configure(new String[] {LogSetup.LOG_FILE_OPTION, args[0]});
        Logger log = LoggerFactory.getLogger(LogFlood.class);
        int count = Integer.parseInt(args[1]);
        String padding = "x".repeat(150);
        for (int i = 0; i < count; i++) {
            if (i % 500 == 0) {
                log.warn("flood line {} {}", String.format("%06d", i), padding, new IllegalStateException("flood " + i));
            } else {
                log.info("flood line {} {}", String.format("%06d", i), padding);
            }
        }
    }
}
