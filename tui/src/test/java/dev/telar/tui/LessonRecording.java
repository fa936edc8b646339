package dev.telar.tui;

import dev.telar.workloads.lab.LabEngine;
import dev.telar.workloads.lab.LabEvent;
import dev.telar.workloads.lesson.LessonRunner;
import dev.telar.workloads.lesson.LessonSizes;
import dev.telar.workloads.lesson.LessonStep;
import dev.telar.workloads.lesson.StepFigures;
import dev.telar.workloads.mechanism.ExchangeLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole lesson run once on the real engine in this JVM (child JVMs, Chronicle files, sync
 * scenarios) at the smallest budget, its lab events recorded job by job: the measurement's two
 * probes, then every step's jobs in order. Render tests play them back through a
 * {@link ScriptedLab}, so the lesson view is driven by what a real run reports, and compare the
 * screen with the figures the headless runner read from the same events. Made once per test JVM.
 */
public final class LessonRecording {
    /** The budget recorded: the smallest the lesson accepts. */
    public static final double BUDGET = LessonSizes.MIN_BUDGET;
    /** Longest one step may take here: a step runs 20 child JVMs, slow on a machine shared by many builds. */
    public static final Duration STEP_DEADLINE = Duration.ofSeconds(120);

    private static LessonRecording made;

    private final List<List<LabEvent>> jobs;
    private final LessonSizes sizes;
    private final Map<LessonStep, StepFigures> figures;

    private LessonRecording(List<List<LabEvent>> jobs, LessonSizes sizes, Map<LessonStep, StepFigures> figures) {
        this.jobs = jobs;
        this.sizes = sizes;
        this.figures = figures;
    }

    /** The recording, made on first use (about a minute), in a temporary run parent removed afterwards. */
    public static synchronized LessonRecording get() throws IOException, InterruptedException {
        if (made == null) {
            made = record();
        }
        return made;
    }

    private static LessonRecording record() throws IOException, InterruptedException {
        Path parent = Files.createTempDirectory("telar-lesson-recording");
        List<LabEvent> events = Collections.synchronizedList(new ArrayList<>());
        Map<LessonStep, StepFigures> figures = new EnumMap<>(LessonStep.class);
        LessonSizes sizes;
        try (LabEngine lab = new LabEngine(parent, ExchangeLimits.defaults())) {
            // Subscribed before the runner: every event is recorded before the runner sees it.
            lab.subscribe(events::add);
            LessonRunner runner = new LessonRunner(lab);
            LessonRunner.Calibrated calibrated = runner.calibrate(BUDGET, Runtime.getRuntime().availableProcessors(),
                    Duration.ofSeconds(60));
            sizes = calibrated.sizes().orElseThrow(() -> new IllegalStateException("calibration: " + calibrated.problem()));
            for (LessonStep step : LessonStep.values()) {
                figures.put(step, runner.run(step, sizes, STEP_DEADLINE));
            }
        } finally {
            try (Stream<Path> left = Files.walk(parent)) {
                left.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return new LessonRecording(split(List.copyOf(events)), sizes, figures);
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
