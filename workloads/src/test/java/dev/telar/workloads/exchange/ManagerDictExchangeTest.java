package dev.telar.workloads.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.problem.ProblemException;
import dev.telar.workloads.proc.ChildLauncher;
import dev.telar.workloads.remote.LoopbackManager;
import dev.telar.workloads.remote.ManagerClient;
import dev.telar.workloads.remote.ManagerTarget;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The exchange through a dict of a real manager on loopback, with real child JVMs. */
@Timeout(120)
class ManagerDictExchangeTest {
    @TempDir
    Path parent;
    @RegisterExtension
    static final LoopbackManager.PerClass MANAGER = new LoopbackManager.PerClass();

    @AfterEach
    void noChildLeft() {
        ChildLauncher.killAll();
    }

    private static ManagerTarget target(String address) {
        return new ManagerTarget(address, Optional.of(MANAGER.get().keyFile()), 10_000);
    }

    @Test
    void fourChildrenGiveExactlyTheSequentialSumAndTheDictIsGoneAfter() throws Exception {
        ExchangeSpec spec = new ExchangeSpec(Mechanism.MANAGER_DICT, 4, 4_000_003, RunSpec.SEED, ExchangeLimits.defaults());
        ExchangeResult r = ExchangeExperiment.start(spec, parent, Optional.of(target(MANAGER.get().address())), s -> { }).await();
        assertThat(r.status()).as("%s", r.problem()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(r.result()).isEqualTo(spec.sequentialSum());
        assertThat(r.children()).hasSize(4).allMatch(c -> c.received() == 1);
        try (ManagerClient client = MANAGER.get().connect()) {
            assertThat(client.curator().getChildren().forPath("/dicts")).isEmpty();
        }
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left.flatMap(ManagerDictExchangeTest::entries)).as("run directory removed").isEmpty();
        }
    }

    @Test
    void aRunnerWithoutAManagerRefusesTheMechanism() {
        try (ExchangeRunner runner = new ExchangeRunner(parent, ExchangeLimits.defaults())) {
            assertThatThrownBy(() -> runner.submitComparison(List.of(Mechanism.DICT, Mechanism.MANAGER_DICT), 2, 1000, false))
                    .isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).problem().code()).isEqualTo(ProblemCode.EXCHANGE_NO_MANAGER));
            assertThat(runner.busy()).isFalse();
        }
    }

    @Test
    void aManagerThatDoesNotAnswerFailsTheRunWithTheAddressAndNoChildStarts() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        ExchangeSpec spec = new ExchangeSpec(Mechanism.MANAGER_DICT, 2, 1000, RunSpec.SEED, ExchangeLimits.defaults());
        ExchangeResult r = ExchangeExperiment.start(spec, parent, Optional.of(target("127.0.0.1:" + port)), s -> { }).await();
        assertThat(r.status()).isEqualTo(RunResult.Status.FAILED);
        assertThat(r.problem().code()).isEqualTo(ProblemCode.MANAGER_UNREACHABLE);
        assertThat(r.children()).isEmpty();
    }

    private static Stream<Path> entries(Path dir) {
        try {
            return Files.isDirectory(dir) ? Files.list(dir).toList().stream() : Stream.of(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
