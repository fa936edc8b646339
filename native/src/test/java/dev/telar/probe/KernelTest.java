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

    /**
     * A 64 MiB file with 8 KiB written is counted at what it occupies by every way of asking the
     * kernel, so a libc without stat (glibc before 2.33) still sees through sparse journals.
     */
    @Test
    void everyBlocksPathCountsASparseFileAtItsAllocatedSize() throws Exception {
        Path sparse = dir.resolve("journal");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(64L * 1024 * 1024);
            f.write(new byte[8192]);
            f.getFD().sync();
        }
        for (Kernel.BlocksPath path : Kernel.BLOCKS_ORDER) {
            long bytes = Kernel.allocatedBytes(sparse, path);
            if (path == Kernel.BlocksPath.XSTAT && bytes == Kernel.UNAVAILABLE) {
                continue; // glibc 2.33+ keeps __xstat only for old binaries; the others must answer
            }
            assertThat(bytes).as(path.name()).isBetween(8192L, 1024L * 1024);
            assertThat(Kernel.allocatedBytes(dir.resolve("missing"), path)).as(path.name()).isEqualTo(-1);
        }
        assertThat(Kernel.allocatedBytes(sparse, Kernel.BlocksPath.STATX))
                .isEqualTo(Kernel.allocatedBytes(sparse, Kernel.BlocksPath.SYSCALL_STATX))
                .isEqualTo(Kernel.allocatedBytes(sparse, Kernel.BlocksPath.STAT));
    }

    @Test
    void parentPidIsTheJvmsParent() {
        assertThat((long) Kernel.parentPid()).isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
    }
}
