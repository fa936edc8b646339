package dev.telar.workloads.lesson;

import static dev.telar.workloads.lesson.Takeaway.Code.BEST_ABOVE_CORES;
import static dev.telar.workloads.lesson.Takeaway.Code.BEST_WITHIN_CORES;
import static dev.telar.workloads.lesson.Takeaway.Code.CORES_SHARED;
import static dev.telar.workloads.lesson.Takeaway.Code.EXACT_AND_FASTER;
import static dev.telar.workloads.lesson.Takeaway.Code.EXACT_NOT_FASTER;
import static dev.telar.workloads.lesson.Takeaway.Code.FASTER;
import static dev.telar.workloads.lesson.Takeaway.Code.LOST_WITHOUT_LOCK;
import static dev.telar.workloads.lesson.Takeaway.Code.LOST_WITH_LOCK;
import static dev.telar.workloads.lesson.Takeaway.Code.NONE_LOST;
import static dev.telar.workloads.lesson.Takeaway.Code.NOT_FASTER;
import static dev.telar.workloads.lesson.Takeaway.Code.ONE_CORE;
import static dev.telar.workloads.lesson.Takeaway.Code.ONE_CORE_BUSY;
import static dev.telar.workloads.lesson.Takeaway.Code.RULE_BROKEN;
import static dev.telar.workloads.lesson.Takeaway.Code.RULE_KEPT;
import static dev.telar.workloads.lesson.Takeaway.Code.TOTAL_WRONG;

import dev.telar.workloads.exchange.ExchangeEvent;
import dev.telar.workloads.lesson.FigureRow.Label;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.problem.ProblemCode;
import dev.telar.workloads.race.RaceResult;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.sync.scenario.BarrierFigures;
import dev.telar.workloads.sync.scenario.ConditionFigures;
import dev.telar.workloads.sync.scenario.EventFigures;
import dev.telar.workloads.sync.scenario.LockFigures;
import dev.telar.workloads.sync.scenario.RLockFigures;
import dev.telar.workloads.sync.scenario.ScenarioOutcome;
import dev.telar.workloads.sync.scenario.SemaphoreFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a finished step's events into its figures and picks its takeaway. */
final class StepReadings {
    private StepReadings() {
    }

    static StepFigures read(LessonStep step, LessonSizes sizes, StepRun.Seen seen) {
        try {
            return switch (step.reading()) {
                case CORES_BUSY -> coresBusy(step, sizes, seen);
                case SPEEDUP -> speedup(step, sizes, seen);
                case SWEEP -> sweep(step, sizes, seen);
                case EXCHANGE -> exchange(step, sizes, seen);
                case RACE -> race(step, sizes, seen);
                case LOCK -> lock(step, sizes, seen);
                case SCENARIO -> scenario(step, sizes, seen);
            };
        } catch (IndexOutOfBoundsException | IllegalStateException missing) {
            // A job ended without the result it always reports: say so rather than show half a table.
            return StepFigures.notMeasured(step, StepFigures.Outcome.FAILED,
                    Problem.of(ProblemCode.ERROR, "no result for step " + step.id()), sizes.cores());
        }
    }

    private static StepFigures coresBusy(LessonStep step, LessonSizes sizes, StepRun.Seen seen) {
        RunResult run = seen.runs.get(seen.runs.size() - 1);
        double busy = run.cpuSeconds() / run.wallSeconds();
        int threads = run.spec().workers();
        List<FigureRow> rows = List.of(
                FigureRow.of(Label.THREADS, threads, Figure.seconds(run.wallSeconds()), Figure.none(Figure.Unit.SECONDS)),
                FigureRow.of(Label.CORES_BUSY, threads, new Figure(Figure.Unit.CORES, busy), Figure.none(Figure.Unit.CORES)));
        Figure key = new Figure(Figure.Unit.CORES, busy);
        return pick(new StepFigures(step, StepFigures.Outcome.MEASURED, Problem.NONE, sizes.cores(), key,
                step.lectureKey(), rows, true, 0, 0, 0, placeholder()), List.of(
                        takeaway(ONE_CORE, cores(sizes)),
                        takeaway(CORES_SHARED, key, Figure.count(threads)),
                        takeaway(ONE_CORE_BUSY, key, Figure.count(threads))));
    }

