package dev.telar.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelTest {
    @TempDir
    Path dir;

    @Test
    void allocatedBytesSeesThroughSparseFiles() throws Exception {
        Path sparse = dir.resolve("sparse");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(64L * 1024 * 1024); // 64 MiB long, nothing written
        }
        Path dense = Files.write(dir.resolve("dense"), new byte[1024 * 1024]);
        assertThat(Kernel.allocatedBytes(sparse)).isLessThan(1024 * 1024);
        assertThat(Kernel.allocatedBytes(dense)).isGreaterThanOrEqualTo(1024 * 1024);
        assertThat(Kernel.allocatedBytes(dir.resolve("missing"))).isEqualTo(-1);
    }

    @Test
    void parentPidIsTheJvmsParent() {
        assertThat((long) Kernel.parentPid()).isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
    }
}
