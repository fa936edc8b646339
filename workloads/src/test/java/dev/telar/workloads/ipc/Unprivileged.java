package dev.telar.workloads.ipc;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a main class in a JVM as the unprivileged user 65534 ({@code setpriv}), for tests that must
 * see what a plain user sees while the suite runs as root. The classes it needs are copied into a
 * world-readable directory first, since root's Maven repository is not readable by that user.
 */
public final class Unprivileged {
    /** The uid and gid the JVM runs as. */
    public static final int UID = 65534;

    private Unprivileged() {
    }

    /** True when this JVM is root and {@code setpriv} is there, so a JVM can be started as {@link #UID}. */
    public static boolean available() {
        return RunDirectory.effectiveUid() == 0 && Files.isExecutable(Path.of("/usr/bin/setpriv"));
    }

    /** What the JVM printed and its exit code. */
    public record Result(int code, String out) {
    }

    /**
     * Runs {@code main} as uid {@link #UID} with the code of {@code needed} copied under
     * {@code work/cp}; {@code work} (a directory of the test's own) is made passable for everyone.
     *
     * @param env the JVM's whole environment
     */
    public static Result run(Path work, Map<String, String> env, List<String> jvmFlags, Class<?> main,
                             List<String> args, Class<?>... needed) throws IOException, InterruptedException {
        Path cp = Files.createDirectories(work.resolve("cp"));
        Set<Path> sources = new LinkedHashSet<>();
        sources.add(codeSource(main));
        for (Class<?> c : needed) {
            sources.add(codeSource(c));
        }
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (Path source : sources) {
            Path copy = cp.resolve(n++ + (Files.isDirectory(source) ? "" : ".jar"));
            if (!Files.exists(copy)) { // copied by an earlier run of this test
                copyTree(source, copy);
            }
            entries.add(copy.toString());
        }
        openUp(cp);
        // the work directory itself only needs to be passable; its other entries keep their modes
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + UID, "--regid=" + UID,
                "--clear-groups", Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(String.join(":", entries));
        cmd.add(main.getName());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(work.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("unprivileged JVM did not end: " + out);
            }
            return new Result(p.exitValue(), out.strip());
        } finally {
            p.destroyForcibly();
        }
    }

    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Lets everyone read {@code dir}'s tree (the copied classes). */
    private static void openUp(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }
}
