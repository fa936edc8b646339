package dev.telar.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.tui.view.Outcome;
import com.googlecode.lanterna.input.KeyStroke;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.mechanism.ExchangeLimits;
import dev.telar.workloads.ipc.RunDirectory;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lab.LabEngine;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.Experiments;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExperimentKeysTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private static VirtualScreen experimentsView() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        vs.press('x');
        return vs;
    }

    /** Presses {@code key} {@code n} times. */
    private static void press(VirtualScreen vs, KeyType key, int n) {
        for (int i = 0; i < n; i++) {
            vs.press(key);
        }
    }

    @Test
    void enterSubmitsTheFormsSpec() {
        VirtualScreen vs = experimentsView();
        vs.press(KeyType.ArrowDown);                 // model
        press(vs, KeyType.ArrowRight, 3);            // thread-target -> pool-map
        vs.press(KeyType.ArrowDown);                 // workers
        press(vs, KeyType.ArrowRight, 2);            // 6
        vs.press(KeyType.ArrowDown);                 // tasks
        vs.press(KeyType.ArrowRight);                // 5
        vs.press(KeyType.ArrowDown);                 // size
        press(vs, KeyType.ArrowLeft, 5);             // stops at the smallest preset, 10M
        vs.press(KeyType.ArrowDown);                 // affinity
        vs.press(KeyType.ArrowRight);                // all on core 0
        vs.press(KeyType.ArrowDown);                 // baseline
        vs.press(KeyType.ArrowRight);                // off
        assertThat(vs.press(KeyType.Enter)).isEqualTo(Outcome.REDRAW);
        assertThat(runs(vs)).containsExactly(
                new RunSpec(KernelKind.CPU, ModelKind.POOL_MAP, 5, 6, 10_000_000, 1, 2, 5, new int[] {0},
                        RunSpec.SEED));
        assertThat(vs.lab.started(LabCommand.RunExperiment.class)).extracting(LabCommand.RunExperiment::baseline)
                .containsExactly(false);
        assertThat(vs.sampler.nowRequests).isPositive();
        assertThat(vs.view.experiments().busy()).isTrue();
        assertThat(vs.text()).contains("running");
    }

    @Test
    void workersAndTasksStayInRange() {
        VirtualScreen vs = experimentsView();
        press(vs, KeyType.ArrowDown, 2);
        press(vs, KeyType.ArrowLeft, 10);
        assertThat(vs.view.experiments().workers()).isEqualTo(1);
        assertThat(vs.press(KeyType.ArrowLeft)).isEqualTo(Outcome.IGNORED);
        press(vs, KeyType.ArrowRight, 100);
        assertThat(vs.view.experiments().workers()).isEqualTo(ExperimentState.MAX_WORKERS);
        assertThat(vs.text()).contains("◂ 64 ▸");
    }

    @Test
    void matmulWorkersLimitTheProductsThreadsAndSpreadPinsToAllCores() {
        VirtualScreen vs = experimentsView();
        press(vs, KeyType.ArrowRight, 2);            // matmul
        vs.press(KeyType.ArrowDown);
        assertThat(vs.press(KeyType.ArrowRight)).as("no model for matmul").isEqualTo(Outcome.IGNORED);
        vs.press(KeyType.ArrowDown);
        vs.press(KeyType.ArrowLeft);                 // 3 threads
        press(vs, KeyType.ArrowDown, 3);             // affinity
        press(vs, KeyType.ArrowLeft, 1);             // wraps to spread
        vs.press('w');
        int[] all = java.util.stream.IntStream.range(0, CORES).toArray();
        assertThat(vs.lab.started(LabCommand.RunSweep.class)).extracting(LabCommand.RunSweep::spec).containsExactly(
                new RunSpec(KernelKind.MATMUL, ModelKind.SEQUENTIAL, 4, 1, 500, 3, 2, 5, all, RunSpec.SEED));
        assertThat(runs(vs)).isEmpty();
    }

    @Test
    void oneExperimentAtATimeAndCancelGoesToTheLab() {
        VirtualScreen vs = experimentsView();
        vs.press(KeyType.Enter);
        vs.press(KeyType.Enter);
        vs.press('w');
        assertThat(vs.lab.sent).as("every press is asked of the lab").hasSize(3);
        assertThat(runs(vs)).hasSize(1);
        assertThat(vs.lab.started(LabCommand.RunSweep.class)).isEmpty();
        assertThat(vs.text()).contains("an experiment is running; c or Esc cancels it");
        vs.press('c');
        assertThat(vs.lab.cancels()).isEqualTo(1);
        assertThat(vs.text()).contains("cancelling…");
        vs.press(KeyType.Escape);
        assertThat(vs.lab.cancels()).isEqualTo(2);
        vs.event(new ExperimentEvent.Idle());
        assertThat(vs.view.experiments().busy()).isFalse();
        assertThat(vs.text()).doesNotContain("cancelling");
        assertThat(vs.press('c')).as("nothing to cancel").isEqualTo(Outcome.IGNORED);
        vs.press(KeyType.Enter);
        assertThat(runs(vs)).hasSize(2);
    }

    @Test
    void anUnavailableModelIsExplainedNotSubmitted() {
        VirtualScreen vs = experimentsView();
        vs.press(KeyType.ArrowDown);
        press(vs, KeyType.ArrowLeft, 6);             // thread-target -> sequential -> wraps past the 4 process models to virtual
        assertThat(vs.text()).contains("◂ virtual ▸");
        RunSpec spec = vs.view.experiments().spec();
        if (Experiments.problem(spec).isPresent()) { // Java 17-20: no virtual threads
            String reason = dev.telar.tui.text.Problems.english(Experiments.problem(spec).get());
            assertThat(vs.text()).contains("unavailable on this JVM").contains("virtual: " + reason.substring(0, 20));
            vs.press(KeyType.Enter);
            assertThat(vs.lab.sent).isEmpty();
            assertThat(vs.text()).contains("cannot run: " + reason.substring(0, 20));
        } else {
            vs.press(KeyType.Enter);
            assertThat(runs(vs)).hasSize(1);
        }
    }

    @Test
    void theViewSwitchListsTelarsOwnThreadsAlongWithTheExpandedProcess() {
        VirtualScreen vs = new VirtualScreen(80, 24).show(Snapshots.lab().build());
        vs.press(KeyType.Enter);                     // expand the selected process (812)
        assertThat(vs.sampler.threadsFor).isEqualTo(Set.of(812));
        vs.press('x');
        assertThat(vs.view.mode()).isEqualTo(ViewState.Mode.EXPERIMENTS);
        assertThat(vs.sampler.threadsFor).isEqualTo(Set.of(812, 4242));
        // Process keys do not apply here: 's' does not sort, Down moves the form.
        vs.press('s');
        assertThat(vs.view.sort()).isEqualTo(SortKey.CPU);
        vs.press(KeyType.F2);
        assertThat(vs.view.mode()).isEqualTo(ViewState.Mode.PROCESSES);
        assertThat(vs.sampler.threadsFor).isEqualTo(Set.of(812));
        assertThat(vs.text()).contains("PID USER");
    }

    @Test
    void enterRunsARealExperimentWithItsBaseline() throws InterruptedException {
        BlockingQueue<LabEvent> events = new LinkedBlockingQueue<>();
        try (LabEngine lab = new LabEngine(RunDirectory.defaultParent(System.getenv()), ExchangeLimits.defaults())) {
            VirtualScreen.RecordingSampler sampler = new VirtualScreen.RecordingSampler();
            ViewState view = new ViewState(1000);
            Dispatcher keys = new Dispatcher(view, sampler, lab);
            lab.subscribe(events::add);
            keys.onSnapshot(Snapshots.lab().build());
            keys.onKey(new KeyStroke('x', false, false));
            for (int i = 0; i < 4; i++) {
                keys.onKey(new KeyStroke(KeyType.ArrowDown));
            }
            for (int i = 0; i < 3; i++) {
                keys.onKey(new KeyStroke(KeyType.ArrowLeft)); // 10M draws
            }
            keys.onKey(new KeyStroke(KeyType.Enter));
            // Feed the lab's events to the handler as the event loop would, until the job is done.
            LabEvent e;
            do {
                e = events.poll(60, TimeUnit.SECONDS);
                assertThat(e).as("a lab event within 60 s").isNotNull();
                keys.onLab(e);
            } while (!(e instanceof LabEvent.JobEnded));
            assertThat(view.labPid()).as("the lab in this JVM computes here").isEqualTo(ProcessHandle.current().pid());
            List<RunResult> results = view.experiments().results();
            assertThat(results).extracting(r -> r.spec().model()).containsExactly(ModelKind.SEQUENTIAL,
                    ModelKind.THREAD_TARGET);
            RunResult run = results.get(1);
            assertThat(run.spec()).isEqualTo(new RunSpec(KernelKind.CPU, ModelKind.THREAD_TARGET, 4, 4, 10_000_000, 1,
                    2, 5, new int[0], RunSpec.SEED));
            assertThat(run.status()).isEqualTo(RunResult.Status.COMPLETED);
            assertThat(run.speedup()).isPresent();
            assertThat(run.result()).isEqualTo(results.get(0).result());
            assertThat(view.experiments().busy()).isFalse();
        }
    }

    /** The specs of the experiment runs the lab started. */
    private static List<RunSpec> runs(VirtualScreen vs) {
        return vs.lab.started(LabCommand.RunExperiment.class).stream().map(LabCommand.RunExperiment::spec).toList();
    }
}
