package dev.telar.tui.view;

import dev.telar.config.ExperimentDefaults;
import dev.telar.tui.text.Message;
import dev.telar.tui.text.Problems;
import dev.telar.workloads.kernel.KernelKind;
import dev.telar.workloads.model.ModelKind;
import dev.telar.workloads.problem.Problem;
import dev.telar.workloads.run.ExperimentRunner;
import dev.telar.workloads.run.Experiments;
import dev.telar.workloads.run.RunResult;
import dev.telar.workloads.run.RunSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * The experiments view's state: the form (kernel, model, workers, tasks, size, affinity,
 * baseline), whether its job runs in the lab, the finished runs and the last sweep.
 *
 * <p>Owned by the UI thread; not thread-safe. Panels read it; only its controller changes
 * it, from keys and from the lab's events that arrived through the event loop's queue.
 */
public final class ExperimentState {
    /**
     * The form's fields, top to bottom. {@link #PARAM} is the selected model's own setting (the
     * GIL's switch interval, or the number of interpreters) and shows only for those two models.
     */
    public enum Field { KERNEL, MODEL, PARAM, WORKERS, TASKS, SIZE, AFFINITY, BASELINE }

    /** Finished runs kept for the results table; older ones are dropped. */
    public static final int MAX_RESULTS = 50;
    /** Most workers (or matmul threads) the form offers. */
    public static final int MAX_WORKERS = 64;
    /** Most tasks the form offers. */
    public static final int MAX_TASKS = 64;
    /** Size presets per kernel (same order as {@link KernelKind}): cpu draws per task, io ms per wait, matmul n. */
    static final long[][] SIZES = {
        {10_000_000L, 50_000_000L, 200_000_000L, 1_000_000_000L},
        {20, 50, 200},
        // 2000 is the lecture's threadpoolctl product (three 32 MB matrices): it runs in the lab
        // JVM, whose heap is the default, not in the dashboard's 64 MB.
        {300, 500, 1000, 2000},
    };
    /** Switch intervals the form offers for the GIL model, milliseconds; the command line's default is 5. */
    static final double[] SWITCH_MILLIS = {1, 5, 20, 100};
    /** Interpreter counts the form offers for the subinterpreters model; the command line's default is 2. */
    static final int[] INTERPRETERS = {1, 2, 4, 8};

    private final int machineCores;
    /** {@link #SIZES} with the settings' cpu draws and matmul order added where they are not presets. */
    private final long[][] sizes;
    private Field field = Field.KERNEL;
    /** Index of the selected kernel in {@link KernelKind#values()}, and so in {@link #sizes}. */
    private int kernel;
    /** Index of the selected model in {@link ModelKind#values()}. */
    private int model = ModelKind.THREAD_TARGET.ordinal();
    private int workers;
    private int tasks;
    private final int[] sizeIndex;
    private Affinity affinity = Affinity.NONE;
    private boolean baseline = true;
    private int switchIndex = 1;
    private int interpretersIndex = 1;

    private boolean busy;
    private RunSpec running;
    private Set<Integer> children = Set.of();
    private boolean sweeping;
    private Message message = Message.NONE;
    private final List<RunResult> results = new ArrayList<>();
    private List<RunResult> sweep = List.of();
    private boolean showSweep;

    /** A form with the built-in defaults ({@link ExperimentDefaults#DEFAULTS}). */
    public ExperimentState(int machineCores) {
        this(machineCores, ExperimentDefaults.DEFAULTS);
    }

    /**
     * @param machineCores logical cores of this machine (for "spread" pinning, and workers 0)
     * @param defaults     what the form starts with: workers (0: one per core), tasks, cpu draws, matmul order
     */
    public ExperimentState(int machineCores, ExperimentDefaults defaults) {
        this.machineCores = Math.max(1, machineCores);
        this.workers = clamp(defaults.workersFor(this.machineCores), 1, MAX_WORKERS);
        this.tasks = clamp(defaults.tasks(), 1, MAX_TASKS);
        // Same order as SIZES: cpu, io, matmul.
        this.sizes = new long[][] {withPreset(SIZES[0], defaults.draws()), SIZES[1].clone(),
            withPreset(SIZES[2], defaults.matrixSize())};
        this.sizeIndex = new int[] {indexOf(sizes[0], defaults.draws()), 1, indexOf(sizes[2], defaults.matrixSize())};
    }

