package dev.telar.workloads.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real Chronicle Queue on disk, in this (Surefire) JVM: proves the Chronicle flags reach the tests. */
class QueueProbeTest {
    private Path dir;

    @BeforeEach
    void createDirectory() throws IOException {
        dir = Files.createTempDirectory("telar-queue-");
    }

    @AfterEach
    void deleteDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void thousandMessagesComeBackExactlyOnceInOrder() throws IOException {
        long[] read = QueueProbe.roundTrip(dir, 1000);

        assertThat(read).containsExactly(LongStream.range(0, 1000).toArray());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".cq4"))).isNotEmpty();
        }
    }

    @Test
    void emptyQueueReadsNothing() {
        assertThat(QueueProbe.roundTrip(dir, 0)).isEmpty();
    }

    @Test
    void jvmRunsWithTheChronicleFlagsFromThePom() {
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
                .contains("--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
                        "-Dchronicle.analytics.disable=true");
    }
}
