package dev.telar.workloads.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
    @TempDir
    Path parent;

    @Test
    void isOwnerOnlyAndGoneAfterClose() throws Exception {
        Path dir;
        try (RunDirectory run = RunDirectory.create(parent)) {
            dir = run.path();
            Files.writeString(run.resolve("queue.cq4"), "x".repeat(10_000));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(parent))).isEqualTo("rwx------");
            assertThat(run.bytesOnDisk()).isGreaterThanOrEqualTo(10_000);
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void aLaterStartRemovesDirectoriesOfDeadOwnersOnly() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        long deadPid = gone.pid();
        gone.waitFor();
        Path stale = Files.createDirectories(parent.resolve("run-" + deadPid + "-1000"));
        Files.writeString(stale.resolve("data"), "left behind");
        // A live pid whose start time does not match is a reused pid: stale as well.
        Path reused = Files.createDirectories(parent.resolve("run-" + ProcessHandle.current().pid() + "-1000"));
        Path unrelated = Files.createDirectories(parent.resolve("notes"));

        try (RunDirectory run = RunDirectory.create(parent)) {
            assertThat(stale).doesNotExist();
            assertThat(reused).doesNotExist();
            assertThat(unrelated).exists();
            // A second run of this live process gets its own directory and keeps the first.
            try (RunDirectory second = RunDirectory.create(parent)) {
                assertThat(second.path()).isNotEqualTo(run.path());
                assertThat(run.path()).exists();
            }
        }
        assertThat(RunDirectory.removeStale(parent)).isEqualTo(List.of());
    }

    @Test
    void defaultParentPrefersTheRuntimeDirectory() {
        assertThat(RunDirectory.defaultParent(Map.of("XDG_RUNTIME_DIR", parent.toString())))
                .isEqualTo(parent.resolve("telar"));
        assertThat(RunDirectory.defaultParent(Map.of("XDG_RUNTIME_DIR", "/nonexistent", "USER", "ana")).getFileName())
                .hasToString("telar-ana");
    }
}
