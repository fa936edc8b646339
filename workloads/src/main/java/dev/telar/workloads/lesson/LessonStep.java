package dev.telar.workloads.lesson;

import static dev.telar.workloads.lesson.LessonPart.EXCHANGE;
import static dev.telar.workloads.lesson.LessonPart.PROCESSES;
import static dev.telar.workloads.lesson.LessonPart.PROCESSES_AND_THREADS;
import static dev.telar.workloads.lesson.LessonPart.SYNCHRONIZATION;
import static dev.telar.workloads.lesson.LessonPart.THREADS;

import dev.telar.workloads.exchange.TotalCheck;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.lab.LabCommand;
import dev.telar.workloads.mechanism.Mechanism;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.run.RunSpec;
import dev.telar.workloads.sync.Mode;
import dev.telar.workloads.sync.scenario.Primitive;
import dev.telar.workloads.sync.scenario.ScenarioSpec;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The lesson's steps, in the lecture's order: each one part of it, a few lab jobs and the way its
 * figures are read. The jobs are the same commands the experiments, exchange and sync views send.
 */
public enum LessonStep {
    /** Four threads of one process, and the cores they run on. */
    THREADS_IN_A_PROCESS(PROCESSES_AND_THREADS, Reading.CORES_BUSY, Figure.Unit.CORES, Double.NaN,
            EnumSet.of(Watch.CORES, Watch.WORKERS)),
    /** Kernel-level and user-level threads: platform threads against virtual threads, waiting. */
    VIRTUAL_THREADS(PROCESSES_AND_THREADS, Reading.SPEEDUP, Figure.Unit.SPEEDUP, Double.NaN,
            EnumSet.of(Watch.WORKERS)),
    /** The lecture's CPU experiment on the JVM's threads, which run in parallel. */
    JVM_THREADS(THREADS, Reading.SPEEDUP, Figure.Unit.SPEEDUP, Lecture.ONE_THREAD / Lecture.FOUR_THREADS,
            EnumSet.of(Watch.CORES, Watch.WORKERS)),
    /** The same under one global lock: the lecture's result. */
    GIL(THREADS, Reading.SPEEDUP, Figure.Unit.SPEEDUP, Lecture.ONE_THREAD / Lecture.FOUR_THREADS,
            EnumSet.of(Watch.CORES, Watch.WORKERS)),
    /** The lock's exception: waiting releases it. */
    GIL_IO(THREADS, Reading.SPEEDUP, Figure.Unit.SPEEDUP, Double.NaN, EnumSet.of(Watch.WORKERS)),
    /** One lock per interpreter. */
    SUBINTERPRETERS(THREADS, Reading.SPEEDUP, Figure.Unit.SPEEDUP, Double.NaN, EnumSet.of(Watch.CORES, Watch.WORKERS)),
    /** Limiting a native library's threads: the matrix product sweep. */
    THREAD_LIMIT(THREADS, Reading.SWEEP, Figure.Unit.SPEEDUP,
            Lecture.THREAD_LIMIT.get(1) / Lecture.THREAD_LIMIT.get(Lecture.THREAD_LIMIT_BEST), EnumSet.of(Watch.CORES)),
    /** The CPU experiment on child processes. */
    PROCESS_TARGET(PROCESSES, Reading.SPEEDUP, Figure.Unit.SPEEDUP, Lecture.ONE_PROCESS / Lecture.FOUR_PROCESSES,
            EnumSet.of(Watch.CORES, Watch.PROCESSES)),
    /** The CPU experiment on a process pool's map. */
    PROCESS_POOL(PROCESSES, Reading.SPEEDUP, Figure.Unit.SPEEDUP, Lecture.POOL_ONE / Lecture.POOL_FOUR,
            EnumSet.of(Watch.CORES, Watch.PROCESSES)),
    /** Partial sums back through pipe, queue, value and array, 1 process against 4. */
    EXCHANGE_MECHANISMS(EXCHANGE, Reading.EXCHANGE, Figure.Unit.SPEEDUP, Lecture.exchangeLowestSpeedup(),
            EnumSet.of(Watch.CORES, Watch.EXCHANGE)),
    /** Processes adding to one shared value, without the lock then with it. */
    RACE(SYNCHRONIZATION, Reading.RACE, Figure.Unit.COUNT, Double.NaN, EnumSet.of(Watch.RACE)),
    /** The lecture's lock example on threads: a shared total, the lock off then on. */
    LOCK(SYNCHRONIZATION, Reading.LOCK, Figure.Unit.COUNT, Double.NaN, EnumSet.of(Watch.SYNC)),
    /** RLock: a transfer that holds the lock and calls two methods that take it again. */
    RLOCK(SYNCHRONIZATION, Reading.SCENARIO, Figure.Unit.COUNT, Double.NaN, EnumSet.of(Watch.SYNC)),
    /** Semaphore: a limited number of connections. */
    SEMAPHORE(SYNCHRONIZATION, Reading.SCENARIO, Figure.Unit.COUNT, Double.NaN, EnumSet.of(Watch.SYNC)),
    /** Condition: producers and consumers around a bounded buffer. */
    CONDITION(SYNCHRONIZATION, Reading.SCENARIO, Figure.Unit.COUNT, Double.NaN, EnumSet.of(Watch.SYNC)),
    /** Event: workers waiting for a start signal. */
    EVENT(SYNCHRONIZATION, Reading.SCENARIO, Figure.Unit.COUNT, Double.NaN, EnumSet.of(Watch.SYNC)),
    /** Barrier: phases that all must finish before the next. */
    BARRIER(SYNCHRONIZATION, Reading.SCENARIO, Figure.Unit.COUNT, Double.NaN, EnumSet.of(Watch.SYNC));

