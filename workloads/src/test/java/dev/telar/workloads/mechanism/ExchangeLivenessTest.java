package dev.telar.workloads.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.probe.ProcessIdentity;
import dev.telar.workloads.shm.MappedFile;
import dev.telar.workloads.words.ProcessWord;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queue consumers and lane writers are named by pid and start time: a slot naming a live pid that
 * started at another time (a recycled pid) or a dead pid counts as gone.
 */
class ExchangeLivenessTest {
    @TempDir
    Path dir;

    private static ProcessIdentity parent() {
        return ProcessIdentity.of(ProcessHandle.current().parent().orElseThrow().pid()).orElseThrow();
    }

    @Test
    void aConsumerSlotNamingARecycledOrDeadPidIsNotAlive() throws Exception {
        Path q = dir.resolve("q");
        SharedQueue.create(q, 1, ExchangeLimits.defaults());
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (SharedQueue queue = SharedQueue.open(q); SharedQueue.Consumer c = queue.consumer();
             MappedFile control = MappedFile.map(q.resolve("control"), 4096)) {
            assertThat(queue.counters().consumersAlive()).as("this JVM").isEqualTo(1);
            ProcessIdentity parent = parent();
            control.putVolatile(SharedQueue.SLOTS, ProcessWord.of(new ProcessIdentity(parent.pid(), parent.startTicks() + 1)));
            assertThat(queue.counters().consumersAlive()).as("live pid, other start time").isZero();
            control.putVolatile(SharedQueue.SLOTS, ProcessWord.ofPid(gone.pid()));
            assertThat(queue.counters().consumersAlive()).as("dead pid").isZero();
            control.putVolatile(SharedQueue.SLOTS, ProcessWord.of(parent));
            assertThat(queue.counters().consumersAlive()).as("the live parent").isEqualTo(1);
            control.putVolatile(SharedQueue.SLOTS, ProcessWord.self());
        }
    }

    @Test
    void aLaneOwnerNamingARecycledPidIsNotAlive() throws Exception {
        Path q = dir.resolve("q");
        SharedQueue.create(q, 1, ExchangeLimits.defaults());
        try (SharedQueue queue = SharedQueue.open(q); SharedQueue.Producer p = queue.producer();
             MappedFile control = MappedFile.map(q.resolve("control"), 4096)) {
            p.put(1, 1);
            assertThat(queue.counters().producersAlive()).isEqualTo(1);
            ProcessIdentity parent = parent();
            control.putVolatile(SharedQueue.OWNERS, ProcessWord.of(new ProcessIdentity(parent.pid(), parent.startTicks() + 1)));
            assertThat(queue.counters().producersAlive()).as("live pid, other start time").isZero();
            assertThat(queue.writtenByProducerPid()).containsKey(parent.pid());
            control.putVolatile(SharedQueue.OWNERS, ProcessWord.self());
            assertThat(queue.counters().producersAlive()).isEqualTo(1);
        }
    }
}
