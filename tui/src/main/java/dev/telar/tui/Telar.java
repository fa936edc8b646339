package dev.telar.tui;

import dev.telar.config.Settings;

/** Placeholder entry point; replaced by the CLI work. */
public final class Telar {
    private Telar() {
    }

    public static void main(String[] args) {
        System.exit(Dashboard.run(Settings.defaults()));
    }
}
