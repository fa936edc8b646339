package dev.telar.workloads.proc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM flag sets Telar starts its JVMs with, as written in the repository's {@code jvm.flags}
 * (packaged in this jar beside this class), which the launcher and the build read too. Each
 * method returns its set for the Java version running this JVM, in the file's order; the lists
 * are immutable.
 */
public final class JvmFlags {
    /** The name of the flags file, at the repository's root and beside this class in the jar. */
    public static final String FILE = "jvm.flags";

    private static final Map<String, List<String>> SETS = forJava(Runtime.version().feature());

    private JvmFlags() {
    }

    /** Flags of every JVM that may load Chronicle: module openings and Chronicle's properties. */
    public static List<String> chronicle() {
        return set("chronicle");
    }

    /** Flags of the dashboard JVM: small heap, C1 only, few wake-ups while idle. */
    public static List<String> lean() {
        return set("lean");
    }

    /** Flags of a JVM that computes at full speed (the launcher's set for {@code run}, {@code sweep}, {@code bench}, and the lab JVM). */
    public static List<String> fast() {
        return set("fast");
    }

    /** Flags of the lab JVM after {@link #fast()}: out of memory ends it, and it wakes rarely while it waits. */
    public static List<String> lab() {
        return set("lab");
    }

    /** Flags every child JVM gets before its own (a small GC, no hsperfdata file, a higher first metaspace threshold). */
    public static List<String> child() {
        return set("child");
    }

    private static List<String> set(String name) {
        return SETS.getOrDefault(name, List.of());
    }

    /**
     * Every set of the packaged file as it applies on Java {@code javaFeature} (e.g. 17), by name;
     * for checking what another JVM (the launcher's java) is given.
     */
    public static Map<String, List<String>> forJava(int javaFeature) {
        return parse(resourceText(), javaFeature);
    }

    /**
     * The sets in a flags file's text as they apply on Java {@code javaFeature}: lines
     * {@code SET FLAG}, where a set {@code NAME@N} counts only from Java N on; blank lines and
     * lines starting with {@code #} are skipped.
     *
     * @throws IllegalArgumentException for a line that is not two words, or a version that is not a number
     */
    static Map<String, List<String>> parse(String text, int javaFeature) {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] words = trimmed.split("\\s+");
            if (words.length != 2) {
                throw new IllegalArgumentException(FILE + ":" + number + ": expected SET FLAG, found '" + trimmed + "'");
            }
            String name = words[0];
            int at = name.indexOf('@');
            if (at >= 0) {
                int since;
                try {
                    since = Integer.parseInt(name.substring(at + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(FILE + ":" + number + ": '" + name + "' names no Java version", e);
                }
                name = name.substring(0, at);
                if (javaFeature < since) {
                    continue;
                }
            }
            sets.computeIfAbsent(name, k -> new ArrayList<>()).add(words[1]);
        }
        sets.replaceAll((name, flags) -> List.copyOf(flags));
        return Map.copyOf(sets);
    }

    private static String resourceText() {
        try (InputStream in = JvmFlags.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing beside " + JvmFlags.class.getName() + " (a broken build)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }
}
