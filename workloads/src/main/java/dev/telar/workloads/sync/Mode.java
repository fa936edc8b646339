package dev.telar.workloads.sync;

import java.util.Locale;

/** Where a primitive's participants live: threads of one JVM, or separate JVM processes. */
public enum Mode {
    THREADS, PROCESSES;

    /** Lower-case name as typed on the command line ({@code threads}, {@code processes}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode for a command-line word: threads/thread/t or processes/process/p.
     *
     * @throws IllegalArgumentException for any other word, naming the valid ones
     */
    public static Mode parse(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "threads", "thread", "t" -> THREADS;
            case "processes", "process", "p" -> PROCESSES;
            default -> throw new IllegalArgumentException("unknown mode '" + word + "' (threads, processes)");
        };
    }
}
