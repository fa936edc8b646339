package dev.telar.workloads.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.ipc.DiskUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Journal files roll each second, go once read, and a writer stops at the disk cap. Clock set by the test. */
class DiskBoundsTest {
    @TempDir
    Path dir;

    private final SetTimeProvider clock = new SetTimeProvider(1_700_000_000_000L);

    private long journalFiles() throws Exception {
        try (Stream<Path> s = Files.list(Pipe.lane(dir, Pipe.Side.A).resolve("journal"))) {
            return s.filter(p -> p.toString().endsWith(".cq4")).count();
        }
    }

    @Test
    void filesReadByTheReaderAreDeletedOnceTheWriterMovedOn() throws Exception {
        Pipe.create(dir, ExchangeLimits.defaults(), clock);
        try (PipeEnd a = Pipe.open(dir, Pipe.Side.A, clock); PipeEnd b = Pipe.open(dir, Pipe.Side.B, clock)) {
            long next = 0;
            for (int second = 0; second < 4; second++) {
                for (int i = 0; i < 5_000; i++) {
                    a.send(next++, second);
                }
                clock.advanceMillis(1_000);
            }
            assertThat(journalFiles()).isEqualTo(4);
            for (long i = 0; i < next; i++) {
                assertThat(b.recv().key()).isEqualTo(i);
            }
            try (Lane lane = Lane.open(Pipe.lane(dir, Pipe.Side.A), clock)) {
                assertThat(lane.deletedFiles()).as("files of the first three seconds").isEqualTo(3);
            }
            assertThat(journalFiles()).isEqualTo(1);
        }
    }

    @Test
    void aWriterStopsAtTheDiskCapAndGoesOnOnceReadFilesAreDeleted() throws Exception {
        long cap = ExchangeLimits.MIN_DISK_CAP;
        Pipe.create(dir, new ExchangeLimits(10_000_000, cap), clock);
        try (PipeEnd a = Pipe.open(dir, Pipe.Side.A, clock); PipeEnd b = Pipe.open(dir, Pipe.Side.B, clock)) {
            long sent = 0;
            while (a.trySend(sent, 0)) {
                sent++;
                assertThat(sent).as("the cap stopped the writer").isLessThan(2_000_000);
            }
            assertThat(DiskUsage.of(dir)).isGreaterThan(cap).isLessThan(cap + (2L << 20));
            for (long i = 0; i < sent; i++) {
                assertThat(b.recv().key()).isEqualTo(i);
            }
            assertThat(a.trySend(sent, 0)).as("still over the cap: all in the current file").isFalse();
            clock.advanceMillis(1_000);
            assertThat(a.trySend(sent, 0)).as("a new file started, the read one deleted").isTrue();
            assertThat(DiskUsage.of(dir)).isLessThan(cap);
        }
    }
}
