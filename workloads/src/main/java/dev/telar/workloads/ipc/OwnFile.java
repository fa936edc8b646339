package dev.telar.workloads.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The checks Telar makes before it reads, replaces or deletes a small file of its own (a run
 * directory's marker, the log, a job status file): every look is made without following links,
 * so a symlink planted under the file's name is refused, never followed.
 */
public final class OwnFile {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private OwnFile() {
    }

    /**
     * Why {@code file} is not this user's own file, or null when it is absent or this user's
     * regular file with a single link (a second link would let a write or delete reach a file
     * elsewhere). Looked at without following links.
     */
    public static String problem(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
            return "it is a symlink";
        }
        if (!a.isRegularFile()) {
            return "it is not a regular file";
        }
        int owner = (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int me = RunDirectory.effectiveUid();
        if (owner != me) {
            return "it belongs to uid " + owner + ", not to this user (uid " + me + ")";
        }
        if ((Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS) > 1) {
            return "it has other hard links";
        }
        return null;
    }

    /**
     * The text of a small regular file, read without following links; empty when it is absent, not
     * a regular file, or longer than {@code maxBytes} (then it is not one of Telar's small files).
     */
    public static Optional<String> readSmall(Path file, int maxBytes) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile() || a.size() > maxBytes) {
                return Optional.empty();
            }
            ByteBuffer buf = ByteBuffer.allocate(maxBytes + 1);
            try (SeekableByteChannel in = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                while (buf.hasRemaining() && in.read(buf) > 0) {
                    // read it all: the size was checked, but it may have grown since
                }
            }
            return buf.position() > maxBytes ? Optional.empty()
                    : Optional.of(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Puts {@code data} under {@code file}'s name whole: written to {@code temp} (created new,
     * owner-only, never through a link), then renamed over {@code file} (a rename replaces the
     * name, it never follows what the name pointed to). A reader sees the old text or the new one,
     * never part of one. The caller checks first that {@code file} is its own ({@link #problem}).
     *
     * @return the file's key (inode), to tell later that the file is still the one written here
     */
    public static Object replace(Path file, Path temp, byte[] data) throws IOException {
        // CREATE_NEW: anything already under the temp name (not ours) makes the write fail, untouched.
        SeekableByteChannel out = Files.newByteChannel(temp, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), OWNER_ONLY);
        try {
            try (out) {
                ByteBuffer b = ByteBuffer.wrap(data);
                while (b.hasRemaining()) {
                    out.write(b);
                }
            }
            Object key = Files.readAttributes(temp, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return key;
        } catch (IOException e) {
            Files.deleteIfExists(temp); // made just above by this call: ours to remove
            throw e;
        }
    }

    /**
     * Deletes {@code file} only when it is still the file whose key {@link #replace} returned: a
     * file put there by anyone else since is left alone.
     *
     * @return true when it was deleted
     */
    public static boolean deleteIfSame(Path file, Object key) throws IOException {
        if (key == null || problem(file) != null || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!key.equals(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey())) {
            return false;
        }
        Files.delete(file);
        return true;
    }
}
