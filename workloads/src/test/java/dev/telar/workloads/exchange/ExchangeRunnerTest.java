package dev.telar.workloads.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.race.RaceDemo;
import dev.telar.workloads.race.RaceResult;
import dev.telar.workloads.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner behind the dashboard's exchange view: cancelling kills the children and drops queued jobs. */
class ExchangeRunnerTest {
    @TempDir
    Path parent;

    @AfterEach
    void noChildLeft() {
        ChildLauncher.killAll();
    }

    @Test
    void cancelStopsTheRunKillsItsChildrenAndDropsTheQueuedRace() throws Exception {
        BlockingQueue<ExchangeEvent> events = new LinkedBlockingQueue<>();
        List<ExchangeEvent> seen = new ArrayList<>();
        List<ProcessHandle> children = new ArrayList<>();
        try (ExchangeRunner runner = new ExchangeRunner(parent, ExchangeLimits.defaults())) {
            runner.subscribe(events::add);
            // Long enough to be cancelled mid-run: 10^11 draws would take minutes.
            runner.submitComparison(List.of(Mechanism.PIPE, Mechanism.QUEUE), 2, ExchangeSpec.MAX_DRAWS, false);
            runner.submitRace(2, 1_000_000);
            assertThat(runner.busy()).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (children.size() < 2) {
                assertThat(System.nanoTime()).as("both children start within 60 s").isLessThan(deadline);
                runner.progress().filter(p -> p.stats().elapsedSeconds() > 0).ifPresent(p -> p.children()
                        .forEach(c -> ProcessHandle.of(c.pid()).ifPresent(children::add)));
                Thread.sleep(20);
            }
            runner.cancel();
            int idle = 0;
            while (idle < 2) {
                ExchangeEvent e = events.poll(30, TimeUnit.SECONDS);
                assertThat(e).as("events after cancel").isNotNull();
                seen.add(e);
                idle += e instanceof ExchangeEvent.Idle ? 1 : 0;
            }
            assertThat(runner.busy()).isFalse();
            assertThat(runner.progress()).isEmpty();
        }
        // The pipe run ended as cancelled, the queue run never started, the race never began.
        assertThat(seen).hasSize(4);
        assertThat(seen.get(0)).isInstanceOf(ExchangeEvent.RunStarted.class);
        ExchangeEvent.RunFinished finished = (ExchangeEvent.RunFinished) seen.get(1);
        assertThat(finished.result().status()).isEqualTo(RunResult.Status.CANCELLED);
        assertThat(finished.result().spec().mechanism()).isEqualTo(Mechanism.PIPE);
        assertThat(finished.expected()).isNaN();
        assertThat(finished.totalMatches()).isFalse();
        assertThat(seen.subList(2, 4)).allMatch(e -> e instanceof ExchangeEvent.Idle);
        for (ProcessHandle child : children) {
            assertThat(child.onExit().get(10, TimeUnit.SECONDS).isAlive()).as("child %d", child.pid()).isFalse();
        }
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).as("run directories removed").isEmpty();
        }
    }

    @Test
    void theRaceDemoCanBeStoppedAndSaysCancelled() throws Exception {
        // Stopped while its JVMs start: they are killed and no total is reported.
        RaceResult r = RaceDemo.run(parent, 2, 1_000_000_000L, s -> { }, () -> true);
        assertThat(r.status()).isEqualTo(RunResult.Status.CANCELLED);
        assertThat(r.unlockedSeconds()).isNaN();
        assertThat(r.lockedTotal()).isZero();
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).as("run directory removed").isEmpty();
        }
    }
}
