package dev.telar.workloads.remote.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.probe.ProcessIdentity;
import dev.telar.workloads.ipc.UnsafePlaceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Status files on this machine's file system: which a reader takes, which it ignores, and what a writer never touches. */
@Timeout(20)
class JobStatusFileTest {
    @TempDir
    Path tmp;

    private static final RunningJob JOB = new RunningJob(ProcessIdentity.current().pid(), "race", "race, 2 processes x 1000 increments",
            1_700_000_000_000L, Map.of("value", 1500.0));

    private static String name(ProcessIdentity who) {
        return "job-" + who.pid() + "-" + who.startTicks() + ".status";
    }

    /** A well-formed status file written by hand for {@code who}, owner-only like the writer's. */
    private static Path planted(Path dir, ProcessIdentity who) throws IOException {
        RunningJob job = new RunningJob(who.pid(), JOB.kind(), JOB.label(), JOB.startedAtMillis(), JOB.figures());
        Path file = Files.writeString(dir.resolve(name(who)), JobStatusFile.encode(job, who));
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** The identity of a process that has ended: a real child, waited for. */
    private static ProcessIdentity deadProcess() throws Exception {
        Process p = new ProcessBuilder("sleep", "0.2").start();
        ProcessIdentity who = ProcessIdentity.of(p.pid()).orElseThrow();
        assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(who.isAlive()).isFalse();
        return who;
    }

    @Test
    void aLiveWritersFileIsReadAndTheFilesOfDeadOrReusedPidsAreIgnoredThenRemovedByTheNextWriter() throws Exception {
        Path dir = tmp.resolve("jobs");
        try (JobStatusFile mine = JobStatusFile.open(dir)) {
            mine.write(JOB);
            assertThat(Files.readString(mine.path())).isEqualTo("telar-job 1\nowner " + ProcessIdentity.current().text()
                    + "\npidns " + ProcessIdentity.pidNamespace() + "\nkind race\nstarted 1700000000000\n"
                    + "label race, 2 processes x 1000 increments\nfigure value 1500\n");
            ProcessIdentity dead = deadProcess();
            Path ofDead = planted(dir, dead);
            ProcessIdentity self = ProcessIdentity.current();
            // this very pid, but another start time: the pid of a process that ended, now reused
            Path ofReused = planted(dir, new ProcessIdentity(self.pid(), self.startTicks() + 1));
            assertThat(JobStatusFile.readLive(dir)).containsExactly(JOB);

            // the next writer to open the place removes what dead writers left, and only that
            try (JobStatusFile again = JobStatusFile.open(dir)) {
                assertThat(Files.exists(ofDead)).isFalse();
                assertThat(Files.exists(ofReused)).isFalse();
                assertThat(Files.exists(mine.path())).isTrue();
            }
        }
    }

    @Test
    void aSymlinkOrAFileNotWrittenHereIsNeverFollowedReplacedNorDeleted() throws Exception {
        Path dir = tmp.resolve("jobs");
        JobStatusFile status = JobStatusFile.open(dir);
        Path target = Files.writeString(tmp.resolve("precious.txt"), "keep me\n");
        Files.createSymbolicLink(status.path(), target);
        assertThat(JobStatusFile.readLive(dir)).as("a symlink is not read").isEmpty();
        assertThatThrownBy(() -> status.write(JOB)).isInstanceOf(IOException.class)
                .hasMessage("job status file " + status.path() + " left alone: it is a symlink");
        status.remove();
        assertThat(Files.isSymbolicLink(status.path())).isTrue();
        assertThat(Files.readString(target)).isEqualTo("keep me\n");

        // a regular file under this writer's name that it did not write: not replaced, not deleted
        Files.delete(status.path());
        Path other = planted(dir, ProcessIdentity.current());
        assertThatThrownBy(() -> status.write(JOB)).hasMessageEndingWith("left alone: it was not written by this process");
        status.close();
        assertThat(Files.readString(other)).startsWith("telar-job 1\n");

        // a second hard link makes the file not ours to read or write
        Files.delete(other);
        status.write(JOB);
        Path link = Files.createLink(tmp.resolve("elsewhere"), status.path());
        assertThat(JobStatusFile.readLive(dir)).isEmpty();
        assertThatThrownBy(() -> status.write(JOB)).hasMessageEndingWith("left alone: it has other hard links");
        Files.delete(link);
        assertThat(JobStatusFile.readLive(dir)).containsExactly(JOB);
        status.close();
        assertThat(Files.exists(status.path(), LinkOption.NOFOLLOW_LINKS)).isFalse();

        // a place that is a symlink is refused outright, and read as empty
        Path real = Files.createDirectory(tmp.resolve("real"), java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        planted(real, ProcessIdentity.current());
        Path linked = Files.createSymbolicLink(tmp.resolve("linked"), real);
        assertThatThrownBy(() -> JobStatusFile.open(linked)).isInstanceOf(UnsafePlaceException.class);
        assertThat(JobStatusFile.readLive(linked)).isEmpty();
        assertThat(JobStatusFile.readLive(real)).hasSize(1);
    }

    @Test
    void aFileTooLongOrBadlyFormedOrNamedForAnotherWriterIsIgnored() throws Exception {
        Path dir = tmp.resolve("jobs");
        JobStatusFile.open(dir).close();
        Path mine = dir.resolve(name(ProcessIdentity.current()));
        Files.writeString(mine, "x".repeat(JobStatusFile.MAX_BYTES + 1));
        assertThat(JobStatusFile.readLive(dir)).isEmpty();
        Files.writeString(mine, JobStatusFile.encode(JOB, ProcessIdentity.current()).replace("kind race", "kind Race!"));
        assertThat(JobStatusFile.readLive(dir)).isEmpty();
        // the content names this process, the name another one: not taken as this process's
        ProcessIdentity self = ProcessIdentity.current();
        Files.delete(mine);
        Files.writeString(dir.resolve("job-1-" + self.startTicks() + ".status"), JobStatusFile.encode(JOB, self), StandardCharsets.UTF_8);
        assertThat(JobStatusFile.readLive(dir)).isEmpty();
    }
}
