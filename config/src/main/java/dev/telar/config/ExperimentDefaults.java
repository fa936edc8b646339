package dev.telar.config;

/**
 * Sizes an experiment starts with: the dashboard's experiments form, and {@code telar run} or
 * {@code telar sweep} for every option not given on their command line.
 *
 * @param draws      random draws per task of the cpu kernel ({@value #MIN_DRAWS}..{@value #MAX_DRAWS})
 * @param tasks      tasks per run ({@value #MIN_TASKS}..{@value #MAX_TASKS})
 * @param workers    worker threads or processes; 0 means one per core ({@value #MIN_WORKERS}..{@value #MAX_WORKERS})
 * @param matrixSize order n of the n×n matrices of the matmul kernel ({@value #MIN_MATRIX}..{@value #MAX_MATRIX})
 */
public record ExperimentDefaults(long draws, int tasks, int workers, int matrixSize) {
    public static final long MIN_DRAWS = 1;
    /** The workloads' own limit: at about 1.3 ns a draw, a task of this size runs over two minutes. */
    public static final long MAX_DRAWS = 100_000_000_000L;
    public static final int MIN_TASKS = 1;
    /** The experiments form offers at most this many tasks. */
    public static final int MAX_TASKS = 64;
    /** 0 stands for one worker per core. */
    public static final int MIN_WORKERS = 0;
    /** The experiments form offers at most this many workers. */
    public static final int MAX_WORKERS = 64;
    public static final int MIN_MATRIX = 1;
    /** The matmul kernel's own limit. */
    public static final int MAX_MATRIX = 8192;

    /**
     * What Telar uses without a settings file: the lecture's 4 workers and 4 tasks, about a quarter
     * of a second of cpu work per task, 500×500 matrices.
     */
    public static final ExperimentDefaults DEFAULTS = new ExperimentDefaults(200_000_000L, 4, 4, 500);

    /** @throws SettingsException when a value is outside its range; the loader reports those earlier, with their source */
    public ExperimentDefaults {
        Ranges.check("experiments.draws", draws, MIN_DRAWS, MAX_DRAWS);
        Ranges.check("experiments.tasks", tasks, MIN_TASKS, MAX_TASKS);
        Ranges.check("experiments.workers", workers, MIN_WORKERS, MAX_WORKERS);
        Ranges.check("experiments.matrix", matrixSize, MIN_MATRIX, MAX_MATRIX);
    }

    /** The workers to use: {@link #workers()}, or {@code cores} when that is 0. */
    public int workersFor(int cores) {
        return workers == 0 ? Math.max(1, cores) : workers;
    }
}
