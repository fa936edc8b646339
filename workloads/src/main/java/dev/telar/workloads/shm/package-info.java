/**
 * The shared-memory stack under every inter-process structure: {@link
 * dev.telar.workloads.shm.MappedFile} (the one mapping of a shared file, its blocks reserved on
 * disk first), {@link dev.telar.workloads.shm.PidNamespaceStamp} (the namespace word every such
 * file carries), {@link dev.telar.workloads.shm.Backoff} (spin, then park, for waits nobody wakes)
 * and {@link dev.telar.workloads.shm.ProcessMutex} (a process-owned lock word beside the data it
 * guards). The exchange mechanisms, the start gate and the process synchronization primitives all
 * build on it; it knows none of them.
 */
package dev.telar.workloads.shm;
