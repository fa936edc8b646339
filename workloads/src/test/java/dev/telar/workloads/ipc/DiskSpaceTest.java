package dev.telar.workloads.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.probe.Kernel;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.MappedBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Disk-full handling on a real, tiny tmpfs. */
class DiskSpaceTest {
    @Test
    @Timeout(30)
    void reservingBlocksFailsWithDiskFullInsteadOfAFaultLater() throws Exception {
        try (Tmpfs tmpfs = Tmpfs.mount("8k")) {
            Path first = tmpfs.path().resolve("first");
            DiskSpace.reserve(first, 8192);
            assertThat(Kernel.allocatedBytes(first)).isEqualTo(8192);
            assertThat(Files.size(first)).isEqualTo(8192);

            Path second = tmpfs.path().resolve("second");
            assertThatThrownBy(() -> DiskSpace.reserve(second, 256)).isInstanceOf(DiskFullException.class)
                    .extracting(e -> ((DiskFullException) e).problem())
                    .isEqualTo(Problem.of(ProblemCode.DISK_FULL_NO_ROOM, "second", "256 B", tmpfs.path(), "0 B"));
            // A file whose blocks are all there opens on a full disk as well (a child mapping the
            // parent's file must not fail for space it does not need).
            DiskSpace.reserve(first, 8192);
            assertThatThrownBy(() -> DiskSpace.require(tmpfs.path(), 4096, ProblemCode.DISK_FULL_JOURNAL, "a-to-b"))
                    .isInstanceOf(DiskFullException.class)
                    .extracting(e -> ((DiskFullException) e).problem())
                    .isEqualTo(Problem.of(ProblemCode.DISK_FULL_JOURNAL, "a-to-b", tmpfs.path(), "0 B", "4 KiB"));
        }
    }

    /**
     * What the reservations prevent, done on purpose: a sparse mapped file written past the free
     * space faults. The JVM survives it as an InternalError, which is recognised as a full disk.
     */
    @Test
    @Timeout(30)
    void aWriteFaultInAMappedFileIsRecognisedAsDiskFull() throws Exception {
        try (Tmpfs tmpfs = Tmpfs.mount("64k")) {
            Path file = tmpfs.path().resolve("sparse");
            Throwable fault = null;
            MappedBytes bytes = MappedBytes.singleMappedBytes(file.toFile(), 1L << 20);
            try {
                for (long i = 0; i < (1L << 20) / 8; i++) {
                    bytes.writeLong(i * 8, i);
                }
            } catch (InternalError e) {
                fault = e;
            } finally {
                bytes.releaseLast();
            }
            assertThat(fault).as("1 MiB written into a 64 KiB tmpfs must fault").isNotNull();
            assertThat(DiskSpace.reason(fault)).hasValueSatisfying(r -> {
                assertThat(r.code()).isEqualTo(ProblemCode.DISK_FULL_MAPPED_WRITE);
                assertThat(r.args().get(0)).contains("unsafe memory access").doesNotContain("\n");
            });
        }
    }
}
