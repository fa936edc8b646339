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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The one process lock, owned per process as the exchange uses it: release checks, sleeping waiters, interrupts, takeover from a dead holder. */
class ProcessMutexTest {
    @TempDir
    Path dir;

    @Test
    void aLockHeldByADeadProcessIsTakenOverAndCounted() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (MappedFile region = MappedFile.map(dir.resolve("lock"), 64)) {
            ProcessMutex lock = new ProcessMutex(region, 0);
            long dead = ProcessWord.ofPid(gone.pid());
            region.put(0, dead); // as if that process had died holding it
            assertThat(lock.holder()).contains(gone.pid());
            assertThat(lock.abandoned()).isFalse();
            assertThat(lock.tryLock()).as("a non-blocking try takes over from the dead holder too").isTrue();
            assertThat(lock.heldByCaller()).isTrue();
            assertThat(lock.recoveries()).isEqualTo(1);
            assertThat(lock.abandoned()).isTrue();
            assertThat(lock.lastDeadHolder()).isEqualTo(dead);
            assertThat(lock.markConsistent()).isTrue();
            assertThat(lock.abandoned()).isFalse();
            lock.unlock();
            assertThat(lock.markConsistent()).as("only the holder may").isFalse();

            region.put(0, dead); // again, now found by a waiter
            assertThat(lock.tryLock(Duration.ofSeconds(10))).as("taken over from the dead holder").isTrue();
            assertThat(lock.recoveries()).isEqualTo(2);
            assertThat(lock.acquisitions()).isEqualTo(2);
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
            assertThat(lock.abandoned()).isFalse();
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

    /**
     * A waiter that cannot get the lock sleeps on the futex, waking a few times a second at most
     * (a polling waiter would switch about a thousand times a second), and the unlock wakes it at
     * once rather than at the end of its sleep.
     */
    @Test
    void aWaiterSleepsUntilTheUnlockWakesIt() throws Exception {
        WakeWord.bind(); // not in the measured window
        try (MappedFile region = MappedFile.map(dir.resolve("lock"), 64)) {
            ProcessMutex lock = new ProcessMutex(region, 0);
            lock.lock();
            AtomicLong gotAt = new AtomicLong();
            Thread waiter = new Thread(() -> {
                lock.lock();
                gotAt.set(System.nanoTime());
                lock.unlock();
            }, "mutex-waiter");
            waiter.start();
            Thread.sleep(300); // past the spin and the first, short sleeps
            Path task = taskOf("mutex-waiter");
            long before = voluntarySwitches(task);
            Thread.sleep(500);
            long switches = voluntarySwitches(task) - before;
            assertThat(switches).as("wake-ups of the waiter in 500 ms").isLessThan(20);
            assertThat(gotAt.get()).as("the waiter got the lock while it was held").isZero();
            long released = System.nanoTime();
            lock.unlock();
            waiter.join(10_000);
            assertThat(gotAt.get() - released).as("ns from the unlock to the waiter's lock").isBetween(0L, 100_000_000L);
            assertThat(lock.acquisitions()).isEqualTo(2);
        }
    }

    @Test
    void anInterruptedWaiterStopsWaitingAndKeepsItsInterrupt() throws Exception {
        try (MappedFile region = MappedFile.map(dir.resolve("lock"), 64)) {
            ProcessMutex lock = new ProcessMutex(region, 0);
            lock.lock();
            AtomicReference<String> ending = new AtomicReference<>("still waiting");
            Thread waiter = new Thread(() -> {
                try {
                    lock.lock();
                    ending.set("got the lock");
                } catch (WaitInterruptedException e) {
                    ending.set("interrupted, flag " + Thread.currentThread().isInterrupted());
                }
            });
            waiter.start();
            Thread.sleep(100);
            waiter.interrupt();
            waiter.join(5_000);
            assertThat(ending.get()).isEqualTo("interrupted, flag true");
            assertThat(lock.heldByCaller()).isTrue();
            lock.unlock();
        }
    }

    /** The directory of this JVM's thread named {@code name} under /proc/self/task. */
    private static Path taskOf(String name) throws Exception {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).trim().equals(name);
                } catch (java.io.IOException gone) {
                    return false;
                }
            }).findFirst().orElseThrow();
        }
    }

    private static long voluntarySwitches(Path task) throws Exception {
        for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        throw new AssertionError("no voluntary_ctxt_switches in " + task);
    }
}
