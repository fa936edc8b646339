package dev.telar.workloads.sync.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.probe.ProcessIdentity;
import dev.telar.workloads.words.ProcessWord;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.sync.SyncLock;
import dev.telar.workloads.sync.SyncSemaphore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A primitive file whose creator died while creating it: the next opener notices the dead creator
 * (pid and start ticks) and initialises the file itself, instead of failing on it forever. A live
 * creator is waited for, and a file that is not Telar's is refused untouched.
 */
class HalfCreatedFileTest {
    private static final long SECOND = 1_000_000_000L;
    @TempDir
    Path dir;
    private Child child;

    @AfterEach
    void stopChild() throws InterruptedException {
        if (child != null) {
            child.kill();
            child.join(Duration.ofSeconds(5));
        }
    }

    /** A process that lived and is dead now (reaped), with the start ticks it had. */
    private static ProcessIdentity deadProcess() throws Exception {
        Process p = new ProcessBuilder("sleep", "60").start();
        ProcessIdentity id = ProcessIdentity.of(p.pid()).orElseThrow();
        p.destroyForcibly();
        p.waitFor();
        assertThat(id.isAlive()).isFalse();
        return id;
    }

    private static void writeLong(FileChannel ch, long offset, long value) throws IOException {
        ch.write(ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(0, value), offset);
    }

    private static void writeInt(FileChannel ch, long offset, int value) throws IOException {
        ch.write(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(0, value), offset);
    }

    private static long readLong(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
            ch.read(b, offset);
            return b.getLong(0);
        }
    }

    private static int readInt(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
            ch.read(b, offset);
            return b.getInt(0);
        }
    }

    /**
     * The file as a creator killed after writing the kind, the version and a first data word (the
     * lock's owner word, as a half-run init might) but before the magic leaves it.
     */
    @Test
    void aHeaderHalfWrittenByADeadCreatorIsClearedAndInitialisedByTheNextOpener() throws Exception {
        Path file = dir.resolve("x.lock");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeLong(ch, PrimitiveFile.OFF_CREATOR, ProcessWord.of(deadProcess()));
            writeInt(ch, PrimitiveFile.OFF_KIND, PrimitiveFile.Kind.LOCK.code);
            writeInt(ch, PrimitiveFile.OFF_VERSION, PrimitiveFile.VERSION);
            writeLong(ch, PrimitiveFile.DATA, 0x1234_5678L); // a stray owner word
        }
        long t0 = System.nanoTime();
        try (ProcessSync sync = new ProcessSync(dir)) {
            SyncLock lock = sync.lock("x");
            assertThat(System.nanoTime() - t0).as("ns until the dead creator was noticed").isLessThan(SECOND);
            assertThat(lock.isLocked()).as("the stray word was cleared").isFalse();
            assertThat(lock.tryAcquire()).isTrue();
            try (ProcessSync other = new ProcessSync(dir)) {
                assertThat(other.lock("x").isLocked()).as("a later opener finds the same, complete lock").isTrue();
            }
            lock.release();
        }
        assertThat(readInt(file, 0)).isEqualTo(PrimitiveFile.MAGIC);
        assertThat(readLong(file, PrimitiveFile.OFF_CREATOR))
                .isEqualTo(ProcessWord.self());
    }

    /** A creator killed between making the file and claiming it leaves an empty file. */
    @Test
    void anEmptyFileNobodyClaimedIsTakenOverAfterTheGrace() throws Exception {
        Files.createFile(dir.resolve("s.sem"));
        long t0 = System.nanoTime();
        try (ProcessSync sync = new ProcessSync(dir)) {
            SyncSemaphore s = sync.semaphore("s", 3);
            long took = System.nanoTime() - t0;
            assertThat(took).as("ns: waited the grace, not the whole open wait")
                    .isBetween(PrimitiveFile.UNCLAIMED_GRACE_NANOS, PrimitiveFile.OPEN_WAIT_NANOS);
            assertThat(s.available()).isEqualTo(3);
        }
    }

    /**
     * A real creator JVM stopped (by the test hook) after writing part of the header: while it
     * lives, an opener waits for it and then says who is still creating the file; once it is
     * killed with kill -9, the next opener recovers the file at once.
     */
    @Test
    @Timeout(60)
    void aCreatorKilledWhileWritingTheHeaderIsWaitedForWhileAliveAndRecoveredFromOnceDead() throws Exception {
        Path file = dir.resolve("x.lock");
        child = ChildLauncher.startTarget(StalledCreator.class, List.of(dir.toString(), "x"));
        long deadline = System.nanoTime() + 30 * SECOND;
        while (!(Files.exists(file) && Files.size(file) >= PrimitiveFile.DATA
                && readInt(file, PrimitiveFile.OFF_KIND) == PrimitiveFile.Kind.LOCK.code)) {
            assertThat(System.nanoTime()).as("the creator claimed the file and wrote its kind; %s", child.lastError())
                    .isLessThan(deadline);
            Thread.sleep(5);
        }
        assertThat(readLong(file, PrimitiveFile.OFF_CREATOR) >>> 42).isEqualTo(child.pid());
        assertThat(readInt(file, 0)).as("no magic yet").isZero();

        try (ProcessSync sync = new ProcessSync(dir)) {
            assertThatThrownBy(() -> sync.lock("x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(file + " is still being created by pid " + child.pid() + " after 5 s");
        }
        child.kill();
        assertThat(child.join(Duration.ofSeconds(10))).isPresent();
        long t0 = System.nanoTime();
        try (ProcessSync sync = new ProcessSync(dir)) {
            SyncLock lock = sync.lock("x");
            assertThat(System.nanoTime() - t0).as("ns until the killed creator was noticed").isLessThan(SECOND);
            lock.acquire();
            assertThat(lock.state().acquisitions()).isEqualTo(1);
            lock.release();
        }
    }

    /** Telar runs as root beside other people's files: a file that is not its own is neither waited for nor changed. */
    @Test
    void aFileThatIsNotTelarsIsRefusedAtOnceAndLeftUnchanged() throws Exception {
        Path file = dir.resolve("x.lock");
        byte[] content = "someone else's notes\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(file, content);
        long t0 = System.nanoTime();
        try (ProcessSync sync = new ProcessSync(dir)) {
            assertThatThrownBy(() -> sync.lock("x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(file + " is not a Telar synchronization file");
        }
        assertThat(System.nanoTime() - t0).isLessThan(SECOND);
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }
}