    private static StepFigures speedup(LessonStep step, LessonSizes sizes, StepRun.Seen seen) {
        RunResult base = seen.runs.get(0);
        RunResult run = seen.runs.get(1);
        int workers = run.spec().workers();
        Label label = switch (step) {
            case GIL, GIL_IO -> Label.GIL_THREADS;
            case SUBINTERPRETERS -> Label.INTERPRETERS;
            case VIRTUAL_THREADS -> Label.VIRTUAL_THREADS;
            case PROCESS_TARGET -> Label.PROCESSES;
            case PROCESS_POOL -> Label.POOL_PROCESSES;
            default -> Label.THREADS;
        };
        boolean processes = step.part() == LessonPart.PROCESSES;
        double lectureOne = switch (step) {
            case JVM_THREADS, GIL -> Lecture.ONE_THREAD;
            case PROCESS_TARGET -> Lecture.ONE_PROCESS;
            case PROCESS_POOL -> Lecture.POOL_ONE;
            default -> Double.NaN;
        };
        double lectureMany = switch (step) {
            case JVM_THREADS, GIL -> Lecture.FOUR_THREADS;
            case PROCESS_TARGET -> Lecture.FOUR_PROCESSES;
            case PROCESS_POOL -> Lecture.POOL_FOUR;
            default -> Double.NaN;
        };
        List<FigureRow> rows = new ArrayList<>();
        rows.add(FigureRow.of(processes ? label : Label.THREADS, 1, Figure.seconds(base.wallSeconds()),
                Figure.seconds(lectureOne)));
        rows.add(FigureRow.of(label, workers, Figure.seconds(run.wallSeconds()), Figure.seconds(lectureMany)));
        if (run.maxConcurrent() > 0) {
            rows.add(FigureRow.of(Label.MOST_COMPUTING, workers, Figure.count(run.maxConcurrent()),
                    Figure.count(1))); // CPython's lock lets one thread run bytecode at a time
        }
        if (processes && !Double.isNaN(run.startSeconds())) {
            rows.add(FigureRow.of(Label.START_UP, workers, Figure.seconds(run.startSeconds()),
                    Figure.none(Figure.Unit.SECONDS)));
        }
        Figure key = Figure.speedup(base.wallSeconds() / run.wallSeconds());
        // Waiting overlaps on any number of cores, and one lock allows one core whatever the number:
        // only the steps that compute on every worker at once need a second core to be faster.
        boolean needsCores = step != LessonStep.GIL_IO && step != LessonStep.VIRTUAL_THREADS && step != LessonStep.GIL;
        List<Takeaway> candidates = new ArrayList<>();
        if (needsCores) {
            candidates.add(takeaway(ONE_CORE, cores(sizes)));
        }
        candidates.add(takeaway(FASTER, key, Figure.count(workers), cores(sizes)));
        candidates.add(takeaway(NOT_FASTER, key, Figure.count(workers)));
        return pick(new StepFigures(step, StepFigures.Outcome.MEASURED, Problem.NONE, sizes.cores(), key,
                step.lectureKey(), rows, true, 0, 0, 0, placeholder()), candidates);
    }

    private static StepFigures sweep(LessonStep step, LessonSizes sizes, StepRun.Seen seen) {
        List<RunResult> results = seen.sweep;
        RunResult base = results.get(0);
        TreeMap<Integer, Double> here = new TreeMap<>();
        for (RunResult r : results.subList(1, results.size())) {
            here.merge(r.spec().kernelThreads(), r.wallSeconds(), Math::min);
        }
        if (here.isEmpty()) {
            throw new IllegalStateException("sweep without runs");
        }
        Map.Entry<Integer, Double> best = here.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow();
        TreeMap<Integer, Boolean> counts = new TreeMap<>();
        here.keySet().forEach(c -> counts.put(c, true));
        Lecture.THREAD_LIMIT.keySet().stream().filter(c -> c > 0).forEach(c -> counts.putIfAbsent(c, false));
        List<FigureRow> rows = new ArrayList<>();
        counts.forEach((c, measured) -> rows.add(FigureRow.of(Label.KERNEL_THREADS, c,
                Figure.seconds(measured ? here.get(c) : Double.NaN),
                Figure.seconds(Lecture.THREAD_LIMIT.getOrDefault(c, Double.NaN)))));
        rows.add(FigureRow.of(Label.KERNEL_THREADS, 0, Figure.none(Figure.Unit.SECONDS),
                Figure.seconds(Lecture.THREAD_LIMIT.get(0))));
        Figure key = Figure.speedup(base.wallSeconds() / best.getValue());
        Figure bestCount = Figure.count(best.getKey());
        Figure bestSeconds = Figure.seconds(best.getValue());
        return pick(new StepFigures(step, StepFigures.Outcome.MEASURED, Problem.NONE, sizes.cores(), key,
                step.lectureKey(), rows, true, best.getKey(), 0, 0, placeholder()), List.of(
                        takeaway(BEST_WITHIN_CORES, bestCount, bestSeconds, cores(sizes)),
                        takeaway(BEST_ABOVE_CORES, bestCount, bestSeconds, cores(sizes))));
    }

