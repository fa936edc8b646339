package dev.telar.workloads.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real file-system errors, raised by real calls on a directory of the test's own, in plain words. */
@Timeout(10)
class IoWordsTest {
    @TempDir
    Path dir;

    @Test
    void aFileThatExistsAlreadyIsSaidSo() throws IOException {
        Path file = Files.createFile(dir.resolve("taken"));
        Throwable e = catchThrowable(() -> Files.createDirectory(file));
        assertThat(IoWords.of(e)).contains(file + ": exists already");
        assertThat(Problem.detail(e)).isEqualTo(file + ": exists already").doesNotContain("Exception");
    }

    @Test
    void aMissingParentIsSaidSo() {
        Path deep = dir.resolve("absent").resolve("child");
        Throwable e = catchThrowable(() -> Files.createDirectory(deep));
        assertThat(IoWords.of(e)).contains(deep + ": no such file or directory");
    }

    @Test
    void aFullDirectoryIsSaidToBeNotEmpty() throws IOException {
        Path full = Files.createDirectory(dir.resolve("full"));
        Files.createFile(full.resolve("one"));
        Throwable e = catchThrowable(() -> Files.delete(full));
        assertThat(IoWords.of(e)).contains(full + ": directory not empty");
    }

    @Test
    void theSystemsOwnReasonIsKeptAndOtherErrorsAreNotWordedHere() {
        assertThat(IoWords.of(new java.nio.file.FileSystemException("/x", null, "Read-only file system")))
                .contains("/x: Read-only file system");
        assertThat(IoWords.of(new IllegalStateException("boom"))).isEmpty();
    }
}
