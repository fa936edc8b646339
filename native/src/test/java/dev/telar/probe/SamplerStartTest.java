package dev.telar.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How soon the sampler's first loads come, and what a listener added late receives. */
class SamplerStartTest {
    /** The first loads come a tenth of a second after the first sample, not a whole interval later. */
    @Test
    void theFirstLoadsComeAboutATenthOfASecondAfterStart() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        long started = System.nanoTime();
        long[] publishedAfter = new long[1];
        try (Sampler sampler = new Sampler(Probe::live, Sampler.MAX_INTERVAL_MS)) {
            sampler.subscribe(s -> {
                publishedAfter[0] = (System.nanoTime() - started) / 1_000_000;
                first.countDown();
            });
            sampler.start();
            assertThat(first.await(5, TimeUnit.SECONDS)).as("a first snapshot").isTrue();
            SystemSnapshot s = sampler.latest();
            // Counted from the first reading: at least the first interval, never a whole (10 s) one.
            assertThat(s.intervalMillis()).isBetween(Sampler.FIRST_INTERVAL_MS, Sampler.FIRST_INTERVAL_MS + 900);
            assertThat(publishedAfter[0]).isLessThan(2000);
            assertThat(s.cores()).allSatisfy(c -> assertThat(c.busyPct()).isBetween(0.0, 100.0));
        }
    }

    @Test
    void aListenerAddedLateGetsTheNewestSnapshotOnceThenEveryLaterOne() throws Exception {
        try (Sampler sampler = new Sampler(Probe::live, Sampler.MIN_INTERVAL_MS)) {
            sampler.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (sampler.latest() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(sampler.latest()).as("a first snapshot").isNotNull();
            List<Long> seen = new CopyOnWriteArrayList<>();
            CountDownLatch three = new CountDownLatch(3);
            sampler.subscribeFromLatest(s -> {
                seen.add(s.sequence());
                three.countDown();
            });
            assertThat(seen).as("the newest one, handed over at once").hasSizeGreaterThanOrEqualTo(1);
            assertThat(three.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i)).as("snapshot %d after %d", i, i - 1).isEqualTo(seen.get(i - 1) + 1);
            }
        }
    }
}
