package dev.telar.workloads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lincheck's model checker copies a bootstrap jar into the temporary directory
 * ({@code lincheck-bootstrap*.jar}), puts it on the boot class path, and never removes it: every
 * test JVM that ran a model check would leave one behind. At this JVM's exit the jar it holds open
 * (found through {@code /proc/self/fd} and {@code /proc/self/maps}, so never another JVM's) is
 * deleted. Call {@link #removeAtExit()} from every Lincheck test; the hook is added once.
 */
public final class LincheckJar {
    private static boolean hooked;

    private LincheckJar() {
    }

    /** Adds, once per JVM, the exit hook that deletes this JVM's own Lincheck bootstrap jar. */
    public static synchronized void removeAtExit() {
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(LincheckJar::removeOwn, "lincheck-jar-cleanup"));
        }
    }

    private static void removeOwn() {
        for (Path jar : ownJars()) {
            try {
                Files.deleteIfExists(jar);
            } catch (IOException ignored) {
                // A jar left behind is all that can go wrong at exit.
            }
        }
    }

    /** The bootstrap jars this JVM has open or mapped, in the temporary directory. */
    static Set<Path> ownJars() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        Set<Path> jars = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            fds.forEach(fd -> {
                try {
                    jars.add(Files.readSymbolicLink(fd));
                } catch (IOException | UnsupportedOperationException closedMeanwhile) {
                    // The listing's own descriptor, or one closed since.
                }
            });
        } catch (IOException ignored) {
            // No /proc: nothing is found, nothing deleted.
        }
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            maps.map(l -> l.indexOf('/') < 0 ? "" : l.substring(l.indexOf('/'))).filter(s -> !s.isEmpty())
                    .forEach(s -> jars.add(Path.of(s)));
        } catch (IOException | RuntimeException ignored) {
            // As above.
        }
        jars.removeIf(p -> !tmp.equals(p.getParent()) || !p.getFileName().toString().matches("lincheck-bootstrap\\d+\\.jar"));
        return jars;
    }
}
