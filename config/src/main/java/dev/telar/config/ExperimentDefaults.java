package dev.telar.config;

/**
 * Sizes an experiment form starts with.
 *
 * @param draws      random draws per task (CPU kernel)
 * @param tasks      tasks per run
 * @param workers    worker threads or processes; 0 means one per core
 * @param matrixSize side of the square matrices of the matmul kernel
 */
public record ExperimentDefaults(long draws, int tasks, int workers, int matrixSize) {
}
