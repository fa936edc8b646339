/**
 * The shared-memory stack under every inter-process structure: {@link
 * dev.telar.workloads.shm.MappedFile} (the one mapping of a shared file, its blocks reserved on
 * disk first), {@link dev.telar.workloads.shm.PidNamespaceStamp} (the namespace word every such
 * file carries), {@link dev.telar.workloads.shm.Backoff} (the one way to wait for another process:
 * spin, then park for waits nobody announces, or sleep on a {@link
 * dev.telar.workloads.shm.WakeWord} futex for waits that are announced), and {@link
 * dev.telar.workloads.shm.ProcessMutex} (the one lock between processes, owned per process or per
 * thread, recovered from dead holders) with the {@link dev.telar.workloads.shm.Acquirer} loop it
 * shares with the process semaphore. The exchange mechanisms, the start gate and the process
 * synchronization primitives all build on it; it knows none of them.
 */
package dev.telar.workloads.shm;
