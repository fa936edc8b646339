package dev.telar.workloads.model;

import java.util.List;
import java.util.Optional;

/** The execution models (threads, then child processes) by command-line name, and the lecture's default pool size. */
public final class Models {
    /** Model names in the order the lecture presents them. */
    public static final List<String> NAMES = List.of("sequential", "thread-target", "thread-subclass",
            "pool-submit", "pool-map", "gil", "subinterpreters", "virtual",
            "process-target", "process-subclass", "process-pool-submit", "process-pool-map");

    private Models() {
    }

    /**
     * The model called {@code name}, configured for one run.
     *
     * @param interpreters K for {@code subinterpreters}
     * @param switchMillis lock switch interval for {@code gil} and {@code subinterpreters}, milliseconds
     */
    public static Optional<ExecutionModel> byName(String name, int interpreters, double switchMillis) {
        return Optional.ofNullable(switch (name) {
            case "sequential" -> new Sequential();
            case "thread-target" -> new ThreadTarget();
            case "thread-subclass" -> new ThreadSubclass();
            case "pool-submit" -> new PoolSubmit();
            case "pool-map" -> new PoolMap();
            case "gil" -> new GilEmulation(switchMillis);
            case "subinterpreters" -> new SubInterpreters(interpreters, switchMillis);
            case "virtual" -> new VirtualThreads();
            case "process-target" -> new ProcessTargetModel();
            case "process-subclass" -> new ProcessSubclassModel();
            case "process-pool-submit" -> new ProcessPoolSubmit();
            case "process-pool-map" -> new ProcessPoolMap();
            default -> null;
        });
    }

    /** True when {@code name} is a model that runs its tasks in child processes. */
    public static boolean startsProcesses(String name) {
        return byName(name, 1, 5).map(ExecutionModel::startsProcesses).orElse(false);
    }

    /** min(32, cores + 4): the lecture's ThreadPoolExecutor default for max_workers. */
    public static int defaultPoolSize() {
        return Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
    }
}
