package dev.telar.workloads.proc;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a child JVM: the same java executable and class path as this JVM,
 * and the flags this JVM was given that Chronicle needs (module openings, Unsafe and native
 * access, Chronicle properties). The parent's heap and JIT tuning is deliberately not copied: the
 * dashboard runs lean, its children must compute at full speed.
 */
public final class JvmCommand {
    /** Flag prefixes copied from this JVM to its children. */
    private static final List<String> INHERITED = List.of(
            "--add-opens", "--add-exports", "--add-modules", "--enable-native-access",
            "--sun-misc-unsafe-memory-access", "-Dchronicle.", "-Djna.", "-Djava.io.tmpdir");

    private JvmCommand() {
    }

    /** The java executable running this JVM. */
    public static String javaExecutable() {
        Path bin = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(bin) ? bin.toString()
                : ProcessHandle.current().info().command().orElse("java");
    }

    /** The flags of this JVM that a child needs as well, in their original order. */
    public static List<String> inheritedFlags() {
        List<String> out = new ArrayList<>();
        List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (int i = 0; i < given.size(); i++) {
            String flag = given.get(i);
            for (String prefix : INHERITED) {
                if (flag.startsWith(prefix)) {
                    out.add(flag);
                    // "--add-opens X" arrives as two arguments; keep its value with it.
                    if (flag.equals(prefix) && prefix.startsWith("--") && i + 1 < given.size()) {
                        out.add(given.get(++i));
                    }
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The full command: java, inherited flags, {@code jvmFlags}, class path, main class, arguments.
     *
     * @param jvmFlags extra flags for this child (e.g. heap size), placed after the inherited ones
     */
    public static List<String> of(List<String> jvmFlags, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(inheritedFlags());
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }
}
