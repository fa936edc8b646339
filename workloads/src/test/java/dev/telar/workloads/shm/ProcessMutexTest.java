package dev.telar.workloads.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.probe.ProcessIdentity;
import dev.telar.workloads.mechanism.ExchangeTargets;
import dev.telar.workloads.mechanism.NumberType;
import dev.telar.workloads.mechanism.SharedValue;
import dev.telar.workloads.proc.Child;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.words.ProcessWord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The process lock's word: exclusion, release checks, and taking over from a dead holder. */
class ProcessMutexTest {
    @TempDir
    Path dir;

    @Test
    void aLockHeldByADeadProcessIsTakenOverAndCounted() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (MappedFile region = MappedFile.map(dir.resolve("lock"), 64)) {
            ProcessMutex lock = new ProcessMutex(region, 0);
            region.put(0, ProcessWord.ofPid(gone.pid())); // as if that process had died holding it
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
        try (MappedFile region = MappedFile.map(dir.resolve("lock"), 64)) {
            ProcessMutex lock = new ProcessMutex(region, 0);
            long parent = ProcessHandle.current().parent().orElseThrow().pid();
            region.put(0, ProcessWord.ofPid(parent)); // a live process (the one that started this JVM)
            assertThat(lock.holder()).contains(parent);
            assertThat(lock.tryLock(Duration.ofMillis(50))).isFalse();
            assertThat(lock.recoveries()).isZero();
            region.put(0, 0);
        }
    }

    @Test
    void aLivePidWithAnotherStartTimeIsARecycledPidAndCountsAsDead() throws Exception {
        try (MappedFile region = MappedFile.map(dir.resolve("lock"), 64)) {
            ProcessMutex lock = new ProcessMutex(region, 0);
            ProcessIdentity parent = ProcessIdentity.of(ProcessHandle.current().parent().orElseThrow().pid()).orElseThrow();
            // The holder's pid now belongs to a live process started one tick later: not the holder.
            region.put(0, ProcessWord.of(new ProcessIdentity(parent.pid(), parent.startTicks() + 1)));
            assertThat(lock.tryLock(Duration.ofSeconds(10))).as("taken over from the recycled pid").isTrue();
            assertThat(lock.recoveries()).isEqualTo(1);
            lock.unlock();
        }
    }

    @Test
    @Timeout(60)
    void aChildJvmKilledWhileHoldingTheLockIsRecoveredFrom() throws Exception {
        Path file = dir.resolve("value");
        try (SharedValue v = SharedValue.create(file, NumberType.LONG, 0)) {
            Child holder = ChildLauncher.startTarget(ExchangeTargets.LockHolder.class, List.of(file.toString()));
            try {
                assertThat(holder.stdout().readLine()).isEqualTo("locked");
                assertThat(v.lock().holder()).contains(holder.pid());
                assertThat(v.lock().tryLock(Duration.ofMillis(50))).as("a live holder keeps it").isFalse();
                holder.kill(); // kill -9
                assertThat(holder.join(Duration.ofSeconds(20)).orElseThrow().signal()).isEqualTo(9);
                assertThat(v.lock().tryLock(Duration.ofSeconds(10))).as("taken over from the killed child").isTrue();
                assertThat(v.lock().recoveries()).isEqualTo(1);
                v.lock().unlock();
            } finally {
                holder.kill();
            }
        }
    }
}
