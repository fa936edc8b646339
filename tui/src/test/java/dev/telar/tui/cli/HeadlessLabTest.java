package dev.telar.tui.cli;

import static dev.telar.tui.cli.CliTest.assertOneUsageLine;
import static dev.telar.tui.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telar.config.Language;
import dev.telar.tui.Verdict;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.exchange.ExchangeSpec;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEngine;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.run.Experiments;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headless commands run their work as one job of a {@link LabEngine} in their own JVM: the
 * engine's runner threads appear while a command runs and are gone when it returns (the engine is
 * closed), the lines are those the commands printed when they ran the workloads themselves, and a
 * spec the lab rejects is the command's one-line usage error with the lab's reason.
 */
class HeadlessLabTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields that hold measured times, which differ from one run to the next. */
    private static final List<String> TIMED = List.of("wall_seconds", "cpu_seconds", "verdict");

    @TempDir
    Path tmp;

    /** Live threads with this name. */
    private static Set<Thread> threadsNamed(String name) {
        Set<Thread> out = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name) && t.isAlive()) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    @Timeout(60)
    void runIsAJobOfTheLabsExperimentRunnerWhoseThreadEndsWithTheCommand() throws Exception {
        Set<Thread> before = threadsNamed("telar-experiments");
        // Two tasks of ten 100 ms waits, one after the other: about 2 s to look at.
        CompletableFuture<CliTest.Run> command = CompletableFuture.supplyAsync(
                () -> run("run", "io", "--model", "sequential", "--tasks", "2", "--size", "100", "--json"));
        Set<Thread> during = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (during.isEmpty() && !command.isDone() && System.nanoTime() < deadline) {
            during.addAll(threadsNamed("telar-experiments"));
            during.removeAll(before);
            Thread.sleep(10);
        }
        CliTest.Run r = command.get(40, TimeUnit.SECONDS);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(during).as("the lab engine's experiment runner ran the job").hasSize(1);
        // The executor reports itself terminated as its last task ends; the thread itself exits a moment later.
        Thread runner = during.iterator().next();
        runner.join(2000);
        assertThat(runner.isAlive()).as("engine closed when the command returned").isFalse();
        JsonNode o = JSON.readTree(r.out());
        assertThat(o.get("status").asText()).isEqualTo("completed");
        assertThat(o.get("speedup").asDouble()).as("sequential: its own baseline").isEqualTo(1.0);
    }

    /** The line a run printed when the command called {@link Experiments#run} itself, without the times. */
    @Test
    void runPrintsWhatTheCommandPrintedBeforeForAFixedSpec() throws Exception {
        CliTest.Run r = run("run", "cpu", "--model", "sequential", "--tasks", "2", "--size", "300000", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        RunSpec spec = new RunSpec(KernelKind.CPU, ModelKind.SEQUENTIAL, 2, 4, 300_000, 1, 2, 5, new int[0],
                RunSpec.SEED);
        RunResult direct = Experiments.run(spec);
        direct = direct.withBaseline(direct.wallSeconds());
        String before = ResultJson.toLine(direct, Verdict.of(direct, Runtime.getRuntime().availableProcessors(),
                Texts.of(Language.EN)));
        assertThat(withoutTimes(r.out())).isEqualTo(withoutTimes(before));
    }

    /** The lab compares a lone one-thread product with itself; this command never did, and still does not. */
    @Test
    void aLoneMatmulOnOneThreadHasNoSpeedupAsBefore() throws Exception {
        CliTest.Run r = run("run", "matmul", "--workers", "1", "--size", "40", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = JSON.readTree(r.out());
        assertThat(o.get("threads").asInt()).isEqualTo(1);
        assertThat(o.has("speedup")).isFalse();
        assertThat(o.get("verdict").asText()).endsWith("(run with a baseline to see the speedup)");
    }

    @Test
    @Timeout(120)
    void runExchangeWithBaselineGetsTheLabsTimedSequentialSumAndClosesTheEngine() throws Exception {
        Set<Thread> before = threadsNamed("telar-exchange-runner");
        CliTest.Run r = run("run", "exchange", "--via", "value", "--processes", "2", "--draws", "100001",
                "--baseline", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = JSON.readTree(r.out());
        double expected = new ExchangeSpec(Mechanism.VALUE, 2, 100_001, RunSpec.SEED, ExchangeLimits.defaults())
                .sequentialSum();
        assertThat(o.get("sequential_result").asDouble()).isEqualTo(expected);
        assertThat(o.get("result").asDouble()).isEqualTo(expected);
        assertThat(o.get("baseline_wall_seconds").asDouble()).isPositive();
        assertThat(o.get("speedup").asDouble())
                .isEqualTo(o.get("baseline_wall_seconds").asDouble() / o.get("wall_seconds").asDouble());
        assertThat(threadsNamed("telar-exchange-runner")).as("engine closed").isEqualTo(before);

        CliTest.Run plain = run("run", "exchange", "--via", "value", "--processes", "2", "--draws", "100001", "--json");
        assertThat(plain.code()).as(plain.err()).isZero();
        JsonNode p = JSON.readTree(plain.out());
        assertThat(p.has("sequential_result")).as("no baseline asked, none computed").isFalse();
        assertThat(p.get("verdict").asText()).endsWith("(run with --baseline to check the total)");
    }

    /** The scenario's own refusal, as the lab reports it, is the command's one line with exit code 2. */
    @Test
    void aSpecTheScenarioRejectsIsTheLabsReasonOnOneLineWithExitTwo() throws Exception {
        ScenarioSpec odd = new ScenarioSpec(Primitive.CONDITION, Mode.THREADS, 0, 3, 0, true);
        BlockingQueue<LabEvent> events = new LinkedBlockingQueue<>();
        Problem reason;
        try (LabEngine lab = new LabEngine(tmp, ExchangeLimits.defaults())) {
            lab.subscribe(events::add);
            lab.send(new LabCommand.RunScenario(odd));
            LabEvent e;
            do {
                e = events.poll(10, TimeUnit.SECONDS);
                assertThat(e).as("the lab answers").isNotNull();
            } while (!(e instanceof LabEvent.Rejected));
            reason = ((LabEvent.Rejected) e).reason();
        }
        CliTest.Run r = run("sync", "condition", "--workers", "3");
        String words = Problems.text(reason, Texts.of(Language.EN));
        assertThat(words).isEqualTo("the condition scenario needs an even number of workers (half producers, half "
                + "consumers), not 3");
        assertOneUsageLine(r, words);
        assertThat(r.err()).startsWith("telar: " + words);
    }

    private static ObjectNode withoutTimes(String line) throws Exception {
        ObjectNode o = (ObjectNode) JSON.readTree(line);
        o.remove(TIMED);
        return o;
    }
}
