package dev.telar.tui.cli;

import dev.telar.probe.Kernel;

/** What the CLI needs to know about where it runs; replaceable in tests. */
public interface Environment {
    /** True when standard output is a terminal. */
    boolean stdoutIsTerminal();

    /** An environment variable, or null when unset. */
    String getenv(String name);

    /** The real process environment. */
    static Environment system() {
        return new Environment() {
            @Override
            public boolean stdoutIsTerminal() {
                return Kernel.isTerminal(1);
            }

            @Override
            public String getenv(String name) {
                return System.getenv(name);
            }
        };
    }
}
