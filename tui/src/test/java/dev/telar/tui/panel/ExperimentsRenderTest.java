package dev.telar.tui.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.telar.config.Language;
import dev.telar.probe.ThreadInfo;
import dev.telar.tui.text.Texts;
import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The experiments view drawn from fixed results and snapshots (the lab machine has 4 cores). */
class ExperimentsRenderTest {
    private static final RunSpec CPU4 = new RunSpec(KernelKind.CPU, ModelKind.THREAD_TARGET, 4, 4, 80_000_000, 1, 2,
            5, new int[0], RunSpec.SEED);

    private static RunResult done(RunSpec spec, double wall, double cpu, double baseline) {
        return new RunResult(spec, RunResult.Status.COMPLETED, Problem.NONE, wall, cpu, 42, baseline, 0);
    }

    private static VirtualScreen experimentsView(int columns, int rows) {
        VirtualScreen vs = new VirtualScreen(columns, rows).show(Snapshots.lab().build());
        vs.press('x');
        return vs;
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void formShowsEveryFieldWithHeaderCoresAndFooterStillThere(int columns, int rows) {
        VirtualScreen vs = experimentsView(columns, rows);
        String text = vs.text();
        assertThat(text).contains("robot-7").contains("Avg [").contains("  3 [");
        assertThat(text).contains("▸ Kernel   ◂ cpu ▸").contains("  Model      thread-target")
                .contains("  Workers    4").contains("  Tasks      4").contains("  Size       200M draws")
                .contains("  Affinity   none").contains("  Baseline   on");
        assertThat(text).doesNotContain("PID USER");
        String footer = vs.rows().get(rows - 1);
        assertThat(footer).contains("Run").contains("Sweep").contains("Cancel").contains("Quit").contains("Every 1s");
        assertThat(text).contains("no runs yet");
    }

    @Test
    void fieldChangesShowAtOnce() {
        VirtualScreen vs = experimentsView(80, 24);
        vs.press(KeyType.ArrowRight);
        assertThat(vs.text()).contains("◂ io ▸").contains("Size       50 ms waits");
        vs.press(KeyType.ArrowRight);
        assertThat(vs.text()).contains("◂ matmul ▸").contains("Threads    4").contains("Repeats    4")
                .contains("n = 500").contains("n/a: own threads");
        vs.press(KeyType.ArrowRight);
        vs.press(KeyType.ArrowDown);
        vs.press(KeyType.ArrowLeft);
        assertThat(vs.text()).contains("▸ Model    ◂ sequential ▸");
        vs.press(KeyType.ArrowUp);
        vs.press(KeyType.ArrowUp); // wraps round to the last field
        assertThat(vs.text()).contains("▸ Baseline ◂ on ▸");
        vs.press(KeyType.ArrowLeft);
        assertThat(vs.text()).contains("▸ Baseline ◂ off ▸");
        vs.press(KeyType.ArrowUp);
        vs.press(KeyType.ArrowRight);
        assertThat(vs.text()).contains("◂ all on core 0 ▸");
    }

    @ParameterizedTest
    @CsvSource({"EN,Switch,Interp.", "ES,Turno,Intérp."})
    void theGilAndSubinterpretersRowsShowTheirOwnSettingUnderTheModel(Language language, String switchLabel,
            String interpretersLabel) {
        VirtualScreen vs = experimentsView(80, 24);
        if (language == Language.ES) {
            vs.press('L');
        }
        vs.press(KeyType.ArrowDown);
        while (!vs.text().contains("◂ gil ▸")) {
            vs.press(KeyType.ArrowRight);
        }
        assertThat(vs.text()).contains("  " + switchLabel + " ").containsPattern(switchLabel + " +5 ms");
        vs.press(KeyType.ArrowDown);
        vs.press(KeyType.ArrowRight);
        assertThat(vs.text()).containsPattern("▸ " + switchLabel + " +◂ 20 ms ▸");
        vs.press(KeyType.ArrowUp);
        while (!vs.text().contains("◂ subinterpreters ▸")) {
            vs.press(KeyType.ArrowRight);
        }
        assertThat(vs.text()).containsPattern("  " + interpretersLabel + " +2\\b").doesNotContain(switchLabel + " ");
        vs.press(KeyType.ArrowRight); // the next model has no setting of its own: the row goes
        assertThat(vs.text()).doesNotContain(interpretersLabel).doesNotContain(switchLabel + " ");
    }

    @Test
    void resultsListRunsNewestLastWithSpeedupEfficiencyAndVerdict() {
        VirtualScreen vs = experimentsView(80, 24);
        RunSpec base = CPU4.with(ModelKind.SEQUENTIAL, 1);
        vs.event(new ExperimentEvent.Started(base));
        vs.event(new ExperimentEvent.Finished(done(base, 10.24, 10.2, 10.24)));
        vs.event(new ExperimentEvent.Started(CPU4));
        vs.event(new ExperimentEvent.Finished(done(CPU4, 2.81, 11.02, 10.24)));
        vs.event(new ExperimentEvent.Idle());
        List<String> rows = vs.rows();
        int header = vs.rowOf("KERNEL MODEL");
        assertThat(rows.get(header)).contains("WORKERS  WALL s   CPU s  SPEEDUP   EFF");
        assertThat(rows.get(header + 1)).startsWith("cpu    sequential             1   10.24   10.20    ×1.00  100%");
        assertThat(rows.get(header + 2)).startsWith("cpu    thread-target          4    2.81   11.02    ×3.64   91%");
        assertThat(vs.text()).contains("▶ 4 threads: ×3.64 — runs in parallel on 4 cores");
        // Without a baseline the speedup and efficiency columns stay blank.
        vs.event(new ExperimentEvent.Finished(done(CPU4.with(ModelKind.GIL, 4), 10.3, 10.1, Double.NaN)));
        assertThat(vs.rows().get(header + 3).stripTrailing()).isEqualTo("cpu    gil                    4   10.30   10.10                 any");
        assertThat(vs.text()).contains("▶ 4 threads: 10.30 s (run with a baseline to see the speedup)");
        // Pinned to one core: the row names the core and the verdict blames the pinning, not the machine.
        RunSpec pinned = new RunSpec(KernelKind.CPU, ModelKind.THREAD_TARGET, 4, 4, CPU4.size(), 1, 1, 5,
                new int[] {0}, CPU4.seed());
        vs.event(new ExperimentEvent.Finished(done(pinned, 10.2, 10.1, 10.24)));
        assertThat(vs.rows().get(header + 4).stripTrailing()).endsWith("×1.00   25%  0");
        assertThat(vs.text()).contains("▶ 4 threads: ×1.00 — capped by the 1 core: extra threads only take turns (pinned");
        assertThat(dev.telar.tui.Verdict.of(done(pinned, 10.2, 10.1, 10.24), 4)).endsWith("(pinned to core 0)");
        // A process model's verdict speaks of processes, not threads.
        assertThat(dev.telar.tui.Verdict.of(done(CPU4.with(ModelKind.PROCESS_POOL_MAP, 4), 10.2, 10.1, 10.24), 1))
                .contains("capped by the 1 core: extra processes only take turns");
    }

    @Test
    void cancelledAndFailedRunsNeverShowFigures() {
        VirtualScreen vs = experimentsView(80, 24);
        vs.event(new ExperimentEvent.Finished(new RunResult(CPU4, RunResult.Status.CANCELLED, Problem.CANCELLED, 1.5,
                0.7, Double.NaN, 10.0, 0)));
        vs.event(new ExperimentEvent.Finished(new RunResult(CPU4.with(ModelKind.POOL_MAP, 4), RunResult.Status.FAILED,
                Problem.of(ProblemCode.ERROR, "out of memory"), 0.2, Double.NaN, Double.NaN, Double.NaN, 0)));
        int header = vs.rowOf("KERNEL MODEL");
        String cancelled = vs.rows().get(header + 1);
        String failed = vs.rows().get(header + 2);
        assertThat(cancelled).contains("thread-target").contains("cancelled, no result").doesNotContain("×")
                .doesNotContain("1.50");
        assertThat(failed).contains("pool-map").contains("failed: out of memory").doesNotContain("0.20");
        assertThat(vs.text()).contains("▶ 4 pool threads: failed: out of memory");
    }

    @Test
    void resultsKeepTheLastFifty() {
        VirtualScreen vs = experimentsView(120, 40);
        for (int i = 1; i <= 60; i++) {
            vs.lab.report(new ExperimentEvent.Finished(done(CPU4.with(ModelKind.THREAD_TARGET, 1 + i % 8), i, i, i)));
        }
        vs.settle();
        List<RunResult> kept = vs.view.experiments().results();
        assertThat(kept).hasSize(50);
        assertThat(kept.get(0).wallSeconds()).isEqualTo(11);
        assertThat(kept.get(49).wallSeconds()).isEqualTo(60);
        // The newest run is on screen, just above the verdict line.
        assertThat(vs.rows().get(37)).contains("60.00");
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void sweepShowsTableBarsFastestAndTheSlowdownBeyondTheCores(int columns, int rows) {
        VirtualScreen vs = experimentsView(columns, rows);
        RunSpec base = CPU4.with(ModelKind.SEQUENTIAL, 1);
        List<RunResult> all = List.of(done(base, 10.0, 10, 10.0),
                done(CPU4.with(ModelKind.THREAD_TARGET, 1), 10.1, 10, 10.0),
                done(CPU4.with(ModelKind.THREAD_TARGET, 2), 5.2, 10, 10.0),
                done(CPU4.with(ModelKind.THREAD_TARGET, 4), 2.7, 10, 10.0),
                done(CPU4.with(ModelKind.THREAD_TARGET, 8), 2.9, 10, 10.0));
        vs.lab.report(new ExperimentEvent.Started(CPU4));
        all.forEach(r -> vs.lab.report(new ExperimentEvent.Finished(r)));
        vs.lab.report(new ExperimentEvent.SweepFinished(all));
        vs.event(new ExperimentEvent.Idle());
        String text = vs.text();
        assertThat(text).contains("Sweep cpu/thread-target on 4 cores").contains("COUNT  SECONDS  SPEEDUP  TIME");
        String baseRow = line(vs, " base    10.00    ×1.00  █");
        String two = line(vs, "    2     5.20    ×1.92  █");
        String four = line(vs, "    4     2.70    ×3.70  █");
        String eight = line(vs, "    8     2.90    ×3.45  █");
        assertThat(four).contains("◀ fastest");
        assertThat(baseRow + two + eight).doesNotContain("fastest");
        // Bars are proportional to the time: the baseline's is longest, 4 workers' shortest.
        assertThat(bar(baseRow)).isGreaterThan(bar(two));
        assertThat(bar(two)).isGreaterThan(bar(eight));
        assertThat(bar(eight)).isGreaterThan(bar(four));
        assertThat(bar(baseRow) / (double) bar(two)).isBetween(10.0 / 5.2 - 0.2, 10.0 / 5.2 + 0.2);
        assertThat(text).contains("beyond 4 cores: up to 7% slower than 4");
        // A plain run afterwards brings the worker list back in place of the sweep.
        vs.press(KeyType.Enter);
        assertThat(vs.text()).doesNotContain("◀ fastest").contains("Worker threads");
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void workerThreadsOfTheRunningExperimentWithTheirCores(int columns, int rows) {
        List<ThreadInfo> threads = List.of(
                new ThreadInfo(4242, "main", 'S', 0.5, 1, 1.0),
                new ThreadInfo(4250, "telar-sampler", 'S', 2.5, 3, 2.0),
                new ThreadInfo(4251, "telar-experimen", 'S', 0.0, 2, 0.1),
                new ThreadInfo(5003, "telar-target-3", 'R', 97.0, 3, 3.0),
                new ThreadInfo(5000, "telar-target-0", 'R', 99.0, 0, 3.0),
                new ThreadInfo(5001, "telar-target-1", 'R', 98.5, 1, 3.0),
                new ThreadInfo(5002, "telar-target-2", 'S', 12.0, 2, 3.0));
        VirtualScreen vs = new VirtualScreen(columns, rows).show(Snapshots.lab().selfPid(9000)
                .process(9000, 1, "alice", 310, 100L << 20, "java -jar telar.jar", threads).build());
        vs.press('x');
        vs.event(new ExperimentEvent.Started(CPU4));
        String text = vs.text();
        assertThat(text).contains("Worker threads of cpu/thread-target ×4");
        assertThat(text).contains("TID NAME").contains("CPU% CORE");
        int first = vs.rowOf("5000 telar-target-0");
        assertThat(first).isPositive();
        String[] expected = {"5000 telar-target-0 +R  99.0    0", "5001 telar-target-1 +R  98.5    1",
            "5002 telar-target-2 +S  12.0    2", "5003 telar-target-3 +R  97.0    3"};
        for (int i = 0; i < expected.length; i++) {
            assertThat(vs.rows().get(first + i)).containsPattern(expected[i]);
        }
        assertThat(text).doesNotContain("telar-sampler").doesNotContain("telar-experimen").doesNotContain(" main ");
        assertThat(vs.rows().get(first + 4)).contains("together 3.07 cores busy, on cores 0 1 2 3");
    }

    @Test
    void childProcessesOfAProcessRunAreListedWithTheirWorkerThreadAndCore() {
        List<ThreadInfo> own = List.of(new ThreadInfo(9000, "main", 'S', 0.5, 1, 1.0),
                new ThreadInfo(9010, "telar-child-poo", 'S', 1.0, 1, 0.1),
                new ThreadInfo(9011, "telar-child-err", 'S', 0.0, 0, 0.0),
                new ThreadInfo(9012, "telar-child-sta", 'S', 0.0, 0, 0.0));
        VirtualScreen vs = new VirtualScreen(100, 30).show(Snapshots.lab().selfPid(9000)
                .process(9000, 1, "alice", 2, 100L << 20, "java -jar telar.jar", own)
                .process(9100, 9000, "alice", 101, 60L << 20, "java ChildMain", List.of(
                        new ThreadInfo(9101, "telar-pool-0", 'R', 99.0, 0, 3.0),
                        new ThreadInfo(9102, "telar-parent-wa", 'S', 0.0, 1, 0.0),
                        new ThreadInfo(9103, "C2 CompilerThre", 'S', 2.0, 1, 0.4)))
                .process(9200, 9000, "alice", 100, 60L << 20, "java ChildMain", List.of(
                        new ThreadInfo(9201, "telar-pool-1", 'R', 98.0, 1, 3.0)))
                .build());
        vs.press('x');
        vs.event(new ExperimentEvent.Started(CPU4.with(ModelKind.PROCESS_POOL_MAP, 2)));
        vs.event(new ExperimentEvent.Children(List.of(9100L, 9200L)));
        assertThat(vs.sampler.threadsFor).containsExactlyInAnyOrder(9000, 9100, 9200);
        String text = vs.text();
        assertThat(text).contains("Worker threads of cpu/process-pool-map ×2");
        assertThat(vs.rows().get(vs.rowOf("pid 9100 telar-pool-0"))).containsPattern("9101 pid 9100 telar-pool-0 +R  99.0    0");
        assertThat(vs.rows().get(vs.rowOf("pid 9200 telar-pool-1"))).containsPattern("9201 pid 9200 telar-pool-1 +R  98.0    1");
        assertThat(text).contains("together 1.97 cores busy, on cores 0 1");
        assertThat(text).doesNotContain("telar-child").doesNotContain("telar-parent").doesNotContain("Compiler");
        vs.event(new ExperimentEvent.Idle());
        assertThat(vs.sampler.threadsFor).containsExactly(9000);
    }

    @Test
    void workerNamesAsTheKernelTruncatesThem() {
        assertThat(WorkersPanel.isWorker("telar-pool-0")).isTrue();
        assertThat(WorkersPanel.isWorker("telar-proc-3")).isTrue();
        assertThat(WorkersPanel.isWorker("telar-child-poo")).isFalse();
        assertThat(WorkersPanel.isWorker("telar-child-out")).isFalse();
        assertThat(WorkersPanel.isWorker("telar-parent-wa")).isFalse();
        assertThat(WorkersPanel.isWorker("telar-thread-ta")).isTrue();
        assertThat(WorkersPanel.isWorker("telar-gil-2")).isTrue();
        assertThat(WorkersPanel.isWorker("telar-interp1-3")).isTrue();
        assertThat(WorkersPanel.isWorker("telar-matmul-0")).isTrue();
        assertThat(WorkersPanel.isWorker("telar-experimen")).isFalse();
        assertThat(WorkersPanel.isWorker("telar-experiments")).isFalse();
        assertThat(WorkersPanel.isWorker("telar-sampler")).isFalse();
        assertThat(WorkersPanel.isWorker("telar-input")).isFalse();
        assertThat(WorkersPanel.isWorker("main")).isFalse();
    }

    @Test
    void atTheMinimumSizeTheFormScrollsToTheSelectedField() {
        VirtualScreen vs = new VirtualScreen(60, 15).show(Snapshots.lab().build());
        vs.press('x');
        assertThat(vs.text()).contains("◂ cpu ▸");
        vs.press(KeyType.ArrowUp); // wraps to the last field
        assertThat(vs.text()).contains("▸ Baseline ◂ on ▸").doesNotContain("Enlarge");
        assertThat(vs.rows().get(14)).contains("Quit");
    }

    @Test
    void helpInTheExperimentsViewListsItsKeysAndFitsTheMinimumSize() {
        VirtualScreen vs = new VirtualScreen(60, 15).show(Snapshots.lab().build());
        vs.press('x');
        vs.press('h');
        String text = vs.text();
        for (String[] key : HelpOverlay.lines(Texts.of(Language.EN), vs.view.keys(), true)) {
            assertThat(text).contains(key[0]).contains(key[1]);
        }
        vs.press('h');
        assertThat(vs.text()).doesNotContain("Telar keys").contains("Kernel");
        assertThat(vs.rows().get(14)).contains("Quit");
    }

    private static String line(VirtualScreen vs, String start) {
        return vs.rows().stream().filter(r -> r.contains(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with '" + start + "' in\n" + vs.text()));
    }

    private static long bar(String line) {
        return line.chars().filter(c -> c == '█').count();
    }
}
