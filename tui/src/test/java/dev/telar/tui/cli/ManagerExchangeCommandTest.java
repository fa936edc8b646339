package dev.telar.tui.cli;

import static dev.telar.tui.cli.CliTest.assertOneUsageLine;
import static dev.telar.tui.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.run.RunSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code telar run exchange --via manager-dict} against a real manager on a free loopback port:
 * child JVMs write their partial sums into a dict of the manager (given the key FILE's path) and
 * the parent's total is the sequential sum, exactly.
 */
@Timeout(120)
class ManagerExchangeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final CliManager MANAGER = new CliManager();

    @Test
    void theChildrenReturnTheirPartialsThroughTheManagersDictAndTheTotalIsExact() throws Exception {
        CliTest.Run r = run("run", "exchange", "--via", "manager-dict", "--processes", "3", "--draws", "3000001",
                "--baseline", "--json", "--manager", MANAGER.address(),
                "--key-file", MANAGER.keyFile().toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = JSON.readTree(r.out().strip());
        assertThat(o.get("mechanism").asText()).isEqualTo("manager-dict");
        assertThat(o.get("status").asText()).isEqualTo("completed");
        double expected = new ExchangeSpec(Mechanism.MANAGER_DICT, 3, 3_000_001, RunSpec.SEED, ExchangeLimits.defaults())
                .sequentialSum();
        assertThat(o.get("result").asDouble()).isEqualTo(expected);
        assertThat(o.get("matches_sequential").asBoolean()).isTrue();
        assertThat(o.get("children")).hasSize(3);
        for (JsonNode c : o.get("children")) {
            assertThat(c.get("exit").asText()).isEqualTo("exit code 0");
            assertThat(c.get("received").asLong()).isEqualTo(1);
        }
        try (ManagerClient client = MANAGER.connect()) {
            assertThat(client.curator().getChildren().forPath("/dicts")).as("the run's dict is deleted at its end").isEmpty();
        }
    }

    @Test
    void withoutAManagerItIsOneLineAndExitTwo() {
        assertOneUsageLine(run("run", "exchange", "--via", "manager-dict", "--processes", "2", "--draws", "1000"),
                "no manager named: give --manager HOST:PORT or set manager.address");
    }

    /** The lecture's "manager value + manager lock": each child adds under the manager's lock, in turn, so the total is exact. */
    @Test
    void theChildrenAddToTheManagersValueUnderItsLockAndTheTotalIsExact() throws Exception {
        CliTest.Run r = run("run", "exchange", "--via", "manager-value", "--processes", "3", "--draws", "3000001",
                "--baseline", "--json", "--manager", MANAGER.address(),
                "--key-file", MANAGER.keyFile().toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = JSON.readTree(r.out().strip());
        assertThat(o.get("mechanism").asText()).isEqualTo("manager-value");
        assertThat(o.get("status").asText()).isEqualTo("completed");
        double expected = new ExchangeSpec(Mechanism.MANAGER_VALUE, 3, 3_000_001, RunSpec.SEED, ExchangeLimits.defaults())
                .sequentialSum();
        assertThat(o.get("result").asDouble()).isEqualTo(expected);
        assertThat(o.get("matches_sequential").asBoolean()).isTrue();
        try (ManagerClient client = MANAGER.connect()) {
            assertThat(client.curator().getChildren().forPath("/dicts")).as("the run's value is deleted at its end").isEmpty();
            assertThat(client.curator().checkExists().forPath("/locks") == null
                    || client.curator().getChildren().forPath("/locks").isEmpty()).as("and its lock").isTrue();
        }
    }

    @Test
    void aMissingKeyFileIsOneLineAndExitTwo() {
        assertOneUsageLine(run("run", "exchange", "--via", "manager-dict", "--manager", MANAGER.address(),
                "--key-file", MANAGER.state().resolve("absent.key").toString()), "absent.key");
    }
}
