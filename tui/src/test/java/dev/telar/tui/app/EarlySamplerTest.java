package dev.telar.tui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.probe.Sampler;
import dev.telar.probe.SystemSnapshot;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EarlySamplerTest {
    /** The dashboard takes over the sampler begun ahead: the snapshots taken so far are not lost. */
    @Test
    void theDashboardTakesOverTheSamplerBegunAheadWithItsNewestSnapshot() throws Exception {
        EarlySampler.start();
        Thread.sleep(Sampler.FIRST_INTERVAL_MS * 8); // the second sample is published, the third (1 s on) not yet
        List<SystemSnapshot> seen = new CopyOnWriteArrayList<>();
        try (Sampler sampler = EarlySampler.take(Sampler.MIN_INTERVAL_MS, seen::add)) {
            assertThat(seen).as("handed the snapshot published before the dashboard subscribed").hasSize(1);
            assertThat(seen.get(0).sequence()).isEqualTo(2); // the first sample only starts the interval
            assertThat(sampler.intervalMillis()).isEqualTo(Sampler.MIN_INTERVAL_MS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (seen.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(seen).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void withoutAHeadStartTheDashboardGetsANewSamplerAlreadyRunning() throws Exception {
        List<SystemSnapshot> seen = new CopyOnWriteArrayList<>();
        try (Sampler sampler = EarlySampler.take(Sampler.MIN_INTERVAL_MS, seen::add)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(seen).hasSize(1);
            assertThat(sampler.latest()).isSameAs(seen.get(0));
        }
    }
}
