package dev.telar.tui.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * The log file as slf4j-simple writes it, kept within its size while Telar runs: a manager, an
 * agent or a dashboard left open for weeks would otherwise fill the disk (a manager that is down
 * costs every agent a stack trace a second). Bytes are appended, never through a symbolic link.
 * On each flush, which slf4j-simple makes once per whole event (line and stack trace), a file of
 * {@code rollBytes} or more is moved to {@code <name>.1} with the checks of the start-time move
 * ({@link LogSetup#rollIfLarge}: a regular file only, never onto a link or another user's file),
 * and writing goes on in a fresh file at the name. Rolling between events, never inside one, keeps
 * every line whole and in one file. Another Telar process that moved the shared file aside is
 * noticed the same way (the file this stream holds is then the large {@code .1}), and this stream
 * moves on to the new file too.
 *
 * <p>When the name cannot be reopened safely (a link or another user's file planted there), the
 * stream keeps the file it has: a log line is worth more than the cap, and no link is followed.
 */
final class RollingLogOutput extends OutputStream {
    private final Path file;
    private final long rollBytes;
    private FileChannel channel;
    /** The identity (device and inode) of the file {@link #channel} writes. */
    private Object opened;

    private RollingLogOutput(Path file, long rollBytes, FileChannel channel, Object opened) {
        this.file = file;
        this.rollBytes = rollBytes;
        this.channel = channel;
        this.opened = opened;
    }

    /**
     * Opens {@code file} for appending (created owner-only when absent, no link followed); the
     * file itself was checked just before by {@link LogSetup#writable}.
     *
     * @param rollBytes size in bytes from which the file is moved aside at the next flush
     * @throws IOException when the file cannot be opened
     */
    static RollingLogOutput open(Path file, long rollBytes) throws IOException {
        Path abs = file.toAbsolutePath();
        FileChannel channel = openAppending(abs);
        try {
            return new RollingLogOutput(abs, rollBytes, channel,
                    Files.readAttributes(abs, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** {@code file} opened for appending, created owner-only when absent, never through a link (also {@link LogSetup}'s check). */
    static FileChannel openAppending(Path file) throws IOException {
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    /** The identity of the file at {@code file}, checked as {@link LogSetup#problem} checks a log path. */
    private static Object identityIfSafe(Path file) throws IOException {
        String problem = LogSetup.problem(file);
        if (problem != null) {
            throw new IOException(file + ": " + problem);
        }
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Moves the file aside when it has reached the size, and follows the name to a fresh file. */
    @Override
    public synchronized void flush() {
        try {
            if (channel.size() < rollBytes) {
                return; // the usual case: one fstat a flush
            }
            LogSetup.rollIfLarge(file, rollBytes); // does nothing when the file at the name is already a fresh one
            Object atName = Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    ? Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey() : null;
            if (!Objects.equals(atName, opened)) {
                FileChannel fresh = openAppending(file);
                try {
                    Object identity = identityIfSafe(file);
                    channel.close();
                    channel = fresh;
                    opened = identity;
                } catch (IOException | RuntimeException refused) {
                    fresh.close();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Keep writing where we are: the line matters more than the cap (see the class comment).
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
