package dev.telar.workloads.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import net.openhft.chronicle.core.Jvm;
import net.openhft.chronicle.core.onoes.ExceptionKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A queue consumer that sits out several journal rolls while another consumer takes everything and
 * deletes the files it read. The lagging one's tailer is then left in a deleted file; it must go
 * straight to the file holding its claim (found in the lane's roll table) instead of feeling its
 * way through Chronicle's listing of files. CI once saw such a consumer find nothing for 10 s.
 */
class LaggingReaderTest {
    @TempDir
    Path dir;

    @AfterEach
    void resetChronicleHandlers() {
        Jvm.resetExceptionHandlers();
    }

    @Test
    void aConsumerThatSatOutSeveralRollsReadsItsClaimsAndEachMessageIsTakenOnce() throws Exception {
        Path q = dir.resolve("q");
        SharedQueue.create(q, 1, ExchangeLimits.defaults());
        // Chronicle's warnings and errors, recorded instead of printed (the listing scan is an error).
        Map<ExceptionKey, Integer> chronicle = Jvm.recordExceptions(false, false, false);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        BitSet takenByEater = new BitSet();
        BitSet takenByLagger = new BitSet();
        long lagged;
        long written;
        long deleted;
        // Three opens: each role has its own Chronicle instances, as in separate processes.
        try (SharedQueue pq = SharedQueue.open(q); SharedQueue eq = SharedQueue.open(q);
             SharedQueue lq = SharedQueue.open(q)) {
            SharedQueue.Consumer lagger = lq.consumer();
            SharedQueue.Consumer eater = eq.consumer();
            SharedQueue.Producer producer = pq.producer();
            Thread writing = new Thread(() -> {
                try (producer) {
                    for (int i = 0; !stop.get(); i++) {
                        producer.put(i, i);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }, "lagging-test-producer");
            Thread eating = new Thread(() -> {
                try (eater) {
                    while (true) {
                        takenByEater.set((int) eater.take().key());
                    }
                } catch (ExchangeClosedException end) {
                    // every message taken
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }, "lagging-test-eater");
            writing.start();
            eating.start();
            Random random = new Random(5);
            long until = System.nanoTime() + 7_000_000_000L;
            long took = 0;
            while (System.nanoTime() < until) {
                Thread.sleep(300 + random.nextInt(1500)); // one or more rolls go by
                for (int k = 1 + random.nextInt(300); k > 0; k--) {
                    Packet m = lagger.poll();
                    if (m != null) {
                        assertThat(takenByLagger.get((int) m.key())).as("taken twice by the lagger").isFalse();
                        takenByLagger.set((int) m.key());
                        took++;
                    }
                }
            }
            stop.set(true);
            writing.join(10_000);
            eating.join(10_000);
            lagged = took;
            written = producer.written();
            deleted = eq.counters().deletedFiles();
            lagger.close();
        }
        assertThat(failure.get()).as("producer or eater failed").isNull();
        assertThat(written).as("written fits the test's bit sets").isLessThan(Integer.MAX_VALUE);
        assertThat(deleted).as("journal files deleted under the lagger").isGreaterThanOrEqualTo(2);
        assertThat(lagged).as("messages the lagger took").isPositive();
        assertThat(takenByEater.intersects(takenByLagger)).as("a message taken by both").isFalse();
        BitSet all = (BitSet) takenByEater.clone();
        all.or(takenByLagger);
        assertThat(all.cardinality()).as("messages taken").isEqualTo((int) written);
        assertThat(all.nextClearBit(0)).as("first message never taken").isEqualTo((int) written);
        assertThat(chronicle.keySet()).as("Chronicle warnings and errors (a scan past a deleted file is one)")
                .noneMatch(k -> String.valueOf(k.message()).contains("deleted from under the queue"));
    }
}
