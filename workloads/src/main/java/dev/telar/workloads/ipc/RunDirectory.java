package dev.telar.workloads.ipc;

import dev.telar.probe.ProcessIdentity;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory that holds one run's shared files (queues, maps, synchronization files), made
 * inside <em>Telar's own place</em>: a directory Telar created itself, owned by this user, mode
 * {@code 0700}, never a symlink ({@link #ensurePlace}). Telar never changes the mode or owner of a
 * directory it did not create and never deletes anything it did not create: a user's
 * {@code ipc.dir} only receives Telar's own subdirectory ({@link #placeIn}).
 *
 * <p>Each run directory is named {@code run-<pid>-<start ticks>} and carries a marker file,
 * {@value #MARKER}, with the owner's {@link ProcessIdentity} (pid and start time in clock ticks
 * since boot, never wall-clock time) and its PID namespace. Creating a run directory first removes
 * the run directories whose marker names a process that is dead by {@link ProcessIdentity#isAlive()};
 * anything without a readable marker, not a real directory, not ours, or from another PID
 * namespace is left alone. Closing removes this run's directory. Thread-safe.
 *
 * <p>A run directory appears whole: it is made under a hidden staging name
 * ({@code .new-run-<pid>-<start ticks>}), given its marker, and only then renamed to its run name
 * (a rename is atomic). A process killed half-way leaves at most a staging directory whose name
 * names its dead creator and which holds nothing but (part of) a marker; the next start removes it.
 */
public final class RunDirectory implements AutoCloseable {
    /** Name of the marker file every run directory carries. */
    public static final String MARKER = "telar-run-owner";
    private static final Pattern NAME = Pattern.compile("run-\\d+-\\d+(\\.\\d+)?");
    /** A run directory being made: its creator's pid and start ticks, then the run's suffix. */
    private static final Pattern STAGING = Pattern.compile("\\.new-run-(\\d+)-(\\d+)(\\.\\d+)?");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_DIR =
            PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    /** A marker is two short lines; anything longer is not ours. */
    private static final int MARKER_MAX_BYTES = 256;
    private static final int STICKY = 01000;

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /**
     * Telar's own place when the settings name none: {@code $XDG_RUNTIME_DIR/telar} when that
     * runtime directory exists and is writable, else {@code <java.io.tmpdir>/telar-$USER}.
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
        return Path.of(System.getProperty("java.io.tmpdir", "/tmp"), "telar-" + user.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /**
     * Telar's own place inside a directory the user chose ({@code ipc.dir}): its subdirectory
     * {@code telar-<uid>}. The chosen directory itself is only read.
     */
    public static Path placeIn(Path chosen) {
        return chosen.resolve("telar-" + effectiveUid());
    }

    /**
     * Makes sure {@code place} is Telar's own: creates it (and missing parents) owner-only when
     * absent; when present, accepts it only as a real directory (not a symlink) owned by this
     * user with no permission for group or others, in a directory that others cannot write
     * (or that is sticky, as {@code /tmp} is). Changes nothing that exists.
     *
     * @return {@code place}
     * @throws UnsafePlaceException with a one-line message naming the problem and the fix
     */
    public static Path ensurePlace(Path place) {
        Path abs = place.toAbsolutePath();
        try {
            if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                Path up = abs.getParent();
                if (up != null && !Files.isDirectory(up)) {
                    Files.createDirectories(up, OWNER_ONLY_DIR);
                }
                try {
                    Files.createDirectory(abs, OWNER_ONLY_DIR);
                } catch (FileAlreadyExistsException raced) {
                    // made meanwhile (by another Telar or someone else): checked below like any other
                }
            }
        } catch (IOException e) {
            throw new UnsafePlaceException(abs, e, ProblemCode.PLACE_NOT_MADE, Problem.detail(e));
        }
        checkOwn(abs);
        return place;
    }

    private static void checkOwn(Path place) {
        try {
            BasicFileAttributes basic = Files.readAttributes(place, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (basic.isSymbolicLink()) {
                throw new UnsafePlaceException(place, ProblemCode.PLACE_SYMLINK);
            }
            if (!basic.isDirectory()) {
                throw new UnsafePlaceException(place, ProblemCode.PLACE_NOT_DIRECTORY);
            }
            int uid = (Integer) Files.getAttribute(place, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (uid != effectiveUid()) {
                throw new UnsafePlaceException(place, ProblemCode.PLACE_FOREIGN, uid, effectiveUid());
            }
            int mode = (Integer) Files.getAttribute(place, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if ((mode & 077) != 0) {
                throw new UnsafePlaceException(place, ProblemCode.PLACE_OPEN, String.format("%04o", mode & 07777));
            }
            Path up = place.getParent();
            if (up != null) {
                int upMode = (Integer) Files.getAttribute(up, "unix:mode");
                if ((upMode & 022) != 0 && (upMode & STICKY) == 0) {
                    throw new UnsafePlaceException(place, ProblemCode.PLACE_IN_OPEN, up);
                }
            }
        } catch (IOException e) {
            throw new UnsafePlaceException(place, e, ProblemCode.PLACE_UNCHECKED, Problem.detail(e));
        }
    }

    /**
     * Creates this process's run directory in Telar's own place {@code parent} (made or checked by
     * {@link #ensurePlace}), after removing the run directories of owners that are gone.
     *
     * @throws UnsafePlaceException when {@code parent} is not a place Telar can trust
     * @throws UncheckedIOException with a one-line message when the directory cannot be made
     */
    public static RunDirectory create(Path parent) {
        ensurePlace(parent);
        try {
            removeStale(parent);
            ProcessIdentity self = ProcessIdentity.current();
            String base = "run-" + self.pid() + "-" + self.startTicks();
            // Several runs of one process get suffixes so each has its own directory.
            for (int n = 0; ; n++) {
                String name = n == 0 ? base : base + "." + n;
                Path dir = parent.resolve(name);
                if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Path staging = parent.resolve(".new-" + name);
                try {
                    Files.createDirectory(staging, OWNER_ONLY_DIR);
                } catch (FileAlreadyExistsException taken) {
                    continue;
                }
                writeMarker(staging, self);
                try {
                    // rename(2) of a directory onto a missing name: the run directory appears whole
                    Files.move(staging, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException taken) {
                    deleteTree(staging);
                    continue;
                }
                return new RunDirectory(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run directory under " + parent + ": " + e.getMessage(), e);
        }
    }

    private static void writeMarker(Path dir, ProcessIdentity self) throws IOException {
        String text = self.text() + "\npidns " + ProcessIdentity.pidNamespace() + "\n";
        try (SeekableByteChannel out = Files.newByteChannel(dir.resolve(MARKER), Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), OWNER_ONLY_FILE)) {
            out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    /**
     * What a run directory's marker says: its owner and the PID namespace it ran in (0 when
     * unknown).
     */
    record Marker(ProcessIdentity owner, long pidNamespace) {
    }

    /** The marker of {@code dir}, read without following links; empty when there is no valid one. */
    static Optional<Marker> readMarker(Path dir) {
        Optional<String> text = OwnFile.readSmall(dir.resolve(MARKER), MARKER_MAX_BYTES);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String[] lines = text.get().split("\n");
        Optional<ProcessIdentity> owner = ProcessIdentity.parse(lines[0]);
        if (owner.isEmpty() || lines.length < 2 || !lines[1].startsWith("pidns ")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Marker(owner.get(), Long.parseLong(lines[1].substring(6).strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Removes the run directories in {@code parent} whose marker names an owner that has ended
     * (or whose pid now belongs to a process started at another time). Leaves everything else:
     * entries not named like a run directory, symlinks, other users' entries, directories without
     * a valid marker, and markers written in another PID namespace (their owners cannot be checked).
     *
     * @return the directories removed
     */
    public static List<Path> removeStale(Path parent) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
            return removed;
        }
        long namespace = ProcessIdentity.pidNamespace();
        int uid = effectiveUid();
        try (Stream<Path> entries = Files.list(parent)) {
            for (Path dir : (Iterable<Path>) entries::iterator) {
                if (removeDeadStaging(dir, uid)) {
                    removed.add(dir);
                    continue;
                }
                if (!NAME.matcher(dir.getFileName().toString()).matches()
                        || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                        || (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS) != uid) {
                    continue;
                }
                Optional<Marker> marker = readMarker(dir);
                if (marker.isEmpty() || (marker.get().pidNamespace() != namespace && namespace != 0)) {
                    continue;
                }
                if (!marker.get().owner().isAlive()) {
                    deleteTree(dir);
                    removed.add(dir);
                }
            }
        }
        return removed;
    }

    /**
     * Removes {@code dir} when it is a staging directory of ours whose creator (named by pid and
     * start ticks in its name) is dead and which holds nothing but a marker file: what a process
     * killed while making a run directory leaves.
     */
    private static boolean removeDeadStaging(Path dir, int uid) throws IOException {
        java.util.regex.Matcher m = STAGING.matcher(dir.getFileName().toString());
        if (!m.matches() || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                || (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS) != uid) {
            return false;
        }
        ProcessIdentity creator;
        try {
            creator = new ProcessIdentity(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        } catch (IllegalArgumentException e) {
            return false;
        }
        Optional<Marker> marker = readMarker(dir);
        long namespace = ProcessIdentity.pidNamespace();
        if (creator.isAlive() || marker.isPresent() && marker.get().pidNamespace() != namespace && namespace != 0) {
            return false;
        }
        try (Stream<Path> inside = Files.list(dir)) {
            if (!inside.allMatch(p -> p.getFileName().toString().equals(MARKER)
                    && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))) {
                return false;
            }
        }
        deleteTree(dir);
        return true;
    }

    private static volatile int uid = -1;

    /** This process's effective user id, from {@code /proc/self/status}. */
    public static int effectiveUid() {
        int u = uid;
        if (u < 0) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                    if (line.startsWith("Uid:")) {
                        u = Integer.parseInt(line.substring(4).strip().split("\\s+")[1]);
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot read this process's user id from /proc/self/status: " + e, e);
            }
            if (u < 0) {
                throw new IllegalStateException("no Uid line in /proc/self/status");
            }
            uid = u;
        }
        return u;
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

    /** Deletes {@code dir} and what is in it; symlinks inside are removed, never followed. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
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
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof NoSuchFileException)) {
                throw e.getCause();
            }
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
