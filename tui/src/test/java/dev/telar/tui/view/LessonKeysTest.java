package dev.telar.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.telar.config.Language;
import dev.telar.config.Settings;
import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.lab.JobKind;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lesson.LessonPart;
import dev.telar.workloads.lesson.LessonStep;
import dev.telar.workloads.lesson.StepFigures;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lesson's keys and its driving of the lab, on a {@link VirtualScreen} whose lab answers as the
 * engine does: read-only refuses every key but the step keys and asks before quitting; moving on
 * while a job runs cancels it and starts the next step only after the lab reported the job's end;
 * autoplay moves on after a failed step too, and from the last step back to the first.
 */
@Timeout(30)
class LessonKeysTest {
    private static final LessonOptions READONLY = new LessonOptions(0, true, 0.05, LessonPart.PROCESSES_AND_THREADS);

    private static VirtualScreen lesson(LessonOptions options) {
        VirtualScreen vs = new VirtualScreen(80, 24, Settings.defaults(), options, List.of());
        vs.show(Snapshots.lab().build());
        return vs;
    }

    /** What a refused key must leave as it was. */
    private record Seen(ViewState.Mode mode, int index, LessonState.Phase phase, boolean paused, Language language,
                        Object theme, long interval, boolean help, int sent) {
        static Seen of(VirtualScreen vs) {
            ViewState v = vs.view;
            return new Seen(v.mode(), v.lesson().index(), v.lesson().phase(), v.lesson().paused(), v.language(),
                    v.theme(), vs.sampler.interval, v.helpVisible(), vs.lab.sent.size());
        }
    }

    @Test
    void readonlyRefusesEveryKeyButTheStepKeysAndSaysSo() {
        VirtualScreen vs = lesson(READONLY);
        String refusal = Texts.of(Language.EN).get("lesson.view.readonly");
        assertThat(vs.view.mode()).isEqualTo(ViewState.Mode.LESSON);
        List<KeyStroke> refused = List.of(stroke('x'), new KeyStroke(KeyType.F2), stroke('X'), stroke('y'), stroke('f'),
                stroke('g'), stroke('h'), new KeyStroke(KeyType.F1), stroke('L'), stroke('T'), stroke('+'), stroke('-'),
                stroke('k'), stroke('s'), stroke('/'), stroke('t'), stroke('c'), stroke('l'), stroke('m'),
                new KeyStroke(KeyType.Escape), new KeyStroke(KeyType.Tab), new KeyStroke(KeyType.F9),
                new KeyStroke('z', true, false), new KeyStroke(KeyType.ArrowUp), new KeyStroke(KeyType.Delete));
        for (KeyStroke key : refused) {
            Seen before = Seen.of(vs);
            assertThat(vs.press(key)).as("%s", key).isEqualTo(Outcome.REDRAW);
            assertThat(Seen.of(vs)).as("%s changes nothing", key).isEqualTo(before);
            assertThat(vs.rows().get(23)).as("%s is refused in the footer", key).startsWith(refusal);
        }
        // The step keys work: next, previous, pause, a part, replay.
        vs.press('n');
        assertThat(vs.view.lesson().index()).isEqualTo(1);
        assertThat(vs.rows().get(23)).doesNotContain(refusal.substring(0, 20));
        vs.press(KeyType.ArrowLeft);
        assertThat(vs.view.lesson().index()).isZero();
        vs.press(' ');
        assertThat(vs.view.lesson().paused()).isTrue();
        vs.press('.');
        assertThat(vs.view.lesson().paused()).isFalse();
        vs.press('3');
        assertThat(vs.view.lesson().step()).isEqualTo(LessonStep.PROCESS_TARGET);
        vs.press('r');
        assertThat(vs.view.lesson().step()).isEqualTo(LessonStep.PROCESS_TARGET);
    }

    @Test
    void readonlyQuitAsksFirstAndOnlyYQuits() {
        VirtualScreen vs = lesson(READONLY);
        String question = Texts.of(Language.EN).get("lesson.view.quit");
        Seen before = Seen.of(vs);
        assertThat(vs.press('q')).isEqualTo(Outcome.REDRAW);
        assertThat(vs.view.lesson().quitAsked()).isTrue();
        assertThat(vs.rows().get(23)).startsWith(question);
        assertThat(vs.press('n')).as("n: no").isEqualTo(Outcome.REDRAW);
        assertThat(vs.view.lesson().quitAsked()).isFalse();
        assertThat(vs.rows().get(23)).doesNotContain(question);
        assertThat(Seen.of(vs)).as("n neither quits nor moves on").isEqualTo(before);
        assertThat(vs.press(new KeyStroke('c', true, false))).as("Ctrl-C asks too").isEqualTo(Outcome.REDRAW);
        assertThat(vs.press(KeyType.Escape)).isEqualTo(Outcome.REDRAW);
        assertThat(vs.press(KeyType.F10)).isEqualTo(Outcome.REDRAW);
        assertThat(vs.press('y')).as("q, then y").isEqualTo(Outcome.QUIT);
    }