    private static StepFigures exchange(LessonStep step, LessonSizes sizes, StepRun.Seen seen) {
        List<FigureRow> rows = new ArrayList<>();
        Map<Mechanism, double[]> pairs = new TreeMap<>();
        boolean exact = true;
        int wrong = 0;
        for (ExchangeEvent.RunFinished f : seen.exchanges) {
            Mechanism m = f.result().spec().mechanism();
            int p = f.result().spec().processes();
            rows.add(new FigureRow(Label.MECHANISM, p, m.cliName(), Figure.seconds(f.result().wallSeconds()),
                    Figure.seconds(Lecture.exchange(m, p))));
            pairs.computeIfAbsent(m, k -> new double[] {Double.NaN, Double.NaN})[p == 1 ? 0 : 1] = f.result().wallSeconds();
            if (!f.totalMatches()) {
                exact = false;
                wrong++;
            }
        }
        double lowest = pairs.values().stream().mapToDouble(v -> v[0] / v[1]).min().orElseThrow(IllegalStateException::new);
        Figure key = Figure.speedup(lowest);
        int processes = LessonSizes.TASKS;
        return pick(new StepFigures(step, StepFigures.Outcome.MEASURED, Problem.NONE, sizes.cores(), key,
                step.lectureKey(), rows, exact, 0, 0, 0, placeholder()), List.of(
                        takeaway(TOTAL_WRONG, Figure.count(wrong)),
                        takeaway(ONE_CORE, cores(sizes)),
                        takeaway(EXACT_AND_FASTER, key, Figure.count(processes)),
                        takeaway(EXACT_NOT_FASTER, key, Figure.count(processes))));
    }

    private static StepFigures race(LessonStep step, LessonSizes sizes, StepRun.Seen seen) {
        RaceResult r = seen.races.get(seen.races.size() - 1);
        return lost(step, sizes, r.processes(), r.expected(), r.lostUpdates(), r.lostWithLock());
    }

    private static StepFigures lock(LessonStep step, LessonSizes sizes, StepRun.Seen seen) {
        LockFigures off = figures(seen.scenarios.get(0), LockFigures.class);
        LockFigures on = figures(seen.scenarios.get(1), LockFigures.class);
        int workers = seen.scenarioSpecs.isEmpty() ? 0 : seen.scenarioSpecs.get(0).workers();
        // Both phases make the same updates; the table counts one phase's.
        return lost(step, sizes, workers, off.updates(), off.lostUpdates(), on.lostUpdates());
    }

    private static StepFigures lost(LessonStep step, LessonSizes sizes, int workers, long updates, long lost,
                                    long lostWithLock) {
        Figure key = Figure.count(lost);
        List<FigureRow> rows = List.of(
                FigureRow.of(Label.UPDATES, workers, Figure.count(updates), Figure.none(Figure.Unit.COUNT)),
                FigureRow.of(Label.LOST_UNLOCKED, workers, key, Figure.none(Figure.Unit.COUNT)),
                FigureRow.of(Label.LOST_LOCKED, workers, Figure.count(lostWithLock), Figure.none(Figure.Unit.COUNT)));
        return pick(new StepFigures(step, StepFigures.Outcome.MEASURED, Problem.NONE, sizes.cores(), key,
                step.lectureKey(), rows, true, 0, lostWithLock, 0, placeholder()), List.of(
                        takeaway(LOST_WITH_LOCK, Figure.count(lostWithLock)),
                        takeaway(LOST_WITHOUT_LOCK, key, Figure.count(updates)),
                        takeaway(NONE_LOST, Figure.count(updates))));
    }

