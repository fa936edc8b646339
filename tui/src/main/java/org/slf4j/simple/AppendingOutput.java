package org.slf4j.simple;

import java.io.PrintStream;

/**
 * Telar's one reach into slf4j-simple (hence this package): slf4j-simple opens a log file with
 * truncation, which would wipe the lines of every other Telar process writing the same file (the
 * manager, agents, the dashboard and its lab). {@code dev.telar.tui.cli.LogProvider} has it set
 * up on a cached standard error, then hands it the file opened for appending through this class,
 * before any line is written.
 */
public final class AppendingOutput {
    private AppendingOutput() {
    }

    /** Makes every logger write to {@code out}. Call once slf4j-simple's configuration is made, before the first line. */
    public static void use(PrintStream out) {
        SimpleLogger.CONFIG_PARAMS.outputChoice = new OutputChoice(out);
    }
}
