package dev.telar.workloads.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telar.workloads.remote.LoopbackManager;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.sync.remote.RemoteSync;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spaces runs leave on a real manager when their runner dies: a space whose owner node is
 * gone (its runner's session ended) and that is old enough is removed; a live run's space, a
 * young one and a space not of a run are left alone.
 */
@Timeout(60)
class RemoteSpaceSweepTest {
    @TempDir
    Path state;

    @Test
    void onlySpacesOfRunsThatAreGoneAndOldEnoughAreRemoved() throws Exception {
        try (LoopbackManager manager = LoopbackManager.start(state);
             ManagerClient live = manager.connect();
             ManagerClient sweeper = manager.connect()) {
            new RemoteSync(live, "run-1-live").claim();
            try (ManagerClient dead = manager.connect()) {
                RemoteSync gone = new RemoteSync(dead, "run-2-dead");
                gone.lock("lock");
                gone.claim();
            } // its session ends: the owner node goes with it, the space stays, as after a kill -9
            new RemoteSync(live, "run-3-unclaimed");
            new RemoteSync(live, "space-4-other");
            Thread.sleep(20); // the manager's clock moves on past the spaces' creation
            long now = new RemoteSync(sweeper, "run-5-sweeper").claim();

            assertThat(RemoteSync.removeAbandoned(sweeper, "run-", Duration.ofSeconds(60), now))
                    .as("all are younger than a session").isEmpty();
            assertThat(spaces(sweeper)).containsExactlyInAnyOrder("run-1-live", "run-2-dead", "run-3-unclaimed",
                    "space-4-other", "run-5-sweeper");

            assertThat(RemoteSync.removeAbandoned(sweeper, "run-", Duration.ofMillis(10), now))
                    .containsExactlyInAnyOrder("run-2-dead", "run-3-unclaimed");
            assertThat(spaces(sweeper)).containsExactlyInAnyOrder("run-1-live", "space-4-other", "run-5-sweeper");
        }
    }

    private static List<String> spaces(ManagerClient client) throws Exception {
        return client.curator().getChildren().forPath("/sync");
    }
}