    @Test
    void notReadonlyTheUsualKeysWorkAndQQuitsAtOnce() {
        VirtualScreen vs = lesson(LessonOptions.DEFAULTS);
        vs.press('L');
        assertThat(vs.view.language()).isEqualTo(Language.ES);
        vs.press('g');
        assertThat(vs.view.mode()).isEqualTo(ViewState.Mode.PROCESSES);
        assertThat(vs.lab.cancels()).as("leaving the lesson cancels its job").isEqualTo(1);
        vs.press('g');
        assertThat(vs.view.mode()).isEqualTo(ViewState.Mode.LESSON);
        assertThat(vs.press('q')).isEqualTo(Outcome.QUIT);
    }

    @Test
    void movingOnWhileAJobRunsCancelsItAndWaitsForItsEnd() {
        VirtualScreen vs = lesson(LessonOptions.DEFAULTS);
        calibrate(vs);
        LessonState s = vs.view.lesson();
        assertThat(s.phase()).isEqualTo(LessonState.Phase.RUNNING);
        int jobs = vs.lab.started.size();
        vs.press('n');
        assertThat(vs.lab.cancels()).isEqualTo(1);
        assertThat(s.phase()).isEqualTo(LessonState.Phase.CANCELLING);
        assertThat(vs.lab.started).as("no job before the cancelled one ended").hasSize(jobs);
        assertThat(s.figures(LessonStep.THREADS_IN_A_PROCESS)).as("a cancelled step keeps no figures").isEmpty();
        vs.lab.end(JobKind.EXPERIMENT);
        vs.settle();
        assertThat(s.phase()).isEqualTo(LessonState.Phase.RUNNING);
        assertThat(s.step()).isEqualTo(LessonStep.VIRTUAL_THREADS);
        assertThat(vs.lab.started).hasSize(jobs + 1);
        assertThat(((LabCommand.RunExperiment) vs.lab.started.get(jobs)).spec().model())
                .isEqualTo(LessonStep.VIRTUAL_THREADS.model());
    }

    @Test
    void autoplayShowsAFailureThenMovesOnAndLoopsFromTheLastStepToTheFirst() {
        VirtualScreen vs = lesson(new LessonOptions(0.001, true, 0.05, LessonPart.SYNCHRONIZATION));
        LessonState s = vs.view.lesson();
        assertThat(s.step()).isEqualTo(LessonStep.RACE);
        // While the machine is measured, the step keys only choose the step to start with.
        for (int i = 0; i < LessonStep.values().length - 1 - LessonStep.RACE.ordinal(); i++) {
            vs.press('n');
        }
        assertThat(s.step()).isEqualTo(LessonStep.BARRIER);
        calibrate(vs);
        assertThat(vs.lab.started.get(vs.lab.started.size() - 1)).isInstanceOf(LabCommand.RunScenario.class);
        vs.lab.reject(JobKind.SCENARIO, Problem.of(ProblemCode.ERROR, "no room"));
        vs.settle();
        assertThat(s.phase()).isEqualTo(LessonState.Phase.SHOWN);
        StepFigures failed = s.figures(LessonStep.BARRIER).orElseThrow();
        assertThat(failed.outcome()).isEqualTo(StepFigures.Outcome.FAILED);
        assertThat(vs.text()).contains("no room");
        // Autoplay's 1 ms must have passed since the step was shown: the clock is System.nanoTime.
        long shown = System.nanoTime();
        while (System.nanoTime() - shown < 5_000_000L) {
            Thread.onSpinWait();
        }
        vs.show(Snapshots.lab().build()); // a tick of the sampler's clock
        assertThat(s.step()).as("after the last step, the first").isEqualTo(LessonStep.THREADS_IN_A_PROCESS);
        assertThat(s.rounds()).isEqualTo(1);
        assertThat(s.phase()).as("the scenario still holds the lab's slot").isEqualTo(LessonState.Phase.WAITING);
        vs.lab.end(JobKind.SCENARIO);
        vs.settle();
        assertThat(s.phase()).isEqualTo(LessonState.Phase.RUNNING);
        assertThat(vs.lab.started.get(vs.lab.started.size() - 1)).isInstanceOf(LabCommand.RunExperiment.class);
    }

    /** Answers the measurement's two probes as the lab would: each run completes, then its job ends. */
    private static void calibrate(VirtualScreen vs) {
        for (int probe = 0; probe < 2; probe++) {
            assertThat(vs.view.lesson().phase()).isEqualTo(LessonState.Phase.CALIBRATING);
            LabCommand.RunExperiment job = (LabCommand.RunExperiment) vs.lab.started.get(vs.lab.started.size() - 1);
            vs.event(new ExperimentEvent.Started(job.spec()));
            vs.event(new ExperimentEvent.Finished(new RunResult(job.spec(), RunResult.Status.COMPLETED, Problem.NONE,
                    0.2, 0.2, 1, Double.NaN, 1, 0)));
            vs.event(new ExperimentEvent.Idle());
        }
        assertThat(vs.view.lesson().sizes()).isPresent();
    }

    private static KeyStroke stroke(char c) {
        return new KeyStroke(c, false, false);
    }
}
