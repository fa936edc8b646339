package dev.telar.workloads.remote.fleet;

import dev.telar.probe.ProcessInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds Telar's processes among a host's processes by their command lines, nothing else: the
 * launcher runs {@code java ... -jar .../telar.jar [COMMAND ...]} (or, from a class path, the main
 * class {@code dev.telar.tui.cli.Telar}), and every child JVM (the lab among them) runs
 * {@code java ... dev.telar.workloads.proc.ChildMain KIND TARGET_CLASS ...}. A Telar started
 * some other way (an IDE, a test's own JVM) is not found.
 */
public final class TelarJobs {
    private static final String CHILD_MAIN = "dev.telar.workloads.proc.ChildMain";
    private static final String LAB_MAIN = "dev.telar.workloads.lab.LabMain";
    private static final String JAR = "telar.jar";
    private static final String MAIN = "dev.telar.tui.cli.Telar";
    /** Telar's commands; any other word after the jar is an option or its value (the dashboard's). */
    private static final Set<String> COMMANDS = Set.of("run", "sweep", "sync", "bench", "snapshot", "config", "manager", "agent", "fleet");

    /** Most Telar processes a summary lists: the busiest ones. */
    public static final int MAX_JOBS = 12;

    private TelarJobs() {
    }

    /** The Telar processes among {@code processes}, the {@value #MAX_JOBS} busiest at most, by pid. */
    public static List<TelarJob> among(List<ProcessInfo> processes) {
        return processes.stream()
                .flatMap(p -> kind(p.command()).map(k -> new TelarJob(p.pid(), k, p.cpuPct(), p.rssBytes(), p.threadCount())).stream())
                .sorted(Comparator.comparingDouble(TelarJob::cpuPct).reversed())
                .limit(MAX_JOBS) // a summary stays small however many child JVMs a run has
                .sorted(Comparator.comparingInt(TelarJob::pid))
                .toList();
    }

    /**
     * What a command line runs, when it is Telar's: {@code lab}, {@code child:<Target>},
     * {@code dashboard}, or the command's name ({@code run}, {@code agent}, ...).
     */
    static Optional<String> kind(String command) {
        String[] words = command.split(" ");
        for (int i = 0; i < words.length; i++) {
            // ChildMain <parent pid> <kind> <class> ... (ChildLauncher#command)
            if (words[i].equals(CHILD_MAIN) && i + 3 < words.length) {
                String target = words[i + 3];
                return Optional.of(target.equals(LAB_MAIN) ? "lab" : "child:" + target.substring(target.lastIndexOf('.') + 1));
            }
            boolean jar = words[i].equals("-jar") && i + 1 < words.length && (words[i + 1].equals(JAR) || words[i + 1].endsWith("/" + JAR));
            if (jar || words[i].equals(MAIN)) {
                for (int j = i + (jar ? 2 : 1); j < words.length; j++) {
                    if (COMMANDS.contains(words[j])) {
                        return Optional.of(words[j]);
                    }
                }
                return Optional.of("dashboard");
            }
        }
        return Optional.empty();
    }
}
