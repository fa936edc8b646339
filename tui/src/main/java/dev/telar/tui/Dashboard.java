package dev.telar.tui;

import dev.telar.config.Settings;

/** Placeholder: the full-screen dashboard. Replaced by the dashboard work. */
public final class Dashboard {
    private Dashboard() {
    }

    /** Runs the dashboard until the user quits; returns the process exit code. */
    public static int run(Settings settings) {
        System.err.println("telar: the dashboard is not built yet");
        return 1;
    }
}
