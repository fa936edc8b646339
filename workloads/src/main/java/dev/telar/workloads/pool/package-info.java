/**
 * A pool of long-lived worker JVMs fed through Chronicle queues: {@link dev.telar.workloads.pool.ProcessPool}
 * in the parent, {@link dev.telar.workloads.pool.PoolWorker} in each child, plain-data tasks of the
 * fixed kinds in {@link dev.telar.workloads.pool.TaskKinds}.
 */
package dev.telar.workloads.pool;
