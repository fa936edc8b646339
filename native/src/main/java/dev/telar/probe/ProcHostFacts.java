package dev.telar.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine's static facts ({@link HostInfo}) read from a handful of small files: the host name
 * and kernel release under {@code /proc/sys/kernel}, the processors in {@code /proc/cpuinfo}, and
 * the distribution in {@code os-release}. These are the sources OSHI reads too, and the text is
 * put together as OSHI's was (family, version, kernel), but without starting OSHI and JNA, which
 * took a fifth of a second of the dashboard's start. Missing files give empty or zero fields,
 * never an exception.
 */
final class ProcHostFacts {
    /** Where the distribution describes itself, in the order the os-release specification gives. */
    static final List<Path> OS_RELEASE = List.of(Path.of("/etc/os-release"), Path.of("/usr/lib/os-release"));

    private ProcHostFacts() {
    }

    /** The live machine's facts. */
    static HostInfo live() {
        return read(Path.of("/proc"), OS_RELEASE);
    }

    /**
     * @param procRoot  a directory laid out like {@code /proc}
     * @param osRelease os-release files to try, first readable one wins
     */
    static HostInfo read(Path procRoot, List<Path> osRelease) {
        String kernel = firstLine(procRoot.resolve("sys/kernel/osrelease"));
        String cpuinfo = text(procRoot.resolve("cpuinfo"));
        String release = "";
        for (Path candidate : osRelease) {
            release = text(candidate);
            if (!release.isEmpty()) {
                break;
            }
        }
        return new HostInfo(firstLine(procRoot.resolve("sys/kernel/hostname")), osName(release, kernel),
                processorCount(cpuinfo), cpuModel(cpuinfo));
    }

    /**
     * "family version (kernel release)", as OSHI words it: the family is {@code NAME}; the version
     * is {@code VERSION} up to a parenthesis or comma (the code name follows those), else
     * {@code VERSION_ID}. Without an os-release the family is "Linux".
     */
    static String osName(String osRelease, String kernel) {
        String name = field(osRelease, "NAME");
        String version = field(osRelease, "VERSION");
        if (!version.isEmpty()) {
            int cut = version.indexOf('(');
            if (cut < 0) {
                cut = version.indexOf(',');
            }
            version = (cut < 0 ? version : version.substring(0, cut)).trim();
        } else {
            version = field(osRelease, "VERSION_ID");
        }
        String family = name.isEmpty() ? "Linux" : name;
        return (version.isEmpty() ? family : family + " " + version) + " (kernel " + kernel + ")";
    }

    /** An os-release value without its quotes, or "" when absent. */
    static String field(String osRelease, String key) {
        for (String line : osRelease.split("\n")) {
            if (line.startsWith(key + "=")) {
                String value = line.substring(key.length() + 1).trim();
                if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                        && value.charAt(value.length() - 1) == value.charAt(0)) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.trim();
            }
        }
        return "";
    }

    /** The number of {@code processor} entries (online logical cores). */
    static int processorCount(String cpuinfo) {
        int count = 0;
        for (String line : cpuinfo.split("\n")) {
            if (key(line).equals("processor")) {
                count++;
            }
        }
        return count;
    }

    /** The first core's model: {@code model name} (x86), else {@code Model} or {@code Processor} (ARM); "" when none. */
    static String cpuModel(String cpuinfo) {
        for (String wanted : List.of("model name", "Model", "Processor")) {
            for (String line : cpuinfo.split("\n")) {
                if (key(line).equals(wanted)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        }
        return "";
    }

    private static String key(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(0, colon).trim();
    }

    private static String firstLine(Path file) {
        String text = text(file);
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).trim();
    }

    private static String text(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
