package dev.telar.tui.cli;

import static dev.telar.tui.cli.CliTest.assertOneUsageLine;
import static dev.telar.tui.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerKey;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code telar sync PRIMITIVE --mode remote} against a real manager on a free loopback port: the
 * workers are child JVMs that meet at the manager (given the key file's path), the verdicts are the
 * same as in the other modes, and the run's space is gone from the manager afterwards.
 */
@Timeout(180)
class RemoteSyncCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final CliManager MANAGER = new CliManager();

    private static CliTest.Run remote(String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[]{"--mode", "remote", "--manager", MANAGER.address(), "--key-file",
                MANAGER.keyFile().toString()}, 0, all, args.length, 6);
        return run(all);
    }

    @Test
    void twoChildJvmsCountExactlyUnderTheManagersLock() throws Exception {
        CliTest.Run r = remote("sync", "lock", "--workers", "2", "--size", "1000", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = JSON.readTree(r.out());
        assertThat(o.get("mode").asText()).isEqualTo("remote");
        assertThat(o.get("workers").asInt()).isEqualTo(2);
        assertThat(o.get("status").asText()).isEqualTo("completed");
        assertThat(o.get("correct").asBoolean()).isTrue();
        JsonNode results = o.get("results");
        assertThat(results.get("total").asLong()).isEqualTo(results.get("expected").asLong());
        assertThat(results.get("lost_updates").asLong()).isZero();
        assertThat(results.get("numbers_0").asLong()).isEqualTo(1000);
        assertThat(results.get("numbers_1").asLong()).isEqualTo(1000);
        assertNoSpaceLeft();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rlock", "semaphore", "condition", "event", "barrier"})
    void everyScenarioEndsCorrectInRemoteMode(String primitive) throws Exception {
        // Two workers each: every child is a JVM of its own, and the point here is the mode, not the crowd.
        CliTest.Run r = remote("sync", primitive, "--workers", "2", "--size", "4", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = JSON.readTree(r.out());
        assertThat(o.get("mode").asText()).isEqualTo("remote");
        assertThat(o.get("status").asText()).isEqualTo("completed");
        assertThat(o.get("correct").asBoolean()).as(r.out()).isTrue();
        assertNoSpaceLeft();
    }

    @Test
    void remoteWithoutAManagerIsOneLineAndExitTwo() {
        assertOneUsageLine(run("sync", "lock", "--mode", "remote"), "no manager named: give --manager HOST:PORT");
    }

    @Test
    void aWrongKeyIsOneLineAndExitTwoBeforeAnyWorkerStarts() throws Exception {
        Path other = MANAGER.state().resolve("other").resolve("manager.key");
        ManagerKey.readOrCreate(other);
        // --connect is --manager by another name (the word for an existing ensemble)
        CliTest.Run r = run("sync", "lock", "--mode", "remote", "--connect", MANAGER.address(),
                "--key-file", other.toString(), "--workers", "2", "--size", "100");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("refused the key");
        assertThat(r.out()).as("no run, no outcome").isEmpty();
    }

    private static void assertNoSpaceLeft() throws Exception {
        try (ManagerClient client = MANAGER.connect()) {
            assertThat(client.curator().checkExists().forPath("/sync") == null
                    || client.curator().getChildren().forPath("/sync").isEmpty())
                    .as("the run's space is removed at its end").isTrue();
        }
    }
}
