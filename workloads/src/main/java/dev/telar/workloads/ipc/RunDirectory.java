package dev.telar.workloads.ipc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory that holds one run's exchange files (queues, maps), readable only by its owner,
 * named after the owning process ({@code run-<pid>-<start ms>}) so that a later Telar can tell
 * whether its owner still lives. Creating one first removes the directories of dead owners;
 * closing removes this one. Thread-safe.
 */
public final class RunDirectory implements AutoCloseable {
    private static final Pattern NAME = Pattern.compile("run-(\\d+)-(\\d+)");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    /** Start times read back from /proc are only precise to a clock tick; allow for it. */
    private static final long START_SLACK_MS = 2_000;

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /**
     * Where run directories go: {@code $XDG_RUNTIME_DIR/telar}, else {@code /tmp/telar-$USER}.
     *
     * @param env the environment to read XDG_RUNTIME_DIR and USER from
     */
    public static Path defaultParent(Map<String, String> env) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))
                && Files.isWritable(Path.of(runtime))) {
            return Path.of(runtime, "telar");
        }
        String user = env.getOrDefault("USER", System.getProperty("user.name", "user"));
        return Path.of(System.getProperty("java.io.tmpdir", "/tmp"), "telar-" + user);
    }

    /**
     * Creates this process's run directory under {@code parent} (owner-only permissions), after
     * removing the run directories of owners that are gone.
     *
     * @throws UncheckedIOException with a one-line message when the directory cannot be made
     */
    public static RunDirectory create(Path parent) {
        try {
            ensureOwnerOnly(parent);
            removeStale(parent);
            ProcessHandle self = ProcessHandle.current();
            long start = self.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
            String base = "run-" + self.pid() + "-" + start;
            // Several runs of one process get suffixes so each has its own directory.
            for (int n = 0; ; n++) {
                Path dir = parent.resolve(n == 0 ? base : base + "." + n);
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    return new RunDirectory(dir);
                } catch (FileAlreadyExistsException taken) {
                    // try the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the exchange directory under " + parent + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes the run directories under {@code parent} whose owner process has ended (or whose pid
     * now belongs to a process started at another time).
     *
     * @return the directories removed
     */
    public static List<Path> removeStale(Path parent) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return removed;
        }
        try (Stream<Path> entries = Files.list(parent)) {
            for (Path dir : (Iterable<Path>) entries::iterator) {
                String name = dir.getFileName().toString();
                int dot = name.indexOf('.');
                Matcher m = NAME.matcher(dot < 0 ? name : name.substring(0, dot));
                if (m.matches() && !ownerAlive(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))) {
                    deleteTree(dir);
                    removed.add(dir);
                }
            }
        }
        return removed;
    }

    private static boolean ownerAlive(long pid, long startMillis) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        return handle.get().info().startInstant()
                .map(i -> Math.abs(i.toEpochMilli() - startMillis) <= START_SLACK_MS)
                .orElse(true);
    }

    private static void ensureOwnerOnly(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Files.setPosixFilePermissions(parent, OWNER_ONLY);
    }

    /** The directory. */
    public Path path() {
        return path;
    }

    /** A sub-path for one exchange file or queue. */
    public Path resolve(String name) {
        return path.resolve(name);
    }

    /** Bytes the files under this directory take on disk (allocated blocks, not apparent size). */
    public long bytesOnDisk() {
        return DiskUsage.of(path);
    }

    /** Removes the directory and everything in it. */
    @Override
    public void close() {
        try {
            deleteTree(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                try {
                    Files.delete(p);
                } catch (NoSuchFileException gone) {
                    // removed concurrently: fine
                }
            }
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
