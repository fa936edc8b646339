package dev.telar.workloads.pool;

/**
 * The outcome of one pool task that completed in a worker. Immutable.
 *
 * @param taskId    the id the pool gave the task (ascending in submission order)
 * @param value     the task's result, bit for bit as the worker computed it
 * @param workerPid process id of the worker that ran it
 * @param core      logical core the worker's thread was on when the task ended
 * @param cpuNanos  CPU time of the worker's thread for this task, nanoseconds
 */
public record PoolResult(long taskId, double value, long workerPid, int core, long cpuNanos) {
}
