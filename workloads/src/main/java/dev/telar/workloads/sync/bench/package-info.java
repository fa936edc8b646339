/**
 * Throughput of the primitives under the Python peer's workloads ({@code lock_acq_rel},
 * {@code barrier_rounds}, {@code event_pingpong}), between child JVMs and between threads, and
 * the CPU a blocked waiter costs.
 */
package dev.telar.workloads.sync.bench;
