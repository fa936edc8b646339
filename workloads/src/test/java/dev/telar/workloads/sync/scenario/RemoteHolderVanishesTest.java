package dev.telar.workloads.sync.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.remote.LoopbackManager;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.sync.LockState;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.Participant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remote Lock run whose holder is killed with -9: the run goes on, and says when the manager
 * freed the lock, how long after the holder vanished ("lock freed 2.3 s after pid 4321 on HOST
 * vanished"), which is about the session (2 s here).
 */
@Timeout(120)
class RemoteHolderVanishesTest {
    private static final Pattern FREED = Pattern.compile("manager: lock freed (\\d+\\.\\d) s after pid (\\d+) on \\S+ vanished");

    @TempDir
    Path state;
    @TempDir
    Path runs;

    @Test
    void theRunTellsWhenTheManagerFreedTheLockOfAHolderThatVanished() throws Exception {
        try (LoopbackManager manager = LoopbackManager.start(state)) {
            ManagerTarget target = new ManagerTarget(manager.address(), Optional.of(manager.keyFile()), 2_000);
            // Twenty times the lecture's pace: each hold lasts 0.8 s, so the holder seen is still holding when killed.
            ScenarioSpec spec = new ScenarioSpec(Primitive.LOCK, Mode.REMOTE, 20, 2, 20_000, true);
            RunningScenario run = SyncScenarioRunner.start(spec, runs, Optional.of(target));
            try {
                Participant holder = awaitHolder(run);
                assertThat(ProcessHandle.of(holder.pid()).orElseThrow().destroyForcibly()).isTrue();
                String freed = awaitEvent(run, Duration.ofSeconds(30));
                System.out.println("remote holder vanished: " + freed);
                Matcher m = FREED.matcher(freed);
                assertThat(m.find()).as(freed).isTrue();
                assertThat(Long.parseLong(m.group(2))).isEqualTo(holder.pid());
                double seconds = Double.parseDouble(m.group(1));
                // Not before two thirds of the session (the holder's last ping), not long after it.
                assertThat(seconds).isBetween(1.2, 8.0);
                assertThat(run.snapshot().recentEvents()).anyMatch(e -> e.contains(holder.name() + " vanished while holding the lock"));
            } finally {
                run.close();
            }
            assertThat(run.await().status()).isIn(ScenarioStatus.FAILED, ScenarioStatus.CANCELLED);
        }
    }

    private static Participant awaitHolder(RunningScenario run) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            Optional<Participant> h = run.snapshot().state().filter(LockState.class::isInstance).map(LockState.class::cast)
                    .flatMap(LockState::holder);
            if (h.isPresent()) {
                return h.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no worker held the lock within 60 s");
    }

    private static String awaitEvent(RunningScenario run, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            Optional<String> e = run.snapshot().recentEvents().stream().filter(x -> x.contains("lock freed")).findFirst();
            if (e.isPresent()) {
                return e.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no 'lock freed' event within " + within + ": " + run.snapshot().recentEvents());
    }
}
