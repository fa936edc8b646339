/**
 * The primitives for separate JVM processes: each lives in a small memory-mapped file that every
 * participant maps, and changes by compare-and-swap on 64-bit words.
 *
 * <p>Who holds what is written into the shared words as an owner word (pid, a per-JVM thread tag
 * and the process start time), so that a waiter can tell when a holder process has died and take
 * over, and a panel can name holders. Waiting spins for a few microseconds (adaptively), then sleeps
 * on a Linux futex in the shared file: fast hand-offs between busy processes, no CPU for a process
 * that waits long.
 */
package dev.telar.workloads.sync.process;
