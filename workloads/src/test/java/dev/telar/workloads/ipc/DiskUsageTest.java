package dev.telar.workloads.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskUsageTest {
    @TempDir
    Path dir;

    /** A sparse 64 MiB journal with a few KiB written costs what du says, not 64 MiB. */
    @Test
    void countsASparseFileAsDuDoes() throws Exception {
        Path journal = dir.resolve("run").resolve("20261204.cq4");
        Files.createDirectories(journal.getParent());
        try (RandomAccessFile f = new RandomAccessFile(journal.toFile(), "rw")) {
            f.setLength(64L << 20);
            f.write(new byte[12 * 1024]);
            f.seek(32L << 20);
            f.write(new byte[4096]);
            f.getFD().sync();
        }
        Files.write(dir.resolve("run").resolve("metadata.cq4t"), new byte[65536]);

        long counted = DiskUsage.of(dir.resolve("run"));
        long du = du(dir.resolve("run"));
        long block = 4096;
        assertThat(counted).isLessThan(1L << 20);
        // du also counts the directory itself (one block on most file systems)
        assertThat(Math.abs(counted - du)).isLessThanOrEqualTo(4 * block);
    }

    private static long du(Path path) throws Exception {
        Process p = new ProcessBuilder("du", "-s", "--block-size=1", path.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return Long.parseLong(out.split("\\s+")[0]);
    }
}
