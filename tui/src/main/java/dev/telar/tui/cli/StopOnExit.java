package dev.telar.tui.cli;

import java.time.Duration;

/**
 * What the shutdown hook of a headless command that runs child JVMs does on Ctrl-C, SIGTERM or
 * SIGHUP: cancels the run, then waits for it to end, at most {@link #WAIT}. The run kills its
 * children and removes its run directory on a thread of its own, which the JVM would halt as soon
 * as the hooks have returned.
 */
final class StopOnExit {
    /** Longest a hook waits for the cancelled run. */
    static final Duration WAIT = Duration.ofSeconds(3);

    /** Waits up to a time for a run to end. */
    @FunctionalInterface
    interface TimedWait {
        Object await(Duration timeout) throws InterruptedException;
    }

    private StopOnExit() {
    }

    /** Runs {@code cancel}, then {@code wait} for at most {@link #WAIT}. */
    static void cancelAndWait(Runnable cancel, TimedWait wait) {
        cancel.run();
        try {
            wait.await(WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
