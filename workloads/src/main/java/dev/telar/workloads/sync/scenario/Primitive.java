package dev.telar.workloads.sync.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The six primitives of the lecture's section 5, each with its scenario. */
public enum Primitive {
    LOCK, RLOCK, SEMAPHORE, CONDITION, EVENT, BARRIER;

    /** Lower-case name, as typed on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The primitive for a command-line word (any case).
     *
     * @throws IllegalArgumentException naming the valid words
     */
    public static Primitive parse(String word) {
        for (Primitive p : values()) {
            if (p.label().equalsIgnoreCase(word)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown primitive '" + word + "' (" + labels() + ")");
    }

    /** The valid words, comma-separated. */
    public static String labels() {
        return Arrays.stream(values()).map(Primitive::label).collect(Collectors.joining(", "));
    }
}
