package dev.telar.tui.cli;

import dev.telar.probe.Kernel;

/** What the CLI needs to know about where it runs; replaceable in tests. */
public interface Environment {
    /** True when standard output is a terminal. */
    boolean stdoutIsTerminal();

    /**
     * True when standard input is a terminal: the dashboard reads its keys there, and on a file
     * or {@code /dev/null} it would read end-of-input at once and quit without a word.
     */
    boolean stdinIsTerminal();

    /** An environment variable, or null when unset. */
    String getenv(String name);

    /** The real process environment. */
    static Environment system() {
        return new Environment() {
            @Override
            public boolean stdoutIsTerminal() {
                // The launcher tells (bash's test -t 1); loading the native library only to ask
                // isatty would add a fifth of a second to the first frame.
                String told = System.getProperty("telar.stdout.tty");
                return told != null ? Boolean.parseBoolean(told) : Kernel.isTerminal(1);
            }

            @Override
            public boolean stdinIsTerminal() {
                String told = System.getProperty("telar.stdin.tty");
                return told != null ? Boolean.parseBoolean(told) : Kernel.isTerminal(0);
            }

            @Override
            public String getenv(String name) {
                return System.getenv(name);
            }
        };
    }
}
