package dev.telar.workloads.fault;

import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildExit;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.proc.ChildMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Child JVMs started ahead of use, each a {@link FaultChild} waiting for its command: while one
 * run of the suite goes on, the next victims' JVMs boot. Used by one thread.
 */
final class Standbys implements AutoCloseable {
    /**
     * A victim's work is small and it is killed soon: the first compiler tier only, a small heap,
     * and library notices kept to warnings.
     */
    private static final List<String> FLAGS = List.of(System.getProperty("telar.fault.jit", "-XX:TieredStopAtLevel=1"),
            "-Xmx128m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    private final Path base;
    private final List<String> flags;
    private final int size;
    private final Deque<Child> waiting = new ArrayDeque<>();
    private int started;

    /**
     * Starts {@code size} children. First, unless {@code -Dtelar.fault.cds=false}, one child that
     * uses every mechanism and exits with {@code -XX:ArchiveClassesAtExit}: the others then load
     * the libraries' classes from that archive, which saves a good part of each victim's start.
     */
    Standbys(Path base, int size) throws Exception {
        this.base = base;
        this.size = size;
        List<String> f = new java.util.ArrayList<>(FLAGS);
        if (Boolean.parseBoolean(System.getProperty("telar.fault.cds", "true"))) {
            // A class archive takes classes from jars only: the children get the class directories jarred.
            originalClassPath = System.getProperty("java.class.path");
            System.setProperty("java.class.path", jarred(originalClassPath, base.resolve("fault-classes.jar")));
            Path archive = base.resolve("fault-children.jsa");
            Path trainDir = Files.createDirectories(base.resolve("train"));
            List<String> dump = new java.util.ArrayList<>(FLAGS);
            dump.add("-XX:ArchiveClassesAtExit=" + archive);
            Child trainer = ChildLauncher.start(ChildMain.KIND_TARGET, FaultChild.class, List.of(base.toString()), dump,
                    true);
            trainer.sendLine("train " + trainDir);
            Optional<ChildExit> exit = trainer.join(Duration.ofSeconds(60));
            String said = exit.isPresent() ? trainer.stdout().lines().limit(3).collect(Collectors.joining(" / ")) : "";
            trainer.kill();
            started++;
            if (exit.map(ChildExit::ok).orElse(false) && Files.isRegularFile(archive)) {
                f.add("-XX:SharedArchiveFile=" + archive);
            } else {
                System.out.println("fault suite: no class archive for the children (" + exit.map(ChildExit::describe)
                        .orElse("still running") + " " + trainer.lastError() + " " + said + ")");
            }
        }
        this.flags = List.copyOf(f);
        fill();
    }

    private void fill() {
        while (waiting.size() < size) {
            waiting.add(ChildLauncher.start(ChildMain.KIND_TARGET, FaultChild.class, List.of(base.toString()), flags,
                    true));
            started++;
        }
    }

    /** The class path of this JVM before the children's was set, or null. */
    private String originalClassPath;

    /**
     * {@code classPath} with its directories replaced by one jar holding their files (the first
     * directory that has a file wins, as on the class path).
     */
    private static String jarred(String classPath, Path jar) throws java.io.IOException {
        List<String> out = new java.util.ArrayList<>();
        out.add(jar.toString());
        java.util.Set<String> names = new java.util.HashSet<>();
        try (java.util.jar.JarOutputStream j = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : classPath.split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                if (!Files.isDirectory(p)) {
                    out.add(entry);
                    continue;
                }
                try (java.util.stream.Stream<Path> files = Files.walk(p)) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        String name = p.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                        if (names.add(name)) {
                            j.putNextEntry(new java.util.jar.JarEntry(name));
                            Files.copy(file, j);
                            j.closeEntry();
                        }
                    }
                }
            }
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    /** A started child that waits for its command (and starts the next one). */
    Child take() {
        Child c = waiting.poll();
        while (c != null && !c.isAlive()) {
            c = waiting.poll();
        }
        fill();
        if (c == null) {
            c = waiting.poll();
            fill();
        }
        return c;
    }

    /** Pids of the children still waiting (alive by design, not leftovers). */
    Set<Long> waitingPids() {
        return waiting.stream().map(Child::pid).collect(Collectors.toSet());
    }

    /** Child JVMs started so far. */
    int started() {
        return started;
    }

    @Override
    public void close() {
        waiting.forEach(Child::kill);
        waiting.clear();
        if (originalClassPath != null) {
            System.setProperty("java.class.path", originalClassPath);
        }
    }
}
