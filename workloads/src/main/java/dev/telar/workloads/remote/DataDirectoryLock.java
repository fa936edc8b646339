package dev.telar.workloads.remote;

import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One manager's hold on its data directory: an exclusive OS lock on {@value #FILE_NAME} in it,
 * taken before ZooKeeper reads or purges anything there and kept until {@link #close()}. A second
 * manager on the same directory would replay, write and purge the first one's transaction logs
 * and snapshots under its feet. The OS lets go of the lock when the holding process dies, however
 * it dies, so a killed manager never blocks the next one. The file holds the holder's pid, to name
 * it in the refusal; it stays after close (deleting it would let a process still opening the old
 * file lock a different one from the next manager's).
 */
final class DataDirectoryLock implements AutoCloseable {
    /** The lock file's name in the data directory. */
    static final String FILE_NAME = "telar-manager.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dataDirectory} (which must exist) without waiting.
     *
     * @throws ProblemException {@link ProblemCode#MANAGER_DATA_IN_USE} when another manager holds it,
     *                          in this process or another
     * @throws IOException      when the lock file cannot be opened or written
     */
    static DataDirectoryLock take(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null; // another manager of this JVM holds it
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new ProblemException(Problem.of(ProblemCode.MANAGER_DATA_IN_USE, dataDirectory.toString(), holder));
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        return new DataDirectoryLock(channel, lock);
    }

    /** The pid the holder wrote, "?" when there is none yet (it is between locking and writing). */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer read = ByteBuffer.allocate(32);
        channel.read(read, 0);
        String pid = new String(read.array(), 0, read.position(), StandardCharsets.US_ASCII).trim();
        return pid.matches("[0-9]+") ? pid : "?";
    }

    /** Lets the next manager in; the file stays. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