    /** The presets plus {@code value}, in order, so that the form can start from a size that is not a preset. */
    private static long[] withPreset(long[] presets, long value) {
        return LongStream.concat(LongStream.of(presets), LongStream.of(value)).distinct().sorted().toArray();
    }

    private static int indexOf(long[] values, long value) {
        return Arrays.binarySearch(values, value);
    }

    /** The field Up/Down have selected. */
    public Field field() {
        return field;
    }

    /** The fields the form shows now, top to bottom: {@link Field#PARAM} only for gil and subinterpreters. */
    public List<Field> fields() {
        List<Field> shown = new ArrayList<>(List.of(Field.values()));
        if (param() == Param.NONE) {
            shown.remove(Field.PARAM);
        }
        return shown;
    }

    void moveField(int delta) {
        List<Field> shown = fields();
        field = shown.get(Math.floorMod(shown.indexOf(field) + delta, shown.size()));
    }

    void selectField(Field chosen) {
        field = chosen;
    }

    /** Changes the selected field by one step (Left: -1, Right: +1); returns false if nothing changed. */
    boolean change(int delta) {
        switch (field) {
            case KERNEL -> kernel = Math.floorMod(kernel + delta, KernelKind.values().length);
            case MODEL -> {
                if (matmul()) {
                    return false; // the product runs on its own threads; the model does not apply
                }
                model = Math.floorMod(model + delta, ModelKind.values().length);
            }
            case WORKERS -> {
                int before = workers;
                workers = clamp(workers + delta, 1, MAX_WORKERS);
                return workers != before;
            }
            case TASKS -> {
                int before = tasks;
                tasks = clamp(tasks + delta, 1, MAX_TASKS);
                return tasks != before;
            }
            case SIZE -> {
                int before = sizeIndex[kernel];
                sizeIndex[kernel] = clamp(before + delta, 0, sizes[kernel].length - 1);
                return sizeIndex[kernel] != before;
            }
            case PARAM -> {
                return changeParam(delta);
            }
            case AFFINITY -> affinity = Affinity.values()[Math.floorMod(affinity.ordinal() + delta, Affinity.values().length)];
            case BASELINE -> baseline = !baseline;
            default -> {
                return false;
            }
        }
        message = Message.NONE;
        return true;
    }

    private boolean changeParam(int delta) {
        switch (param()) {
            case SWITCH -> {
                int before = switchIndex;
                switchIndex = clamp(before + delta, 0, SWITCH_MILLIS.length - 1);
                return switchIndex != before;
            }
            case INTERPRETERS -> {
                int before = interpretersIndex;
                interpretersIndex = clamp(before + delta, 0, INTERPRETERS.length - 1);
                return interpretersIndex != before;
            }
            default -> {
                return false;
            }
        }
    }

    /** Which setting of its own the selected model has. */
    public enum Param { NONE, SWITCH, INTERPRETERS }

    /** The selected model's own setting: the GIL's switch interval, subinterpreters' count, or none. */
    public Param param() {
        if (matmul()) {
            return Param.NONE;
        }
        return switch (model()) {
            case GIL -> Param.SWITCH;
            case SUBINTERPRETERS -> Param.INTERPRETERS;
            default -> Param.NONE;
        };
    }

    /** Selected switch interval of the GIL model, milliseconds. */
    public double switchMillis() {
        return SWITCH_MILLIS[switchIndex];
    }

