package dev.telar.workloads.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.ipc.Tmpfs;
import dev.telar.workloads.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every mechanism run on a tmpfs too small for it, in this JVM: the run ends FAILED with a
 * "disk full" reason, this JVM goes on (no SIGBUS, no stray InternalError), no child is left and
 * the run directory is gone. The sizes put the shortage where each mechanism first needs room.
 */
class DiskFullTest {
    @ParameterizedTest(name = "{0} on a {1} tmpfs: {2}")
    @CsvSource({
            "PIPE,  16k, the parent's journal",
            "QUEUE, 16k, each child's journal",
            "VALUE, 8k,  the start gate's mapped file",
            "ARRAY, 4k,  the start gate's mapped file",
            "DICT,  64k, the Chronicle Map file"})
    @Timeout(90)
    void aRunOnAFullDiskFailsWithDiskFullAndLeavesNothing(Mechanism mechanism, String size, String where)
            throws Exception {
        try (Tmpfs tmpfs = Tmpfs.mount(size)) {
            ExchangeSpec spec = new ExchangeSpec(mechanism, 2, 20_000_000L, 1, ExchangeLimits.defaults());
            ExchangeRun run = ExchangeExperiment.start(spec, tmpfs.path(), s -> { });
            ExchangeResult r = run.await(Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("run not ended"));

            assertThat(r.status()).as(r.message()).isEqualTo(RunResult.Status.FAILED);
            assertThat(r.message()).contains("disk full: ").doesNotContain("\n").doesNotContain("InternalError");
            assertThat(run.children()).noneMatch(c -> c.isAlive());
            try (Stream<Path> left = Files.list(tmpfs.path())) {
                assertThat(left).as("the run directory is removed").isEmpty();
            }
        }
        // Still here: this JVM survived. And it can still run a mechanism elsewhere.
        assertThat(Runtime.getRuntime().availableProcessors()).isPositive();
    }
}