    private static StepFigures scenario(LessonStep step, LessonSizes sizes, StepRun.Seen seen) {
        ScenarioOutcome outcome = seen.scenarios.get(seen.scenarios.size() - 1);
        int workers = seen.scenarioSpecs.isEmpty() ? 0 : seen.scenarioSpecs.get(seen.scenarioSpecs.size() - 1).workers();
        List<FigureRow> rows = new ArrayList<>();
        long violations;
        Figure key;
        switch (step) {
            case RLOCK -> {
                RLockFigures f = figures(outcome, RLockFigures.class);
                key = Figure.count(f.deepestHoldCount());
                rows.add(FigureRow.of(Label.HOLD_DEPTH, workers, key, none()));
                violations = f.violations();
            }
            case SEMAPHORE -> {
                SemaphoreFigures f = figures(outcome, SemaphoreFigures.class);
                key = Figure.count(f.mostInside());
                rows.add(FigureRow.of(Label.PERMITS, workers, Figure.count(f.permits()), none()));
                rows.add(FigureRow.of(Label.MOST_INSIDE, workers, key, none()));
                violations = Math.max(0, f.mostInside() - f.permits());
            }
            case CONDITION -> {
                ConditionFigures f = figures(outcome, ConditionFigures.class);
                key = Figure.count(f.fullest());
                rows.add(FigureRow.of(Label.CAPACITY, workers, Figure.count(f.capacity()), none()));
                rows.add(FigureRow.of(Label.FULLEST, workers, key, none()));
                rows.add(FigureRow.of(Label.ITEMS, workers, Figure.count(f.consumed()), none()));
                violations = Math.max(0, f.fullest() - f.capacity());
            }
            case EVENT -> {
                EventFigures f = figures(outcome, EventFigures.class);
                key = Figure.count(f.passes());
                rows.add(FigureRow.of(Label.SIGNALS, workers, Figure.count(f.cycles()), none()));
                rows.add(FigureRow.of(Label.PASSES, workers, key, none()));
                violations = f.violations();
            }
            case BARRIER -> {
                BarrierFigures f = figures(outcome, BarrierFigures.class);
                key = Figure.count(f.rounds());
                rows.add(FigureRow.of(Label.ROUNDS, workers, key, none()));
                violations = f.violations();
            }
            default -> throw new IllegalStateException("not a scenario step: " + step);
        }
        rows.add(FigureRow.of(Label.VIOLATIONS, workers, Figure.count(violations), none()));
        rows.add(FigureRow.of(Label.SCENARIO_SECONDS, workers, Figure.seconds(outcome.seconds()),
                Figure.none(Figure.Unit.SECONDS)));
        return pick(new StepFigures(step, StepFigures.Outcome.MEASURED, Problem.NONE, sizes.cores(), key,
                step.lectureKey(), rows, outcome.correct(), 0, 0, violations, placeholder()), List.of(
                        takeaway(RULE_BROKEN, Figure.count(violations)),
                        takeaway(RULE_KEPT, key)));
    }

    private static <F> F figures(ScenarioOutcome outcome, Class<F> type) {
        if (!outcome.figures().isPresent() || !type.isInstance(outcome.figures().get())) {
            throw new IllegalStateException("scenario without figures");
        }
        return type.cast(outcome.figures().get());
    }

    private static Figure none() {
        return Figure.none(Figure.Unit.COUNT);
    }

    private static Figure cores(LessonSizes sizes) {
        return Figure.count(sizes.cores());
    }

    private static Takeaway takeaway(Takeaway.Code code, Figure... args) {
        return new Takeaway(code, List.of(args));
    }

    private static Takeaway placeholder() {
        return new Takeaway(Takeaway.Code.NOT_MEASURED, List.of());
    }

    /** The figures with the first candidate takeaway that holds for them. */
    private static StepFigures pick(StepFigures f, List<Takeaway> candidates) {
        for (Takeaway t : candidates) {
            StepFigures with = new StepFigures(f.step(), f.outcome(), f.problem(), f.cores(), f.key(), f.lectureKey(),
                    f.rows(), f.allExact(), f.bestCount(), f.lostWithLock(), f.violations(), t);
            if (t.code().holds(with)) {
                return with;
            }
        }
        // A NaN key (a run that measured nothing usable) fits no sentence: say it was not measured.
        return StepFigures.notMeasured(f.step(), StepFigures.Outcome.FAILED,
                Problem.of(ProblemCode.ERROR, "no usable figure for step " + f.step().id()), f.cores());
    }
}
