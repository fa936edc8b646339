package dev.telar.tui.handout;

import dev.telar.tui.LessonWords;
import dev.telar.tui.chart.SpeedupChart;
import dev.telar.tui.text.Problems;
import dev.telar.tui.text.Texts;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.lab.Lab;
import dev.telar.workloads.lesson.LessonRunner;
import dev.telar.workloads.lesson.LessonSizes;
import dev.telar.workloads.lesson.LessonStep;
import dev.telar.workloads.lesson.StepFigures;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.run.RunSpec;
import dev.telar.workloads.run.Sweep;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * The handout's measurements, headless on a lab: the calibration, every step of the lesson through
 * {@link LessonRunner}, then the two sweeps its speed-up chart needs (the cpu kernel on threads and
 * on child processes), each job the same command the views send. One progress line per job.
 */
public final class HandoutRun {
    /** Why the run could not measure at all: the calibration failed. */
    public static final class CalibrationFailed extends Exception {
        private final transient Problem problem;

        CalibrationFailed(Problem problem) {
            super(problem.toString());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private final Lab lab;
    private final Texts texts;
    private final LessonWords words;
    private final Consumer<String> progress;

    /**
     * @param lab      a lab running no job; this run subscribes to it
     * @param texts    the language of the progress lines
     * @param progress takes one line per calibration, step and sweep
     */
    public HandoutRun(Lab lab, Texts texts, Consumer<String> progress) {
        this.lab = lab;
        this.texts = texts;
        this.words = new LessonWords(texts);
        this.progress = progress;
    }

    /**
     * Runs everything once.
     *
     * @param budgetSeconds what a step's one-worker run should take
     * @param host          the machine (its cores size the runs)
     * @throws CalibrationFailed when this machine could not be measured, so no step can be sized
     */
    public HandoutFigures run(double budgetSeconds, HostDescription host, Clock clock)
            throws InterruptedException, CalibrationFailed {
        LessonRunner runner = new LessonRunner(lab);
        int cores = Math.max(1, host.cores());
        progress.accept(texts.format("cli.handout.calibrating", budgetSeconds));
        LessonRunner.Calibrated calibrated = runner.calibrate(budgetSeconds, cores, stepDeadline(budgetSeconds));
        if (calibrated.sizes().isEmpty()) {
            throw new CalibrationFailed(calibrated.problem());
        }
        LessonSizes sizes = calibrated.sizes().get();
        LessonStep[] steps = LessonStep.values();
        int total = steps.length + 2;
        List<StepFigures> figures = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            StepFigures f = runner.run(steps[i], sizes, stepDeadline(budgetSeconds));
            figures.add(f);
            String result = f.measured() && f.key().present()
                    ? texts.format("cli.handout.measured", words.keyCaption(steps[i]), words.figure(f.key()))
                    : words.outcome(f);
            progress.accept(texts.format("cli.handout.step", i + 1, total, words.stepTitle(steps[i]), result));
        }
        Problem sweepProblem = Problem.NONE;
        List<SortedMap<Integer, Double>> sweeps = new ArrayList<>();
        ModelKind[] models = {ModelKind.THREAD_TARGET, ModelKind.PROCESS_TARGET};
        String[] names = {texts.get("chart.series.threads"), texts.get("chart.series.processes")};
        for (int m = 0; m < models.length; m++) {
            LessonRunner.Swept swept = runner.sweep(sweepSpec(models[m], sizes, cores), sweepDeadline(budgetSeconds));
            SortedMap<Integer, Double> points = SpeedupChart.points(swept.results());
            sweeps.add(points);
            if (!swept.complete() && sweepProblem.equals(Problem.NONE)) {
                sweepProblem = swept.problem();
            }
            progress.accept(texts.format("cli.handout.sweep", steps.length + 1 + m, total, names[m], swept.complete()
                    ? texts.format("cli.handout.sweep.done", points.size()) : Problems.text(swept.problem(), texts)));
        }
        return new HandoutFigures(host, clock.instant(), sizes, figures, sweeps.get(0), sweeps.get(1), sweepProblem);
    }

    /**
     * The speed-up sweep of the cpu kernel on {@code model}: as many tasks as the most workers the
     * sweep tries (with four tasks, six workers would find nothing to do), the lesson's total draws
     * shared among them, so the sequential baseline takes about the step budget.
     */
    static RunSpec sweepSpec(ModelKind model, LessonSizes sizes, int cores) {
        List<Integer> counts = Sweep.counts(cores, Sweep.defaultCount(KernelKind.CPU));
        int tasks = counts.get(counts.size() - 1);
        long draws = Math.max(10_000, sizes.cpuDraws() * LessonSizes.TASKS / tasks);
        return new RunSpec(KernelKind.CPU, model, tasks, 1, draws, 1, 1, 5, new int[0], RunSpec.SEED);
    }

    /**
     * Longest a step may take: its few runs of about the budget each, and room for the child JVMs'
     * start-ups on a busy machine (the exchange step starts 20; on 2 cores under a load of 30 it
     * took over a minute). Only a hung step should reach it.
     */
    static Duration stepDeadline(double budgetSeconds) {
        return Duration.ofSeconds(Math.max(240, (long) Math.ceil(budgetSeconds * 40)));
    }

    /** Longest a sweep may take: a baseline and a handful of counts, child JVMs included. */
    static Duration sweepDeadline(double budgetSeconds) {
        return Duration.ofSeconds(Math.max(240, (long) Math.ceil(budgetSeconds * 60)));
    }
}
