package dev.telar.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The probe on the real machine: loose bounds, exact structure. */
class LiveProbeTest {
    @Test
    void aThreadPinnedToOneCoreShowsOnThatCoreAndItsThreadReportsIt() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        int target = cores - 1;
        Probe probe = Probe.live();
        assertThat(probe.host().logicalCores()).isEqualTo(cores);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger tid = new AtomicInteger();
        CountDownLatch pinned = new CountDownLatch(1);
        Thread busy = new Thread(() -> {
            Kernel.pinCurrentThread(target);
            tid.set(selfTid());
            pinned.countDown();
            long x = 0;
            while (!stop.get()) {
                x += System.nanoTime() % 7; // keep the core busy with work the JIT cannot drop
            }
            if (x == 42) {
                System.out.print("");
            }
        }, "telar-test-busy");
        busy.start();
        try {
            assertThat(pinned.await(5, TimeUnit.SECONDS)).isTrue();
            int self = (int) ProcessHandle.current().pid();
            probe.sample(pid -> pid == self);
            Thread.sleep(1500);
            SystemSnapshot s = probe.sample(pid -> pid == self);

            ProcessInfo me = s.processes().stream().filter(p -> p.pid() == self).findFirst().orElseThrow();
            ThreadInfo t = me.threads().stream().filter(x -> x.tid() == tid.get()).findFirst().orElseThrow();
            assertThat(t.name()).isEqualTo("telar-test-busy");
            assertThat(t.lastCore()).isEqualTo(target);
            assertThat(t.state()).isEqualTo('R');

            double onTarget = s.cores().get(target).busyPct();
            double others = s.cores().stream().filter(c -> c.core() != target)
                    .mapToDouble(CoreLoad::busyPct).average().orElse(0);
            // Another program keeping the other cores busy would make the comparison meaningless:
            // report the test as skipped then, not as passed.
            assumeTrue(others < 60, () -> String.format("other cores %.0f%% busy with other work", others));
            assertThat(t.cpuPct()).isGreaterThan(80);
            assertThat(onTarget).as("load of pinned core %d", target).isGreaterThan(85);
            if (cores > 1) {
                assertThat(onTarget - others).as("pinned core above the others' mean %.1f", others)
                        .isGreaterThan(30);
            }
        } finally {
            stop.set(true);
            busy.join();
        }
    }

    @Test
    void samplerPublishesSnapshotsWithRealIntervalsAndStops() throws Exception {
        CountDownLatch two = new CountDownLatch(2);
        try (Sampler sampler = new Sampler(Probe::live, 300)) {
            sampler.subscribe(s -> two.countDown());
            sampler.start();
            assertThat(two.await(10, TimeUnit.SECONDS)).isTrue();
            SystemSnapshot s = sampler.latest();
            assertThat(s.intervalMillis()).isBetween(100L, 2000L);
            assertThat(s.processes()).anyMatch(p -> p.pid() == s.selfPid());
            assertThat(s.cores()).hasSize(Runtime.getRuntime().availableProcessors());
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("telar-sampler"));
    }

    private static int selfTid() {
        // /proc/thread-self names the calling thread's task directory.
        try {
            return Integer.parseInt(java.nio.file.Files.readSymbolicLink(
                    java.nio.file.Path.of("/proc/thread-self")).getFileName().toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
