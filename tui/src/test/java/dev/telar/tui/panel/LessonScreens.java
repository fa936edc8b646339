package dev.telar.tui.panel;

import dev.telar.config.Settings;
import dev.telar.tui.Snapshots;
import dev.telar.tui.VirtualScreen;
import dev.telar.tui.view.LessonOptions;
import dev.telar.workloads.lab.JobKind;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.lesson.LessonPart;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.run.ExperimentEvent;
import dev.telar.workloads.run.RunResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The lesson view in each state that has words of its own: measuring this machine, its help, a
 * measured step with its big figure, table and takeaway, a failed step, a step being stopped, the
 * autoplay countdown, and a read-only lesson refusing a key and asking before quitting. The lab
 * answers as {@link dev.telar.tui.ScriptedLab} does; the runs' results are made here.
 */
final class LessonScreens {
    private LessonScreens() {
    }

    static Map<String, Function<VirtualScreen, VirtualScreen>> all() {
        Map<String, Function<VirtualScreen, VirtualScreen>> steps = new LinkedHashMap<>();
        steps.put("lesson measuring", vs -> opened(vs));
        steps.put("lesson help", vs -> {
            opened(vs).press('h');
            return vs;
        });
        steps.put("lesson step measured", vs -> measured(calibrated(opened(vs))));
        steps.put("lesson step failed", vs -> {
            calibrated(opened(vs)).lab.reject(JobKind.EXPERIMENT, Problem.of(ProblemCode.ERROR, "no room"));
            return vs.settle();
        });
        steps.put("lesson stopping a step", vs -> {
            calibrated(opened(vs)).press('n');
            return vs;
        });
        steps.put("lesson autoplay countdown", vs -> {
            VirtualScreen auto = like(vs, new LessonOptions(LessonOptions.MAX_AUTOPLAY, false, 0.05,
                    LessonPart.PROCESSES_AND_THREADS));
            measured(calibrated(auto));
            return auto.show(Snapshots.lab().build());
        });
        steps.put("lesson read-only refusal", vs -> {
            VirtualScreen ro = like(vs, new LessonOptions(0, true, 0.05, LessonPart.EXCHANGE));
            ro.press('x');
            return ro;
        });
        steps.put("lesson read-only quit asked", vs -> {
            VirtualScreen ro = like(vs, new LessonOptions(0, true, 0.05, LessonPart.SYNCHRONIZATION));
            ro.press('q');
            return ro;
        });
        return steps;
    }

    /** The lesson opened with its key from the process list. */
    private static VirtualScreen opened(VirtualScreen vs) {
        vs.show(Snapshots.lab().build());
        vs.press('g');
        return vs;
    }

    /** A screen of the same size and look as {@code vs}, opened on the lesson with {@code options}. */
    private static VirtualScreen like(VirtualScreen vs, LessonOptions options) {
        Settings look = Settings.defaults().withLanguage(vs.view.language()).withTheme(vs.view.theme())
                .withAscii(vs.view.ascii()).withMouse(vs.view.mouse());
        VirtualScreen other = new VirtualScreen(vs.terminal.getTerminalSize().getColumns(),
                vs.terminal.getTerminalSize().getRows(), look, options, List.of());
        return other.show(Snapshots.lab().build());
    }

    /** The measurement's two probes answered: each completes in 0.2 s, then its job ends. */
    static VirtualScreen calibrated(VirtualScreen vs) {
        for (int probe = 0; probe < 2; probe++) {
            finish(vs, 0.2, 0.2);
        }
        return vs;
    }

    /** The first step's run answered: four threads keeping 1.9 cores busy. */
    private static VirtualScreen measured(VirtualScreen vs) {
        return finish(vs, 0.5, 0.95);
    }

    /** The last experiment job sent completes in {@code wall} seconds of {@code cpu} CPU seconds. */
    private static VirtualScreen finish(VirtualScreen vs, double wall, double cpu) {
        LabCommand.RunExperiment job = (LabCommand.RunExperiment) vs.lab.started.get(vs.lab.started.size() - 1);
        vs.event(new ExperimentEvent.Started(job.spec()));
        vs.event(new ExperimentEvent.Finished(new RunResult(job.spec(), RunResult.Status.COMPLETED, Problem.NONE, wall,
                cpu, 1, Double.NaN, 4, 0)));
        return vs.event(new ExperimentEvent.Idle());
    }
}
