package dev.telar.workloads.proc;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a child JVM: the same java executable and class path as this JVM,
 * the Chronicle flags of {@link JvmFlags#chronicle()} (module openings, Unsafe and native access,
 * Chronicle properties), and the few properties this JVM was given that a child must share (where
 * temporary files and JNA's library go, Chronicle's own settings). The parent's heap and JIT
 * tuning is deliberately not copied: the dashboard runs lean, its children must compute at full
 * speed.
 */
public final class JvmCommand {
    /** Properties copied from this JVM's command line to its children. */
    private static final List<String> INHERITED = List.of("-Dchronicle.", "-Djna.", "-Djava.io.tmpdir");

    private JvmCommand() {
    }

    /** The java executable running this JVM. */
    public static String javaExecutable() {
        Path bin = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(bin) ? bin.toString()
                : ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * The flags a child needs whatever it runs: {@link JvmFlags#chronicle()}, then the properties
     * of this JVM's command line that a child shares (those not already in that set), in their
     * original order.
     */
    public static List<String> inheritedFlags() {
        List<String> out = new ArrayList<>(JvmFlags.chronicle());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            for (String prefix : INHERITED) {
                if (flag.startsWith(prefix) && !out.contains(flag)) {
                    out.add(flag);
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
