package dev.telar.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.workloads.lab.JobKind;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.sync.scenario.Primitive;
import org.junit.jupiter.api.Test;

/** What each view says when the lab refuses, rejects or loses a job, in both languages; the view stays usable. */
class LabMessagesTest {
    private static VirtualScreen view(char key) {
        VirtualScreen vs = new VirtualScreen(100, 30).show(Snapshots.lab().build());
        vs.press(key);
        return vs;
    }

    @Test
    void anExperimentAskedForWhileAScenarioRunsIsRefusedInOneLineInBothLanguages() {
        VirtualScreen vs = view('y');
        vs.press(KeyType.Enter);
        assertThat(vs.view.sync().running()).isTrue();
        vs.press('x');
        vs.press(KeyType.Enter);
        assertThat(vs.lab.started(LabCommand.RunExperiment.class)).isEmpty();
        assertThat(vs.view.experiments().busy()).isFalse();
        assertThat(vs.rowOf("a sync scenario is running: cancel it (c) before starting an experiment")).isPositive();
        vs.press('L');
        assertThat(vs.text()).contains("hay un escenario en marcha: cancélalo (c) antes de empezar un experimento");
        vs.press('c');
        assertThat(vs.lab.cancels()).as("c cancels the lab's one job, whichever view started it").isEqualTo(1);
        vs.lab.end(JobKind.SCENARIO);
        vs.settle();
        assertThat(vs.text()).doesNotContain("cancélalo").doesNotContain("cancelando");
        vs.press(KeyType.Enter);
        assertThat(vs.lab.started(LabCommand.RunExperiment.class)).hasSize(1);
    }

    @Test
    void aScenarioAskedForWhileTheRaceRunsNamesTheRace() {
        VirtualScreen vs = view('X');
        vs.press('r');
        vs.press('y');
        vs.press(' ');
        assertThat(vs.text()).contains("the race demo is running: cancel it (c) before starting a sync scenario");
        assertThat(vs.view.sync().running()).isFalse();
        assertThat(vs.view.sync().primitive()).isEqualTo(Primitive.LOCK);
    }

    @Test
    void aRejectedJobShowsItsReasonInTheViewThatAskedForIt() {
        VirtualScreen vs = view('X');
        vs.lab.reject(JobKind.EXCHANGE, Problem.of(ProblemCode.EXCHANGE_PROCESSES, 64, 80));
        vs.settle();
        assertThat(vs.text()).contains("cannot start: processes must be 1..64, got 80");
        vs.press('L');
        assertThat(vs.text()).contains("no se puede iniciar: los procesos deben estar entre 1 y 64; se dio 80")
                .doesNotContain("processes must");
    }

    @Test
    void aLostLabSaysWhyAndTheNextJobCanBeAskedFor() {
        VirtualScreen vs = view('x');
        vs.press(KeyType.Enter);
        assertThat(vs.view.experiments().busy()).isTrue();
        vs.lab.lose(Problem.of(ProblemCode.LAB_KILLED, 4242, 137));
        vs.settle();
        assertThat(vs.view.experiments().busy()).isFalse();
        assertThat(vs.view.labJob()).isEmpty();
        assertThat(vs.text()).contains("the lab stopped (lab JVM 4242 lost: killed by SIGKILL (9)); the next job starts a new one");
        vs.press('X');
        assertThat(vs.text()).as("every job view says it").contains("the lab stopped (");
        vs.press('L');
        assertThat(vs.text()).contains("el laboratorio se detuvo (se perdió la JVM del laboratorio 4242: terminó por la señal "
                + "SIGKILL (9))").doesNotContain("killed by");
        vs.press('x');
        vs.press(KeyType.Enter);
        assertThat(vs.lab.started(LabCommand.RunExperiment.class)).hasSize(2);
        assertThat(vs.view.experiments().busy()).isTrue();
    }
}
