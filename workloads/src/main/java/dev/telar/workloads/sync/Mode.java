package dev.telar.workloads.sync;

import java.util.Locale;

/**
 * Where a primitive's participants live: threads of one JVM, separate JVM processes on one
 * machine, or clients of a manager (ZooKeeper) on any machines.
 */
public enum Mode {
    THREADS, PROCESSES, REMOTE;

    /** Lower-case name as typed on the command line ({@code threads}, {@code processes}, {@code remote}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode for a command-line word: threads/thread/t, processes/process/p or remote/r.
     *
     * @throws IllegalArgumentException for any other word, naming the valid ones
     */
    public static Mode parse(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "threads", "thread", "t" -> THREADS;
            case "processes", "process", "p" -> PROCESSES;
            case "remote", "r" -> REMOTE;
            default -> throw new IllegalArgumentException("unknown mode '" + word + "' (threads, processes, remote)");
        };
    }
}
