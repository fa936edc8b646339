package dev.telar.workloads.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The execution models, in the order the lecture presents them (threads, then child processes),
 * each with the name typed on the command line and printed in results. This is the one list of
 * them: command lines look names up here, the experiments form offers them in this order, and
 * {@link #create} builds the model.
 */
public enum ModelKind {
    SEQUENTIAL("sequential", "seq"),
    THREAD_TARGET("thread-target", "target"),
    THREAD_SUBCLASS("thread-subclass", "subcl"),
    POOL_SUBMIT("pool-submit", "submit"),
    POOL_MAP("pool-map", "map"),
    GIL("gil", "gil"),
    SUBINTERPRETERS("subinterpreters", "subinterpreters"),
    VIRTUAL("virtual", "virt"),
    PROCESS_TARGET("process-target", "process-target"),
    PROCESS_SUBCLASS("process-subclass", "process-subclass"),
    PROCESS_POOL_SUBMIT("process-pool-submit", "process-pool-submit"),
    PROCESS_POOL_MAP("process-pool-map", "process-pool-map");

    private final String label;
    private final String threadTag;

    ModelKind(String label, String threadTag) {
        this.label = label;
        this.threadTag = threadTag;
    }

    /** The name as typed on the command line, e.g. {@code thread-target}. */
    public String label() {
        return label;
    }

    /**
     * A worker's thread name, short enough for Linux, which keeps 15 characters of it (what the
     * thread list and htop show): {@code telar-target-3} rather than {@code telar-thread-target-3},
     * which every worker showed as {@code telar-thread-ta}. The {@code telar-} prefix is how the
     * dashboard tells an experiment's threads from others.
     */
    public String workerName(int index) {
        return "telar-" + threadTag + "-" + index;
    }

    /**
     * This model, configured for one run.
     *
     * @param interpreters K for {@link #SUBINTERPRETERS}
     * @param switchMillis lock switch interval for {@link #GIL} and {@link #SUBINTERPRETERS}, milliseconds
     */
    public ExecutionModel create(int interpreters, double switchMillis) {
        return switch (this) {
            case SEQUENTIAL -> new Sequential();
            case THREAD_TARGET -> new ThreadTarget();
            case THREAD_SUBCLASS -> new ThreadSubclass();
            case POOL_SUBMIT -> new PoolSubmit();
            case POOL_MAP -> new PoolMap();
            case GIL -> new GilEmulation(switchMillis);
            case SUBINTERPRETERS -> new SubInterpreters(interpreters, switchMillis);
            case VIRTUAL -> new VirtualThreads();
            case PROCESS_TARGET -> new ProcessTargetModel();
            case PROCESS_SUBCLASS -> new ProcessSubclassModel();
            case PROCESS_POOL_SUBMIT -> new ProcessPoolSubmit();
            case PROCESS_POOL_MAP -> new ProcessPoolMap();
        };
    }

    /** True when this model runs its tasks in child processes. */
    public boolean startsProcesses() {
        return create(1, 5).startsProcesses();
    }

    /** False for a model this JVM lacks (virtual threads before Java 21); {@link ExecutionModel#unavailableReason} says why. */
    public boolean available() {
        return create(1, 5).unavailableReason().isEmpty();
    }

    /**
     * The model called {@code label} (exact, lower case), or empty: a caller words the refusal in
     * its own language, naming the valid ones with {@link #labels()}.
     */
    public static Optional<ModelKind> byLabel(String label) {
        return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst();
    }

    /** Every model's name, in order, comma-separated. */
    public static String labels() {
        return Arrays.stream(values()).map(ModelKind::label).collect(Collectors.joining(", "));
    }

    /** min(32, cores + 4): the lecture's ThreadPoolExecutor default for max_workers. */
    public static int defaultPoolSize() {
        return Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
    }
}
