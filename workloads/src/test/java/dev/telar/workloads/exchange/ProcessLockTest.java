package dev.telar.workloads.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process lock's word: exclusion, release checks, and taking over from a dead holder. */
class ProcessLockTest {
    @TempDir
    Path dir;

    @Test
    void aLockHeldByADeadProcessIsTakenOverAndCounted() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (MappedRegion region = MappedRegion.map(dir.resolve("lock"), 64)) {
            ProcessLock lock = new ProcessLock(region, 0);
            region.put(0, gone.pid()); // as if that process had died holding it
            assertThat(lock.holder()).contains(gone.pid());
            assertThat(lock.tryLock()).isFalse();
            assertThat(lock.tryLock(Duration.ofSeconds(10))).as("taken over from the dead holder").isTrue();
            assertThat(lock.heldByThisProcess()).isTrue();
            assertThat(lock.recoveries()).isEqualTo(1);
            lock.unlock();
            assertThat(lock.holder()).isEmpty();
            assertThatThrownBy(lock::unlock).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not held by this process");
        }
    }

    @Test
    void aLiveHolderKeepsIt() throws Exception {
        try (MappedRegion region = MappedRegion.map(dir.resolve("lock"), 64)) {
            ProcessLock lock = new ProcessLock(region, 0);
            long parent = ProcessHandle.current().parent().orElseThrow().pid();
            region.put(0, parent); // a live process (the one that started this JVM)
            assertThat(lock.tryLock(Duration.ofMillis(50))).isFalse();
            assertThat(lock.recoveries()).isZero();
            region.put(0, 0);
        }
    }
}
