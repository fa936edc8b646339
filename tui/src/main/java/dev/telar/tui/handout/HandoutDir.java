package dev.telar.tui.handout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The directory a handout goes to, and its rules. Telar replaces only files it wrote there before
 * (their names are kept in {@value #MANIFEST}); any other file of the same name stops the handout
 * before anything runs. Files are made in a hidden staging directory inside it and moved into place
 * only once all of them are complete, so a failure or Ctrl-C leaves the directory as it was: the
 * staging directory is removed, and so is the directory itself when Telar made it and it is still empty.
 *
 * <p>{@link #discard} may be called from a shutdown hook while the owner thread works: both are
 * synchronized.
 */
public final class HandoutDir {
    /** The file listing what Telar wrote in the directory, one name a line. */
    public static final String MANIFEST = ".telar-handout";

    private final Path dir;
    private final boolean made;
    private final List<String> names;
    private Path staging;
    private boolean finished;

    /** Why a directory cannot take the handout: a text key of the bundles and the path it names. */
    public static final class Refused extends Exception {
        private final String key;
        private final Path path;

        Refused(String key, Path path) {
            super(key + ": " + path);
            this.key = key;
            this.path = path;
        }

        /** The key of the one-line message ({@code cli.handout.*}, one {@code %s}: the path). */
        public String key() {
            return key;
        }

        public Path path() {
            return path;
        }
    }

    private HandoutDir(Path dir, boolean made, List<String> names, Path staging) {
        this.dir = dir;
        this.made = made;
        this.names = List.copyOf(names);
        this.staging = staging;
    }

    /**
     * Checks {@code dir} for a handout of files {@code names} and makes its staging directory (the
     * test that the directory is writable). Makes {@code dir} when it does not exist yet.
     *
     * @throws Refused when it is no directory, cannot be written, or holds one of {@code names} that
     *                 Telar did not write
     */
    public static HandoutDir open(Path dir, List<String> names) throws Refused {
        Path abs = dir.toAbsolutePath().normalize();
        boolean made = false;
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new Refused("cli.handout.notdir", dir);
        }
        if (!Files.exists(abs)) {
            try {
                Files.createDirectory(abs);
                made = true;
            } catch (IOException e) {
                throw new Refused("cli.handout.notwritable", dir);
            }
        }
        TreeSet<String> ours = manifest(abs);
        for (String name : names) {
            if (Files.exists(abs.resolve(name)) && !ours.contains(name)) {
                removeIfMade(abs, made);
                throw new Refused("cli.handout.foreign", abs.resolve(name));
            }
        }
        try {
            Path staging = Files.createTempDirectory(abs, MANIFEST + "-");
            return new HandoutDir(abs, made, names, staging);
        } catch (IOException | UnsupportedOperationException e) {
            removeIfMade(abs, made);
            throw new Refused("cli.handout.notwritable", dir);
        }
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** Where the files are made before {@link #commit}: a file of the names goes to {@code staging().resolve(name)}. */
    public synchronized Path staging() {
        if (staging == null) {
            throw new IllegalStateException("the handout directory was already committed or discarded");
        }
        return staging;
    }

    /**
     * Moves every staged file of the names into the directory (a name not made is skipped),
     * replacing only Telar's own, and records their names; removes the staging directory.
     *
     * @throws IOException when nothing was made, a file of another
     *                     author appeared meanwhile, or a move failed
     */
    public synchronized void commit() throws IOException {
        Path from = staging();
        TreeSet<String> ours = manifest(dir);
        List<String> made = new ArrayList<>();
        for (String name : names) {
            if (!Files.isRegularFile(from.resolve(name))) {
                continue;
            }
            if (Files.exists(dir.resolve(name)) && !ours.contains(name)) {
                throw new IOException(dir.resolve(name) + " appeared meanwhile and Telar did not write it");
            }
            made.add(name);
        }
        if (made.isEmpty()) {
            throw new NoSuchFileException(from.toString(), null, "nothing was made");
        }
        // The names first: a file moved in is Telar's even if a later move fails.
        ours.addAll(made);
        Path list = from.resolve(MANIFEST);
        Files.write(list, ours, StandardCharsets.UTF_8);
        readable(list);
        Files.move(list, dir.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        for (String name : made) {
            Path file = from.resolve(name);
            readable(file);
            Files.move(file, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.deleteIfExists(from);
        staging = null;
        finished = true;
    }

    /**
     * Removes the staging directory and what is in it, and the directory itself when Telar made it
     * and nothing else is there. Does nothing after {@link #commit}; safe to call twice.
     */
    public synchronized void discard() {
        if (finished) {
            return;
        }
        finished = true;
        if (staging != null) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
                for (Path f : files) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(staging);
            } catch (IOException | UncheckedIOException e) {
                // Best effort on the way out: what could not be removed is Telar's hidden directory, named.
            }
            staging = null;
        }
        removeIfMade(dir, made);
    }

    private static void removeIfMade(Path dir, boolean made) {
        if (made) {
            try {
                Files.deleteIfExists(dir); // only when empty: a non-empty directory is refused
            } catch (IOException notEmpty) {
                // something else is there now: it stays
            }
        }
    }

    /** Made files are private to their owner; a handout to share is readable like any other file. */
    private static void readable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // the file system's own default stands
        }
    }

    /** The names Telar wrote in {@code dir} before (empty when it never did). */
    private static TreeSet<String> manifest(Path dir) {
        Path list = dir.resolve(MANIFEST);
        TreeSet<String> out = new TreeSet<>();
        if (Files.isRegularFile(list)) {
            try {
                for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.contains("/")) {
                        out.add(line.strip());
                    }
                }
            } catch (IOException unreadable) {
                // An unreadable list proves nothing: every file is treated as someone else's.
            }
        }
        return out;
    }
}