    /** Selected number of interpreters of the subinterpreters model. */
    public int interpreters() {
        return INTERPRETERS[interpretersIndex];
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /** Selected kernel: cpu, io or matmul. */
    public KernelKind kernel() {
        return KernelKind.values()[kernel];
    }

    /** True when the matmul kernel is selected: workers then limit the product's threads. */
    public boolean matmul() {
        return kernel() == KernelKind.MATMUL;
    }

    /** Selected model. */
    public ModelKind model() {
        return ModelKind.values()[model];
    }

    /** Selected workers (for matmul: the product's thread limit). */
    public int workers() {
        return workers;
    }

    /** Selected tasks (for matmul: repetitions of the product). */
    public int tasks() {
        return tasks;
    }

    /** Selected size in the kernel's unit (draws per task, ms per wait, matrix order). */
    public long size() {
        return sizes[kernel][sizeIndex[kernel]];
    }

    /** Selected pinning. */
    public Affinity affinity() {
        return affinity;
    }

    /** True when a run is preceded by its sequential baseline. */
    public boolean baseline() {
        return baseline;
    }

    /** The run the form describes. */
    public RunSpec spec() {
        boolean mm = matmul();
        return new RunSpec(kernel(), mm ? ModelKind.SEQUENTIAL : model(), tasks, mm ? 1 : workers, size(),
                mm ? workers : 1, interpreters(), switchMillis(), affinity.cores(machineCores), RunSpec.SEED);
    }

    /** Why the form's run cannot start (e.g. virtual threads on Java 17), or empty. */
    public Optional<Problem> problem() {
        return Experiments.problem(spec());
    }

    /** {@link #problem()} as a message in the user's language (e.g. a model this JVM lacks). */
    public Optional<Message> problemMessage() {
        return problem().map(Problems::message);
    }

    /** True from the lab's start of an experiment or sweep job until its end. */
    public boolean busy() {
        return busy;
    }

    /** True while the busy job is a sweep. */
    public boolean sweeping() {
        return busy && sweeping;
    }

    /** The lab started the run (or, when {@code sweep}, the sweep) this view asked for. */
    void jobStarted(boolean sweep) {
        busy = true;
        sweeping = sweep;
        message = Message.NONE;
        if (!sweep) {
            showSweep = false; // a plain run brings the worker list back in place of the last sweep
        }
    }

    /** The run in progress, or null. */
    public RunSpec running() {
        return running;
    }

    void started(RunSpec spec) {
        running = spec;
        busy = true;
    }

    /** Pids of the child processes computing for the run in progress (process models); empty otherwise. */
    public Set<Integer> children() {
        return children;
    }

    void childrenStarted(List<Long> pids) {
        children = pids.stream().map(Long::intValue).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    void finished(RunResult result) {
        running = null;
        children = Set.of();
        results.add(result);
        if (results.size() > MAX_RESULTS) {
            results.remove(0);
        }
    }

    void sweepFinished(List<RunResult> all) {
        sweep = List.copyOf(all);
        showSweep = true;
    }

    void idle() {
        // Notes such as "cancelling…" or "an experiment is running" describe the job that just ended.
        message = Message.NONE;
        busy = false;
        sweeping = false;
        running = null;
        children = Set.of();
    }

    /** A one-line note for the user (why a run did not start); {@link Message#NONE} when none. */
    public Message message() {
        return message;
    }

    void setMessage(Message message) {
        this.message = message;
    }

    /** Finished runs, oldest first, at most {@link #MAX_RESULTS}. */
    public List<RunResult> results() {
        return List.copyOf(results);
    }

    /** The last sweep's results, baseline first; empty before the first sweep. */
    public List<RunResult> sweep() {
        return sweep;
    }

    /** True when the sweep table should be shown (a sweep finished and no plain run followed). */
    public boolean showSweep() {
        return showSweep && !sweep.isEmpty();
    }

    /** The baseline spec a run of the form would use, for labels. */
    public RunSpec baselineSpec() {
        return ExperimentRunner.baselineOf(spec());
    }
}
