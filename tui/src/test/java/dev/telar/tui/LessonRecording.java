package dev.telar.tui;

import dev.telar.tui.cli.HandoutRecording;
import dev.telar.workloads.lab.JobKind;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.lesson.LessonSizes;
import dev.telar.workloads.lesson.LessonStep;
import dev.telar.workloads.lesson.StepFigures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The whole lesson run once on the real engine in this JVM (child JVMs, Chronicle files, sync
 * scenarios) at the smallest budget, its lab events recorded job by job: the measurement's two
 * probes, then every step's jobs in order. Render tests play them back through a
 * {@link ScriptedLab}, so the lesson view is driven by what a real run reports, and compare the
 * screen with the figures the headless runner read from the same events. The run is the handout's
 * ({@link HandoutRecording}, made once per test JVM), whose two sweeps after the steps are left out.
 */
public final class LessonRecording {
    /** The budget recorded: the smallest the lesson accepts. */
    public static final double BUDGET = LessonSizes.MIN_BUDGET;
    /** The handout's jobs after the lesson's steps: a thread sweep and a process sweep. */
    private static final int SWEEPS = 2;

    private static LessonRecording made;

    private final List<List<LabEvent>> jobs;
    private final LessonSizes sizes;
    private final Map<LessonStep, StepFigures> figures;

    private LessonRecording(List<List<LabEvent>> jobs, LessonSizes sizes, Map<LessonStep, StepFigures> figures) {
        this.jobs = jobs;
        this.sizes = sizes;
        this.figures = figures;
    }

    /** The recording, made on first use (the handout's run), in a temporary run parent removed at exit. */
    public static synchronized LessonRecording get() throws IOException {
        if (made == null) {
            made = record();
        }
        return made;
    }

    private static LessonRecording record() throws IOException {
        HandoutRecording run = HandoutRecording.get();
        if (run.code != 0 || run.figures == null) {
            throw new IllegalStateException("the handout's run failed (" + run.code + "): " + run.err);
        }
        List<List<LabEvent>> all = split(run.events);
        List<List<LabEvent>> sweeps = all.subList(all.size() - SWEEPS, all.size());
        for (List<LabEvent> sweep : sweeps) {
            if (!sweep.get(0).equals(new LabEvent.JobStarted(JobKind.SWEEP))) {
                throw new IllegalStateException("the handout's last jobs are not its two sweeps: " + sweep.get(0));
            }
        }
        Map<LessonStep, StepFigures> figures = new EnumMap<>(LessonStep.class);
        run.figures.steps().forEach(f -> figures.put(f.step(), f));
        return new LessonRecording(List.copyOf(all.subList(0, all.size() - SWEEPS)), run.figures.sizes(), figures);
    }

    /** The events cut into jobs: from a {@code JobStarted} to its {@code JobEnded}, a refusal on its own. */
    private static List<List<LabEvent>> split(List<LabEvent> events) {
        List<List<LabEvent>> jobs = new ArrayList<>();
        List<LabEvent> job = null;
        for (LabEvent e : events) {
            if (e instanceof LabEvent.Refused) {
                jobs.add(List.of(e));
            } else if (e instanceof LabEvent.JobStarted) {
                job = new ArrayList<>();
                job.add(e);
            } else if (job != null) {
                job.add(e);
                if (e instanceof LabEvent.JobEnded) {
                    jobs.add(List.copyOf(job));
                    job = null;
                }
            }
        }
        return List.copyOf(jobs);
    }

    /** Every recorded job, in the order the lesson sends them from its first step. */
    public List<List<LabEvent>> jobs() {
        return jobs;
    }

    /** The sizes measured. */
    public LessonSizes sizes() {
        return sizes;
    }

    /** What the headless runner read for each step from the same events. */
    public StepFigures figures(LessonStep step) {
        return figures.get(step);
    }
}
