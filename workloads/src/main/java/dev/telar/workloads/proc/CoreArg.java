package dev.telar.workloads.proc;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A list of logical cores as one command-line argument of a child, e.g. {@code 0,1}; the empty
 * string means no pinning.
 */
public final class CoreArg {
    private CoreArg() {
    }

    /** {@code [0, 1]} as {@code "0,1"}; an empty array as {@code ""}. */
    public static String format(int[] cores) {
        return Arrays.stream(cores).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /**
     * {@code "0,1"} as {@code [0, 1]}; {@code ""} as an empty array.
     *
     * @throws NumberFormatException when an element is not a number
     */
    public static int[] parse(String text) {
        if (text.isBlank()) {
            return new int[0];
        }
        return Arrays.stream(text.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    }
}
