/**
 * Benchmarks, each participant a child JVM warmed up until its loop runs steady, started together
 * at a gate and measured only once the gate opens: inter-process exchange through every mechanism
 * ({@link dev.telar.workloads.bench.IpcBench}); and the synchronization primitives under the Python
 * peer's workloads ({@code lock_acq_rel}, {@code barrier_rounds}, {@code event_pingpong}), between
 * child JVMs and between threads, with the CPU a blocked waiter costs
 * ({@link dev.telar.workloads.bench.SyncBench}).
 */
package dev.telar.workloads.bench;