    /** How a step's events become figures. */
    enum Reading { CORES_BUSY, SPEEDUP, SWEEP, EXCHANGE, RACE, LOCK, SCENARIO }

    /** The exchange step's mechanisms: the lecture's four that need nothing but this machine. */
    public static final List<Mechanism> MECHANISMS = List.of(Mechanism.PIPE, Mechanism.QUEUE, Mechanism.VALUE,
            Mechanism.ARRAY);

    private final LessonPart part;
    private final Reading reading;
    private final Figure.Unit keyUnit;
    private final double lectureKey;
    private final Set<Watch> watch;

    LessonStep(LessonPart part, Reading reading, Figure.Unit keyUnit, double lectureKey, Set<Watch> watch) {
        this.part = part;
        this.reading = reading;
        this.keyUnit = keyUnit;
        this.lectureKey = lectureKey;
        this.watch = Set.copyOf(watch);
    }

    public LessonPart part() {
        return part;
    }

    /** The step's word in texts, tests and file names, e.g. {@code jvm-threads}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The panels that matter for this step. */
    public Set<Watch> watch() {
        return watch;
    }

    /** The unit of the step's key figure. */
    public Figure.Unit keyUnit() {
        return keyUnit;
    }

    /** The lecture's key figure for this step (NaN when the lecture has none). */
    public Figure lectureKey() {
        return new Figure(keyUnit, lectureKey);
    }

    Reading reading() {
        return reading;
    }

    /** The model whose workers the step's parallel run uses, for the cpu, io and process steps. */
    public ModelKind model() {
        return switch (this) {
            case VIRTUAL_THREADS -> ModelKind.VIRTUAL;
            case GIL, GIL_IO -> ModelKind.GIL;
            case SUBINTERPRETERS -> ModelKind.SUBINTERPRETERS;
            case PROCESS_TARGET -> ModelKind.PROCESS_TARGET;
            case PROCESS_POOL -> ModelKind.PROCESS_POOL_MAP;
            case THREAD_LIMIT -> ModelKind.SEQUENTIAL;
            default -> ModelKind.THREAD_TARGET;
        };
    }

    /** The sync primitive of a sync step (RACE has none: it is the exchange's race demo). */
    public java.util.Optional<Primitive> primitive() {
        return switch (this) {
            case LOCK -> java.util.Optional.of(Primitive.LOCK);
            case RLOCK -> java.util.Optional.of(Primitive.RLOCK);
            case SEMAPHORE -> java.util.Optional.of(Primitive.SEMAPHORE);
            case CONDITION -> java.util.Optional.of(Primitive.CONDITION);
            case EVENT -> java.util.Optional.of(Primitive.EVENT);
            case BARRIER -> java.util.Optional.of(Primitive.BARRIER);
            default -> java.util.Optional.empty();
        };
    }

    /** The jobs this step sends to the lab, in order, sized for this machine. */
    public List<LabCommand.Job> jobs(LessonSizes sizes) {
        int w = LessonSizes.TASKS;
        return switch (reading) {
            case CORES_BUSY -> List.of(new LabCommand.RunExperiment(cpu(model(), w, sizes), false));
            case SPEEDUP -> List.of(new LabCommand.RunExperiment(
                    this == GIL_IO || this == VIRTUAL_THREADS ? io(model(), w, sizes) : cpu(model(), w, sizes), true));
            case SWEEP -> List.of(new LabCommand.RunSweep(new RunSpec(KernelKind.MATMUL, ModelKind.SEQUENTIAL, 1, 1,
                    sizes.matrixOrder(), 1, 1, 5, new int[0], RunSpec.SEED)));
            case EXCHANGE -> List.of(new LabCommand.CompareExchange(MECHANISMS, w, sizes.exchangeDraws(), true,
                    TotalCheck.AFTER_RUN));
            case RACE -> List.of(new LabCommand.RunRace(w, sizes.raceUpdates()));
            case LOCK -> List.of(new LabCommand.RunScenario(scenario(Mode.THREADS, sizes).withLock(false)),
                    new LabCommand.RunScenario(scenario(Mode.THREADS, sizes).withLock(true)));
            case SCENARIO -> List.of(new LabCommand.RunScenario(scenario(Mode.PROCESSES, sizes)));
        };
    }

    private ScenarioSpec scenario(Mode mode, LessonSizes sizes) {
        return ScenarioSpec.of(primitive().orElseThrow(), mode).withSlowdown(sizes.slowdown())
                .withSize(sizes.scenarioSize());
    }

    private static RunSpec cpu(ModelKind model, int workers, LessonSizes sizes) {
        return new RunSpec(KernelKind.CPU, model, LessonSizes.TASKS, workers, sizes.cpuDraws(), 1,
                Math.min(workers, Math.max(1, sizes.cores())), 5, new int[0], RunSpec.SEED);
    }

    private static RunSpec io(ModelKind model, int workers, LessonSizes sizes) {
        return new RunSpec(KernelKind.IO, model, LessonSizes.TASKS, workers, sizes.ioWaitMillis(), 1, 1, 5,
                new int[0], RunSpec.SEED);
    }

    /** The steps of one part, in order. */
    public static List<LessonStep> of(LessonPart part) {
        return java.util.Arrays.stream(values()).filter(s -> s.part == part).toList();
    }
}
