/**
 * The primitives for separate JVM processes: each lives in a small memory-mapped file that every
 * participant maps, and changes by compare-and-swap on 64-bit words.
 *
 * <p>Who holds what is written into the shared words as an owner word (pid, a per-JVM thread tag
 * and the process start time), so that a waiter can tell when a holder process has died and take
 * over, and a panel can name holders. Lock and RLock are the shared-memory stack's one lock
 * ({@code shm.ProcessMutex}, owned per thread); every primitive waits with its {@code shm.Backoff}:
 * a spin of a few microseconds (adaptive), then sleep on a Linux futex in the shared file. Fast
 * hand-offs between busy processes, no CPU for a process that waits long.
 */
package dev.telar.workloads.sync.process;
