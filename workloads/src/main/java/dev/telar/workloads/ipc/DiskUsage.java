package dev.telar.workloads.ipc;

import dev.telar.probe.Kernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Disk use of a directory tree in bytes actually allocated (st_blocks × 512), which
 * is what memory-mapped, sparse Chronicle files cost, unlike their apparent size.
 */
public final class DiskUsage {
    private DiskUsage() {
    }

    /** Allocated bytes of all regular files under {@code root}; 0 when it does not exist. */
    public static long of(Path root) {
        if (!Files.exists(root)) {
            return 0;
        }
        long total = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                try {
                    if (Files.isRegularFile(p)) {
                        long allocated = Kernel.allocatedBytes(p);
                        total += allocated >= 0 ? allocated : Files.size(p);
                    }
                } catch (IOException e) {
                    // a file vanishing mid-walk counts as 0
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return total;
        }
        return total;
    }
}
