package dev.telar.workloads.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.mechanism.Packet;
import dev.telar.workloads.mechanism.SharedQueue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exchange's process limit against the queue's capacity: as many producers as an experiment
 * may start processes all fit one queue (each child is one producer, the parent the one consumer),
 * so an accepted {@code --processes} never fails half-way for lack of a lane.
 */
class QueueCapacityTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void asManyProducersAsTheExchangeMayStartAllFitAndEveryMessageArrives() {
        int n = ExchangeSpec.MAX_PROCESSES;
        assertThat(n).as("the limit the CLI and the form offer").isEqualTo(64);
        Path q = dir.resolve("queue");
        SharedQueue.create(q, n, ExchangeLimits.defaults());
        Set<Long> keys = new HashSet<>();
        try (SharedQueue queue = SharedQueue.open(q); SharedQueue.Consumer consumer = queue.consumer()) {
            List<SharedQueue.Producer> producers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                producers.add(queue.producer());
            }
            for (int i = 0; i < n; i++) {
                producers.get(i).put(i, i * 0.5);
                producers.get(i).close();
            }
            assertThatThrownBy(queue::producer).isInstanceOf(IllegalStateException.class)
                    .hasMessage("a shared queue takes at most " + SharedQueue.MAX_PRODUCERS + " producers");
            while (!consumer.drained()) {
                Packet m = consumer.take(java.time.Duration.ofSeconds(10));
                if (m != null) {
                    assertThat(m.value()).isEqualTo(m.key() * 0.5);
                    assertThat(keys.add(m.key())).as("message %d taken twice", m.key()).isTrue();
                }
            }
        }
        assertThat(keys).hasSize(n);
    }
}
